-- Shared by the workloads: DynamoDB JSON 1.0 headers and a JSON summary printed at the end,
-- which bench/run parses.
local common = {}

function common.headers(operation)
  return {
    ["Content-Type"] = "application/x-amz-json-1.0",
    ["X-Amz-Target"] = "DynamoDB_20120810." .. operation,
    -- dynalite refuses a signed request without a date.
    ["X-Amz-Date"] = "20240101T000000Z",
    ["Authorization"] = "AWS4-HMAC-SHA256 Credential=bench/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0",
  }
end

-- A setup function that gives each wrk thread its own global thread_id (0, 1, ...), so that
-- the threads write distinct keys.
function common.number_threads()
  local threads = 0
  return function(thread)
    thread:set("thread_id", threads)
    threads = threads + 1
  end
end

-- The JSON of a ~300-byte item with key `key` and counter `n`, as the write workloads put it.
local payload = string.rep("x", 240)
function common.item(key, n)
  return string.format('{"pk":{"S":"%s"},"n":{"N":"%d"},"payload":{"S":"%s"}}', key, n, payload)
end

-- False against the nginx ceiling, whose fixed answer the workloads' checks would refuse.
common.checking = os.getenv("BENCH_CEILING") == nil

function common.done(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "errors": %d, "p50_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration / 1e6,
    summary.errors.status + summary.errors.connect + summary.errors.read +
      summary.errors.write + summary.errors.timeout,
    latency:percentile(50), latency:percentile(99)))
end

return common
