-- GET the pipeline board (HTML, signed in by session cookie): the whole page, and the board alone as
-- HTMX asks for it when a filter changes. Six columns of 20 cards plus their totals over 8,000 deals.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("ORBIT_COOKIE")
wrk.headers["Accept"] = "text/html"
local paths = { "/pipeline", "/pipeline?search=licence", "/pipeline", "/pipeline?closeFrom=2026-12-01&closeTo=2027-03-31" }
request = cycle(paths)
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
