-- GET the clients list page (HTML, signed in by session cookie) with a live-search term.
wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("ORBIT_COOKIE")
wrk.headers["Accept"] = "text/html"
local terms = { "", "acme", "harbor", "olivia", "okafor", "zephyr" }
local i = 0
request = function()
  i = i + 1
  return wrk.format(nil, "/clients?search=" .. terms[(i % #terms) + 1])
end
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
