-- GET the clients list through the API filtered by a select field and sorted by a number field (issue 13):
-- first pages for each option, both directions, and deep pages (cursors run.sh collected), in turn.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_TOKEN")
wrk.headers["Accept"] = "application/json"
request = cycle(lines("custom-fields-paths.txt"))
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
