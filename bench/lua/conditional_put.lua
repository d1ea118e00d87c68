-- PutItem of ~300-byte items under "attribute_not_exists(pk)", with distinct keys
-- ("c<thread>-<n>"): every condition is read and holds.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.number_threads()

local headers = common.headers("PutItem")
local counter = 0

function request()
  counter = counter + 1
  local item = common.item(string.format("c%d-%d", thread_id, counter), counter)
  return wrk.format("POST", "/", headers, '{"TableName":"bench","Item":' .. item ..
    ',"ConditionExpression":"attribute_not_exists(pk)"}')
end

done = common.done
