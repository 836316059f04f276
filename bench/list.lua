-- GET one page of the clients list (default sort), as the API's first page.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_TOKEN")
wrk.headers["Accept"] = "application/json"
local sorts = { "name", "-createdAt", "estimatedMonthlySpend", "-name" }
request = cycle(prefixed("/api/clients?limit=50&sort=", sorts))
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
