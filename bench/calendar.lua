-- The Meetings page's week view (HTML) for weeks across two years of 20,000 meetings; weeks chosen by run.sh.
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("ORBIT_COOKIE")
request = cycle(lines("meeting-weeks-page.txt"))
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
