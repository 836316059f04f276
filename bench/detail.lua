-- GET /api/clients/{id} for ids of the benchmark workspace, spread over its 100,000 clients.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_TOKEN")
wrk.headers["Accept"] = "application/json"
request = cycle(prefixed("/api/clients/", lines("ids.txt")))
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
