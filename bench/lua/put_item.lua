-- PutItem of ~300-byte items with distinct keys: "t<thread>-<n>", n counting from 1.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.number_threads()

local headers = common.headers("PutItem")
local payload = string.rep("x", 240)
local counter = 0

function request()
  counter = counter + 1
  local body = string.format(
    '{"TableName":"bench","Item":{"pk":{"S":"t%d-%d"},"n":{"N":"%d"},"payload":{"S":"%s"}}}',
    thread_id, counter, counter, payload)
  return wrk.format("POST", "/", headers, body)
end

done = common.done
