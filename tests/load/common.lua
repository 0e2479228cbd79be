-- Shared by the scenario scripts: the data files load-prepare wrote (LOAD_DIR), rotation, and counting of status
-- classes per wrk thread, summed in done() through the thread objects kept in setup() (each thread has its own Lua
-- state, so counters live there as plain numbers and are read back with thread:get).
local common = {}

local dir = os.getenv("LOAD_DIR") or "."

function common.lines(name)
  local items, file = {}, io.open(dir .. "/" .. name)
  if not file then return items end
  for line in file:lines() do
    if line ~= "" then items[#items + 1] = line end
  end
  file:close()
  return items
end

function common.fields(line)
  local fields = {}
  for field in line:gmatch("%S+") do fields[#fields + 1] = field end
  return fields
end

function common.escape(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function common.tokens()
  local tokens = {}
  for _, line in ipairs(common.lines("tokens.txt")) do
    local f = common.fields(line)
    tokens[f[1]] = f[2]
  end
  return tokens
end

local counters = { "s2xx", "s3xx", "s4xx", "s409", "s429", "s5xx", "s500", "s503" }
local threads = {}

-- Globals of each thread's state; extra names (the mixed profile's kinds) are counted the same way.
function common.install(scenario, extra)
  extra = extra or {}
  for _, name in ipairs(counters) do _G[name] = 0 end
  for _, name in ipairs(extra) do _G[name] = 0 end
  local next_index = 0

  function setup(thread)
    thread:set("thread_index", next_index)
    next_index = next_index + 1
    threads[#threads + 1] = thread
  end

  function done(summary, latency, requests)
    local totals = {}
    for _, name in ipairs(counters) do totals[name] = 0 end
    for _, name in ipairs(extra) do totals[name] = 0 end
    for _, thread in ipairs(threads) do
      for name in pairs(totals) do totals[name] = totals[name] + (thread:get(name) or 0) end
    end
    local loadavg = "?"
    local file = io.open("/proc/loadavg")
    if file then loadavg = file:read("*l"):match("^(%S+ %S+ %S+)"); file:close() end
    local seconds = summary.duration / 1e6
    local parts = {
      string.format('"scenario":"%s"', scenario),
      string.format('"connections":%d', tonumber(os.getenv("LOAD_CONNECTIONS") or 0)),
      string.format('"seconds":%d', tonumber(os.getenv("LOAD_SECONDS") or 0)),
      string.format('"requests":%d', summary.requests),
      string.format('"rps":%.1f', summary.requests / seconds),
      string.format('"p50":%.2f', latency:percentile(50) / 1000),
      string.format('"p90":%.2f', latency:percentile(90) / 1000),
      string.format('"p99":%.2f', latency:percentile(99) / 1000),
      string.format('"max":%.2f', latency.max / 1000),
      string.format('"connect":%d', summary.errors.connect),
      string.format('"read":%d', summary.errors.read),
      string.format('"write":%d', summary.errors.write),
      string.format('"timeout":%d', summary.errors.timeout),
      string.format('"loadavg":"%s"', loadavg),
    }
    for name, value in pairs(totals) do parts[#parts + 1] = string.format('"%s":%d', name, value) end
    io.write("LOAD-RESULT {" .. table.concat(parts, ",") .. "}\n")
  end
end

-- Called from each script's response(); counts by class, with 409, 429, 500 and 503 also on their own.
function common.count(status)
  if status < 300 then s2xx = s2xx + 1
  elseif status < 400 then s3xx = s3xx + 1
  elseif status < 500 then
    s4xx = s4xx + 1
    if status == 429 then s429 = s429 + 1 elseif status == 409 then s409 = s409 + 1 end
  else
    s5xx = s5xx + 1
    if status == 503 then s503 = s503 + 1 elseif status == 500 then s500 = s500 + 1 end
  end
end

-- A request number unique across threads.
local sequence = 0
function common.nonce()
  sequence = sequence + 1
  return (thread_index or 0) * 100000000 + sequence
end

-- A query-string suffix that keeps the output cache from answering: the cache varies only by the search's own
-- parameters (a made-up one no longer busts it), so a minimum price of a few yuan, below every listed price,
-- makes each request new without changing what it finds.
function common.uncached()
  return string.format("&minPrice=%.2f", (common.nonce() % 999999) / 100)
end

function common.pick(items)
  return items[math.random(#items)]
end

return common
