-- PutItem of ~300-byte items with distinct keys: "t<thread>-<n>", n counting from 1, into the
-- table BENCH_TABLE names ("bench" by default).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

setup = common.number_threads()

local headers = common.headers("PutItem")
local table_name = os.getenv("BENCH_TABLE") or "bench"
local counter = 0

function request()
  counter = counter + 1
  local item = common.item(string.format("t%d-%d", thread_id, counter), counter)
  return wrk.format("POST", "/", headers,
                    '{"TableName":"' .. table_name .. '","Item":' .. item .. '}')
end

done = common.done
