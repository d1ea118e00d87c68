// The DynamoDB Streams responses: records as each view type shows them, descriptions, lists.
#include "protocol/wire/stream_responses.h"

#include <gtest/gtest.h>

#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;

const StreamName kStream{"eu-west-1", "Music", "2026-12-05T19:38:01.815"};

ChangeRecord modify() {
  ChangeRecord record;
  record.sequence_number = 12;
  record.time_ms = 1796499481815;
  record.keys = {{"p", AttributeValue(std::string("a"))}};
  record.old_image = Item{{"p", AttributeValue(std::string("a"))}, {"v", *Number::parse("1")}};
  record.new_image = Item{{"p", AttributeValue(std::string("a"))}, {"v", *Number::parse("2")}};
  return record;
}

JsonDocument records(StreamViewType view, const ChangeRecord& record) {
  return parse_json(write_get_records_response(kStream, view, {record},
                                               ShardIterator{stream_arn(kStream), 12, 5}));
}

TEST(WriteGetRecords, ShapesARecordAsDynamoDBDoes) {
  JsonDocument body = records(StreamViewType::kNewAndOldImages, modify());
  const JsonValue& record = body["Records"][0];
  EXPECT_EQ(record["eventID"].GetStringLength(), 32u);
  EXPECT_STREQ(record["eventName"].GetString(), "MODIFY");
  EXPECT_STREQ(record["eventVersion"].GetString(), "1.1");
  EXPECT_STREQ(record["eventSource"].GetString(), "aws:dynamodb");
  EXPECT_STREQ(record["awsRegion"].GetString(), "eu-west-1");
  EXPECT_FALSE(record.HasMember("userIdentity"));
  const JsonValue& dynamodb = record["dynamodb"];
  EXPECT_EQ(dynamodb["ApproximateCreationDateTime"].GetDouble(), 1796499481.0);
  EXPECT_STREQ(dynamodb["Keys"]["p"]["S"].GetString(), "a");
  EXPECT_STREQ(dynamodb["OldImage"]["v"]["N"].GetString(), "1");
  EXPECT_STREQ(dynamodb["NewImage"]["v"]["N"].GetString(), "2");
  EXPECT_STREQ(dynamodb["SequenceNumber"].GetString(), "000000000000000000012");
  EXPECT_EQ(dynamodb["SizeBytes"].GetUint64(), 2u + 5u + 5u);
  EXPECT_STREQ(dynamodb["StreamViewType"].GetString(), "NEW_AND_OLD_IMAGES");
  EXPECT_TRUE(body.HasMember("NextShardIterator"));
}

TEST(WriteGetRecords, ShowsTheImagesTheViewTypeAsksFor) {
  JsonDocument keys_only = records(StreamViewType::kKeysOnly, modify());
  EXPECT_FALSE(keys_only["Records"][0]["dynamodb"].HasMember("OldImage"));
  EXPECT_FALSE(keys_only["Records"][0]["dynamodb"].HasMember("NewImage"));
  EXPECT_EQ(keys_only["Records"][0]["dynamodb"]["SizeBytes"].GetUint64(), 2u);
  JsonDocument new_image = records(StreamViewType::kNewImage, modify());
  EXPECT_FALSE(new_image["Records"][0]["dynamodb"].HasMember("OldImage"));
  EXPECT_TRUE(new_image["Records"][0]["dynamodb"].HasMember("NewImage"));
  JsonDocument old_image = records(StreamViewType::kOldImage, modify());
  EXPECT_TRUE(old_image["Records"][0]["dynamodb"].HasMember("OldImage"));
  EXPECT_FALSE(old_image["Records"][0]["dynamodb"].HasMember("NewImage"));
}

TEST(WriteGetRecords, MarksTimeToLiveDeletionsAsTheService) {
  ChangeRecord removal = modify();
  removal.new_image.reset();
  removal.origin = ChangeOrigin::kTimeToLive;
  JsonDocument body = records(StreamViewType::kNewAndOldImages, removal);
  const JsonValue& record = body["Records"][0];
  EXPECT_STREQ(record["eventName"].GetString(), "REMOVE");
  EXPECT_STREQ(record["userIdentity"]["PrincipalId"].GetString(), "dynamodb.amazonaws.com");
  EXPECT_STREQ(record["userIdentity"]["Type"].GetString(), "Service");
}

TEST(WriteGetRecords, AClosedShardReadToItsEndHasNoNextIterator) {
  JsonDocument body =
      parse_json(write_get_records_response(kStream, StreamViewType::kKeysOnly, {}, std::nullopt));
  EXPECT_EQ(body["Records"].Size(), 0u);
  EXPECT_FALSE(body.HasMember("NextShardIterator"));
}

TEST(WriteDescribeStream, ListsTheShardWithItsRange) {
  StreamDescription stream;
  stream.name = kStream;
  stream.view_type = StreamViewType::kKeysOnly;
  stream.status = StreamStatus::kDisabled;
  stream.created_ms = 1796499481815;
  stream.partition_key = {"p", ScalarType::kS};
  stream.sort_key = AttributeDefinition{"s", ScalarType::kN};
  stream.shard = {"shardId-00000001796499481815-0a1b2c3d", 3, 9};
  JsonDocument body = parse_json(write_describe_stream_response(stream, true, std::nullopt));
  const JsonValue& description = body["StreamDescription"];
  EXPECT_STREQ(description["StreamArn"].GetString(), stream_arn(kStream).c_str());
  EXPECT_STREQ(description["StreamStatus"].GetString(), "DISABLED");
  EXPECT_STREQ(description["KeySchema"][1]["KeyType"].GetString(), "RANGE");
  const JsonValue& range = description["Shards"][0]["SequenceNumberRange"];
  EXPECT_STREQ(range["StartingSequenceNumber"].GetString(), "000000000000000000003");
  EXPECT_STREQ(range["EndingSequenceNumber"].GetString(), "000000000000000000009");
  JsonDocument none = parse_json(write_describe_stream_response(stream, false, std::nullopt));
  EXPECT_EQ(none["StreamDescription"]["Shards"].Size(), 0u);
}

TEST(WriteListStreams, NamesEachStreamAndWhereThePageStopped) {
  EXPECT_EQ(write_list_streams_response({kStream}, kStream),
            R"({"Streams":[{"StreamArn":")" + stream_arn(kStream) +
                R"(","TableName":"Music","StreamLabel":"2026-12-05T19:38:01.815"}],)"
                R"("LastEvaluatedStreamArn":")" +
                stream_arn(kStream) + "\"}");
}

}  // namespace
}  // namespace ddblocal::wire
