-- GetItem of existing keys at random: the keys put_item.lua wrote ("t<thread>-<n>"), within
-- the first BENCH_KEYS_PER_THREAD of each of BENCH_PUT_THREADS threads. A key not found
-- counts as an error. n starts at 2: wrk calls request() once before it starts sending (to
-- learn whether the request is static), so key 1 is never written.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

local headers = common.headers("GetItem")
local put_threads = tonumber(os.getenv("BENCH_PUT_THREADS"))
local keys_per_thread = tonumber(os.getenv("BENCH_KEYS_PER_THREAD"))

local all_threads = {}
function setup(thread)
  table.insert(all_threads, thread)
end

misses = 0
function request()
  local body = string.format('{"TableName":"bench","Key":{"pk":{"S":"t%d-%d"}}}',
    math.random(0, put_threads - 1), math.random(2, keys_per_thread))
  return wrk.format("POST", "/", headers, body)
end

function response(status, headers, body)
  if common.checking and status == 200 and not string.find(body, '"Item"', 1, true) then
    misses = misses + 1
  end
end

function done(summary, latency, requests)
  for _, thread in ipairs(all_threads) do
    summary.errors.status = summary.errors.status + thread:get("misses")
  end
  common.done(summary, latency, requests)
end
