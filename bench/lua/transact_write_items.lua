-- TransactWriteItems of 4 Puts of ~300-byte items with distinct keys: "x<thread>-<n>-<i>".
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.number_threads()

local headers = common.headers("TransactWriteItems")
local payload = string.rep("x", 240)
local counter = 0

function request()
  counter = counter + 1
  local actions = {}
  for i = 1, 4 do
    actions[i] = string.format(
      '{"Put":{"TableName":"bench","Item":{"pk":{"S":"x%d-%d-%d"},"n":{"N":"%d"},"payload":{"S":"%s"}}}}',
      thread_id, counter, i, counter, payload)
  end
  local body = '{"TransactItems":[' .. table.concat(actions, ",") .. ']}'
  return wrk.format("POST", "/", headers, body)
end

done = common.done
