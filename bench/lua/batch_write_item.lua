-- BatchWriteItem of 25 ~300-byte items with distinct keys: "b<thread>-<n>-<i>".
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.number_threads()

local headers = common.headers("BatchWriteItem")
local counter = 0

function request()
  counter = counter + 1
  local writes = {}
  for i = 1, 25 do
    local item = common.item(string.format("b%d-%d-%d", thread_id, counter, i), counter)
    writes[i] = '{"PutRequest":{"Item":' .. item .. '}}'
  end
  local body = '{"RequestItems":{"bench":[' .. table.concat(writes, ",") .. ']}}'
  return wrk.format("POST", "/", headers, body)
end

done = common.done
