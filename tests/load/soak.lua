-- The soak's anonymous read mix: uncached search, catalog pages, listing detail (JSON and page), targets, search page.
package.path = (os.getenv("LOAD_SCRIPTS") or "tests/load") .. "/?.lua;" .. package.path
local common = require("common")
common.install("soak")
local listings, queries

function init(args)
  math.randomseed(os.time() + thread_index * 7919)
  listings = common.lines("listings.txt")
  queries = common.lines("queries.txt")
end

function request()
  local roll = math.random(100)
  local path
  if roll <= 30 then path = "/api/search?q=" .. common.escape(common.pick(queries)) .. common.uncached()
  elseif roll <= 50 then path = "/Listings?page=" .. math.random(50)
  elseif roll <= 70 then path = "/api/listings/" .. common.pick(listings)
  elseif roll <= 85 then path = "/Listings/Detail/" .. common.pick(listings)
  elseif roll <= 95 then path = "/api/targets"
  else path = "/Search?Q=" .. common.escape(common.pick(queries)) end
  return wrk.format("GET", path)
end

function response(status, headers, body)
  common.count(status)
end
