-- Browse the catalog page by page (anonymous): /Listings?page=1…200, the first pages most often.
package.path = (os.getenv("LOAD_SCRIPTS") or "tests/load") .. "/?.lua;" .. package.path
local common = require("common")
common.install("browse")

function init(args)
  math.randomseed(os.time() + thread_index * 7919)
end

function request()
  local page = math.random(10) <= 6 and math.random(10) or math.random(200)
  return wrk.format("GET", "/Listings?page=" .. page)
end

function response(status, headers, body)
  common.count(status)
end
