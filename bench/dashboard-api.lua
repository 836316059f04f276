-- GET /api/crm/dashboard (the eight metrics) and /api/crm/forecast over the workspace with 50,000 deals.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_DASH_TOKEN")
wrk.headers["Accept"] = "application/json"
local paths = { "/api/crm/dashboard", "/api/crm/dashboard?period=last_12_months", "/api/crm/forecast?months=12",
                "/api/crm/dashboard?period=all_time" }
request = cycle(paths)
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
