-- GetItem of one of the 100 items of partition "hot" of table "scale", at random.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

local headers = common.headers("GetItem")

function request()
  local body = string.format('{"TableName":"scale","Key":{"p":{"S":"hot"},"c":{"N":"%d"}}}',
    math.random(0, 99))
  return wrk.format("POST", "/", headers, body)
end

function response(status, headers, body)
  if common.checking and status == 200 and not string.find(body, '"Item"', 1, true) then
    error("a GetItem did not find its item")
  end
end

done = common.done
