-- The plan targets (anonymous): the current period and each year of it.
package.path = (os.getenv("LOAD_SCRIPTS") or "tests/load") .. "/?.lua;" .. package.path
local common = require("common")
common.install("targets")
local paths = { "/api/targets", "/api/targets?year=2023", "/api/targets?year=2024", "/api/targets?year=2025" }

function init(args)
  math.randomseed(os.time() + thread_index * 7919)
end

function request()
  return wrk.format("GET", common.pick(paths))
end

function response(status, headers, body)
  common.count(status)
end
