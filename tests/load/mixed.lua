-- The mixed profile with bearer tokens: 80 % reads, 20 % writes that can repeat without breaking a business rule.
--   reads:  listing detail 30 %, uncached search 25 %, a room's new messages 15 %, targets 10 %
--   writes: a message in a negotiation room 8 %; an offer step 6 % (enterprise proposes -> office counters ->
--           enterprise rejects the counter -> room free again); a bank-transfer step 6 % (buyer reports an
--           instalment's transfer -> seller confirms it; each instalment once). Without a free room or instalment
--           the write is a message instead.
-- wrk tells response() nothing about which request it answers, so offers carry "room:<id>:<party>" in their note
-- and instalments are found by the id at the start of their JSON. Rooms and instalments are dealt to threads
-- (and to each level, LOAD_SLICE of LOAD_SLICES), so no two connections step the same one.
package.path = (os.getenv("LOAD_SCRIPTS") or "tests/load") .. "/?.lua;" .. package.path
local common = require("common")
common.install("mixed", { "reads", "messages", "offers", "payments" })

local tokens, listings, queries, since
local rooms, instalments, room_by_id, instalment_by_id = {}, {}, {}, {}
local room_cursor, instalment_cursor = 0, 0
local enterprises = { "e1", "e2", "e3" }

local function mine(file, make, byid)
  local threads = tonumber(os.getenv("LOAD_THREADS") or 2)
  local slices = tonumber(os.getenv("LOAD_SLICES") or 1)
  local share = tonumber(os.getenv("LOAD_SLICE") or 0) * threads + thread_index
  local items = {}
  for i, line in ipairs(common.lines(file)) do
    if (i - 1) % (slices * threads) == share then
      local item = make(common.fields(line))
      items[#items + 1] = item
      byid[item.id] = item
    end
  end
  return items
end

function init(args)
  math.randomseed(os.time() + thread_index * 7919)
  tokens = common.tokens()
  listings = common.lines("listings.txt")
  queries = common.lines("queries.txt")
  rooms = mine("rooms.txt", function(f) return { id = f[1], e = f[2], o = f[3], state = "idle" } end, room_by_id)
  instalments = mine("instalments.txt", function(f) return { id = f[1], buyer = f[2], seller = f[3], state = "due" } end, instalment_by_id)
  since = common.escape(os.date("!%Y-%m-%dT%H:%M:%SZ"))
end

local function call(method, path, token, body)
  local headers = { ["Authorization"] = "Bearer " .. token }
  if body then headers["Content-Type"] = "application/json" end
  return wrk.format(method, path, headers, body)
end

-- The next item (round robin) in one of the wanted states; one in flight for over 30 s lost its answer to an error.
local function next_free(items, cursor, wanted)
  local now = os.time()
  for step = 1, #items do
    local index = (cursor + step - 1) % #items + 1
    local item = items[index]
    if item.state == "busy" and now - item.since > 30 then item.state = "lost" end
    if wanted[item.state] then return item, index end
  end
end

local function message()
  messages = messages + 1
  local room = common.pick(rooms)
  local party = math.random(2) == 1 and room.e or room.o
  return call("POST", "/api/inquiries/" .. room.id .. "/messages", tokens[party],
    string.format('{"body":"负载测试消息 %d / load test message"}', common.nonce()))
end

local function terms(amount)
  return string.format('{"mode":"Licence","licenceKind":"NonExclusive","territory":"中国大陆","termMonths":24,"lumpSum":%d}', amount)
end

local function offer_step()
  local room, index = next_free(rooms, room_cursor, { idle = true, E = true, O = true })
  if not room then return message() end
  room_cursor = index
  local state = room.state
  room.state, room.since = "busy", os.time()
  offers = offers + 1
  if state == "idle" then
    return call("POST", "/api/inquiries/" .. room.id .. "/offers", tokens[room.e],
      string.format('{"terms":%s,"note":"room:%s:e"}', terms(100000 + math.random(100) * 1000), room.id))
  elseif state == "E" then
    return call("POST", "/api/offers/" .. room.offer .. "/counter", tokens[room.o],
      string.format('{"terms":%s,"note":"room:%s:o"}', terms(300000 + math.random(100) * 1000), room.id))
  end
  return call("POST", "/api/offers/" .. room.offer .. "/reject", tokens[room.e], "{}")
end

local function payment_step()
  local instalment, index = next_free(instalments, instalment_cursor, { due = true, reported = true })
  if not instalment then return message() end
  instalment_cursor = index
  local state = instalment.state
  instalment.state, instalment.since = "busy", os.time()
  payments = payments + 1
  if state == "due" then
    return call("POST", "/api/payments/" .. instalment.id .. "/report-transfer", tokens[instalment.buyer],
      string.format('{"reference":"LOAD-%d"}', common.nonce()))
  end
  return call("POST", "/api/payments/" .. instalment.id .. "/confirm-transfer", tokens[instalment.seller], "{}")
end

function request()
  local roll = math.random(100)
  local token = tokens[common.pick(enterprises)]
  if roll <= 80 then reads = reads + 1 end
  if roll <= 30 then return call("GET", "/api/listings/" .. common.pick(listings), token)
  elseif roll <= 55 then return call("GET", "/api/search?q=" .. common.escape(common.pick(queries)) .. common.uncached(), token)
  elseif roll <= 70 then
    local room = common.pick(rooms)
    return call("GET", "/api/inquiries/" .. room.id .. "/messages?after=" .. since, tokens[room.e])
  elseif roll <= 80 then return call("GET", "/api/targets", token)
  elseif roll <= 88 then return message()
  elseif roll <= 94 then return offer_step()
  end
  return payment_step()
end

function response(status, headers, body)
  common.count(status)
  if status >= 300 or not body then return end
  local room_id, party = body:match('"note":"room:([%x%-]+):(%a)"')
  if room_id then
    local room = room_by_id[room_id]
    if room then
      local status_name = body:match('"status":"(%a+)"')
      if status_name == "Open" then
        room.state, room.offer = (party == "e") and "E" or "O", body:match('^{"id":"([%x%-]+)"')
      else
        room.state = "idle"
      end
    end
  elseif body:find('"label":', 1, true) then
    local instalment = instalment_by_id[body:match('^{"id":"([%x%-]+)"') or ""]
    if instalment then
      local status_name = body:match('"status":"(%a+)"')
      if status_name == "TransferReported" then instalment.state = "reported"
      elseif status_name == "Paid" then instalment.state = "done" end
    end
  end
end
