-- GET the board's "load more" of a column (HTML fragment, session cookie, as HTMX asks for it) at the
-- deepest place that exists: the measured workspace has 1,250 cards per open stage, so for the four open
-- columns it is their last page (after card 1,240: the 63rd page of 20, 10 cards), and for Closed Won
-- (2,000 cards) the 100th page (after card 1,980, 20 cards). run.sh reads the rank of the card after which
-- each page continues from the database and writes the URLs (/pipeline/columns/{stage}?after=<rank>) to
-- target/deep-board.txt. The ranks are text collate "C": a deep page is an index range, like the first.
-- (Once the move scenario has run, the open columns hold a few cards more or fewer: the rank still
-- names the same place near their end.)
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("ORBIT_COOKIE")
wrk.headers["Accept"] = "text/html"
wrk.headers["HX-Request"] = "true"
request = cycle(lines("deep-board.txt"))
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
