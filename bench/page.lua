-- GET the clients list page (HTML, signed in by session cookie) with a live-search term.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("ORBIT_COOKIE")
wrk.headers["Accept"] = "text/html"
if os.getenv("ORBIT_GZIP") then wrk.headers["Accept-Encoding"] = "gzip" end
local terms = { "", "acme", "harbor", "olivia", "okafor", "zephyr" }
request = cycle(prefixed("/clients?search=", terms))
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
