// UpdateTimeToLive and DescribeTimeToLive: their requests, DynamoDB's rules for changing a
// table's Time to Live setting, and their responses. Texts from dynalite's tests, Alternator's
// test_ttl.py and a 2026 probe of the service (/work/notes/streams-ttl.md).
#pragma once

#include <optional>
#include <string>

#include "protocol/result.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

struct UpdateTimeToLiveRequest {
  std::string table_name;
  bool enabled = false;
  std::string attribute_name;
};

struct DescribeTimeToLiveRequest {
  std::string table_name;
};

Result<UpdateTimeToLiveRequest> parse_update_time_to_live(const JsonValue& body);
Result<DescribeTimeToLiveRequest> parse_describe_time_to_live(const JsonValue& body);

// The table's TTL attribute once `request` applies to `current` (nullopt: TTL disabled), or
// DynamoDB's error: TTL already enabled, already disabled, or enabled on another attribute.
Result<std::optional<std::string>> apply_time_to_live_update(
    const std::optional<std::string>& current, const UpdateTimeToLiveRequest& request);

// {"TimeToLiveSpecification":{"Enabled":...,"AttributeName":...}}: the request, echoed.
std::string write_update_time_to_live_response(const UpdateTimeToLiveRequest& request);
// {"TimeToLiveDescription":{"TimeToLiveStatus":"ENABLED","AttributeName":...}}, or
// {"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}} when `attribute` is nullopt.
std::string write_describe_time_to_live_response(const std::optional<std::string>& attribute);

}  // namespace ddblocal::wire
