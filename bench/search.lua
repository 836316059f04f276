-- GET /api/clients?search=… with a different term each time (names, contacts, e-mail fragments).
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_TOKEN")
wrk.headers["Accept"] = "application/json"
local terms = { "acme", "globex rob", "harbor", "olivia", "nguyen", "okafor", "cobalt fr", "sofia.tanaka",
                "zephyr", "willow ap", "hiroshi", "lumen", "pioneer", "12345", "kim", "vista cl" }
for k, term in ipairs(terms) do terms[k] = (term:gsub(" ", "%%20")) end
request = cycle(prefixed("/api/clients?limit=50&search=", terms))
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
