-- GET the board of a pipeline other than the default one (issue 16): five columns, 2,000 deals.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("ORBIT_COOKIE")
wrk.headers["Accept"] = "text/html"
local p = os.getenv("ORBIT_PIPELINE")
local paths = { "/pipeline?pipeline=" .. p, "/pipeline?pipeline=" .. p .. "&search=deal", "/pipeline?pipeline=" .. p }
request = cycle(paths)
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
