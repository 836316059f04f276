-- Helpers every scenario loads first: the lines of a file run.sh wrote into target/, and a request
-- function that GETs the given paths in turn.
function lines(name)
  local found = {}
  for line in io.lines(os.getenv("ORBIT_BENCH_DIR") .. "/target/" .. name) do found[#found + 1] = line end
  return found
end

function cycle(paths)
  local i = 0
  return function()
    i = i + 1
    return wrk.format(nil, paths[(i % #paths) + 1])
  end
end

function prefixed(prefix, items)
  local paths = {}
  for k, v in ipairs(items) do paths[k] = prefix .. v end
  return paths
end
