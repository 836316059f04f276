-- GET /command?q=… as the command bar asks for it (htmx, session cookie): ORBIT_TERMS=short ("a", "s", …: one
-- letter, the widest prefixes), long (names, contacts, e-mail parts, two words), or none (miss on every type).
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/common.lua")
wrk.method = "GET"
wrk.headers["Cookie"] = os.getenv("ORBIT_COOKIE")
wrk.headers["HX-Request"] = "true"
wrk.headers["Accept"] = "text/html"
local sets = {
  short = { "a", "s", "h", "k", "o", "w", "c", "m" },
  long = { "harbor", "olivia", "globex rob", "zephyr", "sofia.tanaka", "cobalt fr", "meeting 42", "willow ap",
           "nguyen", "pioneer", "hooli", "kim" },
  none = { "zzqx", "qqqq", "xylophone" },
}
local terms = sets[os.getenv("ORBIT_TERMS") or "long"]
for k, term in ipairs(terms) do terms[k] = (term:gsub(" ", "%%20")) end
request = cycle(prefixed("/command?q=", terms))
dofile(os.getenv("ORBIT_BENCH_DIR") .. "/report.lua")
