-- The search page (anonymous), rotating Chinese, English and mixed queries over pages 1–3.
package.path = (os.getenv("LOAD_SCRIPTS") or "tests/load") .. "/?.lua;" .. package.path
local common = require("common")
common.install("search-page")
local queries

function init(args)
  math.randomseed(os.time() + thread_index * 7919)
  queries = common.lines("queries.txt")
end

function request()
  return wrk.format("GET", "/Search?Q=" .. common.escape(common.pick(queries)) .. "&Page=" .. math.random(3))
end

function response(status, headers, body)
  common.count(status)
end
