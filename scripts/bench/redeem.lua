-- wrk script: POST /api/v1/redemptions of the bench reward, a fresh Idempotency-Key per request.
-- ACCOUNTS=1 redeems on the hot account (n = 0 in ids.txt), otherwise round-robin over ids.txt.
local threads = {}

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  counter = 0
  token = os.getenv("TOKEN")
  ids = {}
  for line in io.lines(os.getenv("IDS")) do table.insert(ids, line) end
  hot = os.getenv("ACCOUNTS") == "1"
  run = os.getenv("RUN") or "r"
end

function request()
  counter = counter + 1
  local id = hot and ids[1] or ids[2 + (counter * 7919 + tid) % (#ids - 1)]
  local body = '{"contactId":"' .. id .. '","rewardId":"00000000-0000-7000-8000-00000000be01"}'
  return wrk.format("POST", "/api/v1/redemptions", {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = run .. "-" .. tid .. "-" .. counter,
  }, body)
end

function response(status)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local all = {}
  for _, thread in ipairs(threads) do
    for status, n in pairs(thread:get("statuses")) do all[status] = (all[status] or 0) + n end
  end
  for status, n in pairs(all) do io.write(string.format("status %d: %d\n", status, n)) end
  io.write(string.format("p50 %.1f ms, p99 %.1f ms\n", latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
