-- GET /api/clients?search=… with a different term each time (names, contacts, e-mail fragments).
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_TOKEN")
wrk.headers["Accept"] = "application/json"
local terms = { "acme", "globex rob", "harbor", "olivia", "nguyen", "okafor", "cobalt fr", "sofia.tanaka",
                "zephyr", "willow ap", "hiroshi", "lumen", "pioneer", "12345", "kim", "vista cl" }
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, "/api/clients?limit=50&search=" .. terms[(i % #terms) + 1]:gsub(" ", "%%20"))
end
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
