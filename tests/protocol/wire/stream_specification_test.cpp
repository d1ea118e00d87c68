// StreamSpecification on CreateTable and UpdateTable, and the stream members of DescribeTable.
// Messages from /work/notes/streams-ttl.md.
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;
using test_util::validation_message;

Result<CreateTableRequest> create(std::string_view stream_specification) {
  return parse_create_table(
      parse_json(R"({"TableName":"abc","BillingMode":"PAY_PER_REQUEST",)"
                 R"("KeySchema":[{"AttributeName":"p","KeyType":"HASH"}],)"
                 R"("AttributeDefinitions":[{"AttributeName":"p","AttributeType":"S"}],)"
                 R"("StreamSpecification":)" +
                 std::string(stream_specification) + "}"));
}

TableSchema table(std::optional<StreamViewType> stream) {
  TableSchema schema;
  schema.table_name = "abc";
  schema.partition_key = {"p", ScalarType::kS};
  schema.attribute_definitions = {schema.partition_key};
  schema.billing_mode = BillingMode::kPayPerRequest;
  schema.stream = stream;
  return schema;
}

Result<TableSchema> update(const TableSchema& current, std::string_view body) {
  DDB_ASSIGN_OR_RETURN(auto request, parse_update_table(parse_json(body)));
  return apply_table_update(current, request);
}

TEST(CreateTableStream, EnablesAStreamOfTheViewType) {
  Result<CreateTableRequest> request =
      create(R"({"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"})");
  ASSERT_TRUE(request.has_value()) << request.error().message();
  EXPECT_EQ(request->schema.stream, StreamViewType::kNewAndOldImages);
  Result<CreateTableRequest> disabled = create(R"({"StreamEnabled":false})");
  ASSERT_TRUE(disabled.has_value());
  EXPECT_FALSE(disabled->schema.stream.has_value());
}

TEST(CreateTableStream, RefusesAViewTypeThatDoesNotFitStreamEnabled) {
  EXPECT_EQ(validation_message(create(R"({"StreamEnabled":true})")),
            "One or more parameter values were invalid: Table is being created with a stream "
            "enabled, UpdateViewType is required");
  EXPECT_EQ(validation_message(create(R"({"StreamEnabled":false,"StreamViewType":"KEYS_ONLY"})")),
            "One or more parameter values were invalid: Table is being created with a stream "
            "disabled, UpdateViewType should not be specified");
}

TEST(CreateTableStream, ChecksTheMembers) {
  EXPECT_EQ(validation_message(create(R"({"StreamViewType":"BAD"})")),
            "2 validation errors detected: Value null at 'streamSpecification.streamEnabled' "
            "failed to satisfy constraint: Member must not be null; Value 'BAD' at "
            "'streamSpecification.streamViewType' failed to satisfy constraint: Member must "
            "satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]");
  Result<CreateTableRequest> not_a_boolean = create(R"({"StreamEnabled":5})");
  ASSERT_FALSE(not_a_boolean.has_value());
  EXPECT_EQ(not_a_boolean.error().type(), ErrorType::kSerialization);
}

TEST(UpdateTableStream, EnablesAndDisables) {
  Result<TableSchema> enabled = update(
      table(std::nullopt), R"({"TableName":"abc","StreamSpecification":{"StreamEnabled":true,)"
                           R"("StreamViewType":"KEYS_ONLY"}})");
  ASSERT_TRUE(enabled.has_value()) << enabled.error().message();
  EXPECT_EQ(enabled->stream, StreamViewType::kKeysOnly);
  Result<TableSchema> disabled =
      update(table(StreamViewType::kOldImage),
             R"({"TableName":"abc","StreamSpecification":{"StreamEnabled":false}})");
  ASSERT_TRUE(disabled.has_value());
  EXPECT_FALSE(disabled->stream.has_value());
}

TEST(UpdateTableStream, NeverChangesAStreamInPlace) {
  constexpr std::string_view enable =
      R"({"TableName":"abc","StreamSpecification":{"StreamEnabled":true,)"
      R"("StreamViewType":"KEYS_ONLY"}})";
  EXPECT_EQ(validation_message(update(table(StreamViewType::kKeysOnly), enable)),
            "Table already has an enabled stream: TableName: abc");
  EXPECT_EQ(validation_message(update(table(StreamViewType::kNewImage), enable)),
            "Table already has an enabled stream: TableName: abc");
  EXPECT_EQ(validation_message(
                update(table(std::nullopt),
                       R"({"TableName":"abc","StreamSpecification":{"StreamEnabled":false}})")),
            "Table has no stream to disable: TableName: abc");
}

TEST(UpdateTableStream, RefusesWhatCannotGoWithAStreamChange) {
  EXPECT_EQ(validation_message(
                update(table(std::nullopt),
                       R"({"TableName":"abc","StreamSpecification":{"StreamEnabled":true}})")),
            "One or more parameter values were invalid: If stream is being enabled then "
            "UpdateViewType is required");
  EXPECT_EQ(validation_message(update(table(StreamViewType::kNewImage),
                                      R"({"TableName":"abc","StreamSpecification":)"
                                      R"({"StreamEnabled":false,"StreamViewType":"NEW_IMAGE"}})")),
            "One or more parameter values were invalid: If stream is being disabled, then "
            "UpdateViewType must not be specified");
  EXPECT_EQ(validation_message(update(
                table(std::nullopt),
                R"({"TableName":"abc","BillingMode":"PROVISIONED",)"
                R"("ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1},)"
                R"("StreamSpecification":{"StreamEnabled":true,"StreamViewType":"KEYS_ONLY"}})")),
            "One or more parameter values were invalid: You cannot modify stream status while "
            "updating table IOPS");
  EXPECT_EQ(validation_message(update(
                table(std::nullopt),
                R"({"TableName":"abc","AttributeDefinitions":[{"AttributeName":"g",)"
                R"("AttributeType":"S"}],"GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":)"
                R"("byg","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":)"
                R"({"ProjectionType":"ALL"}}}],"StreamSpecification":{"StreamEnabled":true,)"
                R"("StreamViewType":"KEYS_ONLY"}})")),
            "One or more parameter values were invalid: You cannot create or delete index while "
            "changing stream status");
}

JsonDocument described(const TableDescription& table) {
  return parse_json(write_table_description_response("Table", table));
}

TEST(DescribeTableStream, ShowsTheEnabledStreamAndTheLatestOne) {
  TableDescription description;
  description.schema = table(StreamViewType::kNewImage);
  description.region = "us-east-1";
  description.latest_stream_label = "2026-12-05T19:38:01.815";
  JsonDocument enabled = described(description);
  const JsonValue& body = enabled["Table"];
  EXPECT_TRUE(body["StreamSpecification"]["StreamEnabled"].GetBool());
  EXPECT_STREQ(body["StreamSpecification"]["StreamViewType"].GetString(), "NEW_IMAGE");
  EXPECT_STREQ(body["LatestStreamLabel"].GetString(), "2026-12-05T19:38:01.815");
  EXPECT_STREQ(body["LatestStreamArn"].GetString(),
               "arn:aws:dynamodb:us-east-1:000000000000:table/abc/stream/2026-12-05T19:38:01.815");

  // Disabled: the specification goes, the latest stream stays.
  description.schema.stream.reset();
  JsonDocument disabled = described(description);
  EXPECT_FALSE(disabled["Table"].HasMember("StreamSpecification"));
  EXPECT_TRUE(disabled["Table"].HasMember("LatestStreamArn"));

  description.latest_stream_label.reset();
  JsonDocument never = described(description);
  EXPECT_FALSE(never["Table"].HasMember("LatestStreamArn"));
  EXPECT_FALSE(never["Table"].HasMember("LatestStreamLabel"));
}

}  // namespace
}  // namespace ddblocal::wire
