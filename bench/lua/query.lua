-- Query of 25 items (c between 40 and 64) out of the 100-item partition "hot".
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

local headers = common.headers("Query")
local body = '{"TableName":"scale","KeyConditionExpression":"p = :p AND c BETWEEN :lo AND :hi",' ..
  '"ExpressionAttributeValues":{":p":{"S":"hot"},":lo":{"N":"40"},":hi":{"N":"64"}}}'

function request()
  return wrk.format("POST", "/", headers, body)
end

function response(status, headers, body)
  if common.checking and status == 200 and not string.find(body, '"Count":25', 1, true) then
    error("a Query answered without its 25 items")
  end
end

done = common.done
