-- GET one page of the clients list (default sort), as the API's first page.
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_TOKEN")
wrk.headers["Accept"] = "application/json"
local sorts = { "name", "-createdAt", "estimatedMonthlySpend", "-name" }
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, "/api/clients?limit=50&sort=" .. sorts[(i % #sorts) + 1])
end
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
