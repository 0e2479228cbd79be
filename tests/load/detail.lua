-- A listing's detail, alternately as JSON (/api/listings/{id}) and as the page (/Listings/Detail/{id}), over 20,000 ids.
package.path = (os.getenv("LOAD_SCRIPTS") or "tests/load") .. "/?.lua;" .. package.path
local common = require("common")
common.install("detail")
local listings
local turn = 0

function init(args)
  math.randomseed(os.time() + thread_index * 7919)
  listings = common.lines("listings.txt")
end

function request()
  turn = turn + 1
  local id = common.pick(listings)
  return wrk.format("GET", (turn % 2 == 0 and "/api/listings/" or "/Listings/Detail/") .. id)
end

function response(status, headers, body)
  common.count(status)
end
