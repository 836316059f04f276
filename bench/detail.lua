-- GET /api/clients/{id} for ids of the benchmark workspace, spread over its 100,000 clients.
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_TOKEN")
wrk.headers["Accept"] = "application/json"
local ids = {}
for line in io.lines(os.getenv("ORBIT_BENCH_DIR") .. "/target/ids.txt") do ids[#ids + 1] = line end
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, "/api/clients/" .. ids[(i % #ids) + 1])
end
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
