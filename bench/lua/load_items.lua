-- Loads filler items into table "scale": 10 items per partition, keys
-- "f<run>-<thread>-<n/10>" and sort key n, ~100 bytes each, new keys in every run (BENCH_RUN).
-- Used to grow a table before measuring Query.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.number_threads()

local headers = common.headers("PutItem")
local counter = 0
local run = os.getenv("BENCH_RUN")

function request()
  counter = counter + 1
  local body = string.format(
    '{"TableName":"scale","Item":{"p":{"S":"f%s-%d-%d"},"c":{"N":"%d"},"v":{"S":"%s"}}}',
    run, thread_id, math.floor(counter / 10), counter, string.rep("v", 60))
  return wrk.format("POST", "/", headers, body)
end

done = common.done
