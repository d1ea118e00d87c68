-- Scan pages of 100 items of table "bench" (the first page: it holds the items PutItem wrote).
package.path = os.getenv("BENCH_LUA") .. "/?.lua;" .. package.path
local common = require("common")

local headers = common.headers("Scan")
local body = '{"TableName":"bench","Limit":100}'

function request()
  return wrk.format("POST", "/", headers, body)
end

function response(status, headers, body)
  if common.checking and status == 200 and not string.find(body, '"Count":100', 1, true) then
    error("a Scan answered without its 100 items")
  end
end

done = common.done
