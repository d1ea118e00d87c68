// UpdateTimeToLive and DescribeTimeToLive: parsing, the rules of changing the setting, and the
// responses. Messages from /work/notes/streams-ttl.md.
#include "protocol/wire/ttl.h"

#include <gtest/gtest.h>

#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;
using test_util::validation_message;

Result<UpdateTimeToLiveRequest> parse(std::string_view body) {
  return parse_update_time_to_live(parse_json(body));
}

UpdateTimeToLiveRequest request(bool enabled, std::string attribute) {
  return {"abc", enabled, std::move(attribute)};
}

TEST(ParseUpdateTimeToLive, ReadsTheSpecification) {
  Result<UpdateTimeToLiveRequest> parsed = parse(
      R"({"TableName":"abc","TimeToLiveSpecification":{"Enabled":true,"AttributeName":"exp"}})");
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message();
  EXPECT_EQ(parsed->table_name, "abc");
  EXPECT_TRUE(parsed->enabled);
  EXPECT_EQ(parsed->attribute_name, "exp");
}

TEST(ParseUpdateTimeToLive, ChecksTableNameFirstThenTheMembers) {
  EXPECT_EQ(validation_message(parse("{}")),
            "The parameter 'TableName' is required but was not present in the request");
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc"})")),
            "1 validation error detected: Value null at 'timeToLiveSpecification' failed to "
            "satisfy constraint: Member must not be null");
  EXPECT_EQ(validation_message(parse(R"({"TableName":"abc","TimeToLiveSpecification":{}})")),
            "2 validation errors detected: Value null at 'timeToLiveSpecification.attributeName' "
            "failed to satisfy constraint: Member must not be null; Value null at "
            "'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be "
            "null");
  EXPECT_EQ(
      validation_message(parse(
          R"({"TableName":"abc","TimeToLiveSpecification":{"Enabled":true,"AttributeName":""}})")),
      "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' "
      "failed to satisfy constraint: Member must have length greater than or equal to 1");
}

TEST(ApplyTimeToLiveUpdate, EnablesAndDisables) {
  EXPECT_EQ(apply_time_to_live_update(std::nullopt, request(true, "exp")).value(), "exp");
  EXPECT_FALSE(apply_time_to_live_update("exp", request(false, "exp")).value().has_value());
}

TEST(ApplyTimeToLiveUpdate, RefusesChangesThatChangeNothingOrTheWrongAttribute) {
  EXPECT_EQ(validation_message(apply_time_to_live_update("exp", request(true, "exp"))),
            "TimeToLive is already enabled");
  EXPECT_EQ(validation_message(apply_time_to_live_update(std::nullopt, request(false, "exp"))),
            "TimeToLive is already disabled");
  EXPECT_EQ(validation_message(apply_time_to_live_update("exp", request(true, "other"))),
            "TimeToLive is active on a different AttributeName: current AttributeName is exp");
  EXPECT_EQ(validation_message(apply_time_to_live_update("exp", request(false, "other"))),
            "TimeToLive is active on a different AttributeName: current AttributeName is exp");
}

TEST(TimeToLiveResponses, EchoTheRequestAndDescribeTheStatus) {
  EXPECT_EQ(write_update_time_to_live_response(request(false, "exp")),
            R"({"TimeToLiveSpecification":{"Enabled":false,"AttributeName":"exp"}})");
  EXPECT_EQ(write_describe_time_to_live_response("exp"),
            R"({"TimeToLiveDescription":{"TimeToLiveStatus":"ENABLED","AttributeName":"exp"}})");
  EXPECT_EQ(write_describe_time_to_live_response(std::nullopt),
            R"({"TimeToLiveDescription":{"TimeToLiveStatus":"DISABLED"}})");
}

}  // namespace
}  // namespace ddblocal::wire
