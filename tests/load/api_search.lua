-- GET /api/search with a different minimum price each time, so the output cache never answers and every request runs
-- the engine. LOAD_CACHED=1 leaves it out (the cached variant).
package.path = (os.getenv("LOAD_SCRIPTS") or "tests/load") .. "/?.lua;" .. package.path
local common = require("common")
local cached = os.getenv("LOAD_CACHED") == "1"
common.install(cached and "api-search-cached" or "api-search")
local queries

function init(args)
  math.randomseed(os.time() + thread_index * 7919)
  queries = common.lines("queries.txt")
end

function request()
  local path = "/api/search?q=" .. common.escape(common.pick(queries))
  if not cached then path = path .. common.uncached() end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  common.count(status)
end
