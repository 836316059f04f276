-- GET the dashboard page (HTML, signed in by session cookie) of the workspace with 50,000 deals and
-- 1,000,000 activities: the eight figures, the forecast, the funnel and won/lost per month, computed on
-- every request. Rotates the periods (and one owner filter), as people switch them.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("ORBIT_DASH_COOKIE")
wrk.headers["Accept"] = "text/html"
local paths = { "/dashboard", "/dashboard?period=last_12_months", "/dashboard?period=all_time",
                "/dashboard?period=this_quarter", "/dashboard?period=this_year&ownerId=" .. os.getenv("ORBIT_DASH_OWNER") }
request = cycle(paths)
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
