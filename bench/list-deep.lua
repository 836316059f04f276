-- GET one page of the clients list 100 pages (of 50) deep: sorted by name, by -estimatedMonthlySpend and by
-- createdAt, each with the cursor of page 101 (after 5,000 rows). run.sh gets the cursors before the run
-- by following the API's `Link: <…>; rel="next"` 100 times per sort, and writes the URLs (path and query)
-- to target/deep-clients.txt. Under row-level security a keyset that is not an index condition reads
-- every row before the cursor, so this is where such a plan shows: a deep page must cost what page 1 does.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("ORBIT_TOKEN")
wrk.headers["Accept"] = "application/json"
request = cycle(lines("deep-clients.txt"))
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
