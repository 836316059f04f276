-- PATCH /api/crm/deals/{id}/stage: moves deals of the measured workspace between open stages at a
-- position near the top of the target column (a rank between two others, never a renumbering).
-- Concurrent moves into the same gap may collide: those answer 409, which the report counts as errors.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "PATCH"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_TOKEN")
wrk.headers["Content-Type"] = "application/json"
local ids = lines("deal-ids.txt")
local stages = { "lead", "qualified", "proposal", "negotiation" }
local i = 0
request = function()
  i = i + 1
  local body = string.format('{"stage": "%s", "position": %d}', stages[(i % #stages) + 1], i % 15)
  return wrk.format(nil, "/api/crm/deals/" .. ids[(i * 7919 % #ids) + 1] .. "/stage", nil, body)
end
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
