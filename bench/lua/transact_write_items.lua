-- TransactWriteItems of 4 Puts of ~300-byte items with distinct keys: "x<thread>-<n>-<i>".
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.number_threads()

local headers = common.headers("TransactWriteItems")
local counter = 0

function request()
  counter = counter + 1
  local actions = {}
  for i = 1, 4 do
    local item = common.item(string.format("x%d-%d-%d", thread_id, counter, i), counter)
    actions[i] = '{"Put":{"TableName":"bench","Item":' .. item .. '}}'
  end
  return wrk.format("POST", "/", headers, '{"TransactItems":[' .. table.concat(actions, ",") .. ']}')
end

done = common.done
