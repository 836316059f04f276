-- GET /api/crm/meetings for a week (the calendar's range query, up to 500 meetings with their attendees)
-- across two years of 20,000 meetings; weeks chosen by run.sh.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_TOKEN")
wrk.headers["Accept"] = "application/json"
request = cycle(lines("meeting-weeks-api.txt"))
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
