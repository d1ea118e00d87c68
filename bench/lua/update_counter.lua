-- UpdateItem ADD 1 on 16 hot counters ("counter-0" .. "counter-15" of table "bench"), at random.
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

local headers = common.headers("UpdateItem")

function request()
  local body = string.format(
    '{"TableName":"bench","Key":{"pk":{"S":"counter-%d"}},"UpdateExpression":"ADD n :one",' ..
      '"ExpressionAttributeValues":{":one":{"N":"1"}}}', math.random(0, 15))
  return wrk.format("POST", "/", headers, body)
end

done = common.done
