// The DynamoDB Streams requests: member constraints, then the service's rules.
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/wire/stream_requests.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;
using test_util::validation_message;

const std::string kArn =
    "arn:aws:dynamodb:us-east-1:000000000000:table/Music/stream/2026-12-05T19:38:01.815";
const std::string kShard = "shardId-00000001796499481815-0a1b2c3d";

std::string with_arn(std::string_view members) {
  return R"({"StreamArn":")" + kArn + "\"" + std::string(members) + "}";
}

TEST(ParseListStreams, PagesByTableAndArn) {
  Result<ListStreamsRequest> request = parse_list_streams(
      parse_json(R"({"TableName":"Music","Limit":5,"ExclusiveStartStreamArn":")" + kArn + "\"}"));
  ASSERT_TRUE(request.has_value()) << request.error().message();
  EXPECT_EQ(request->table_name, "Music");
  EXPECT_EQ(request->limit, 5u);
  EXPECT_EQ(request->exclusive_start->label, "2026-12-05T19:38:01.815");
  EXPECT_EQ(parse_list_streams(parse_json("{}"))->limit, 100u);
}

TEST(ParseListStreams, RefusesBadLimitsAndArns) {
  EXPECT_EQ(validation_message(parse_list_streams(parse_json(R"({"Limit":0})"))),
            "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
            "Member must have value greater than or equal to 1");
  EXPECT_EQ(validation_message(parse_list_streams(parse_json(R"({"Limit":101})"))),
            "One or more parameter values were invalid: Limit cannot be greater than the maximum "
            "allowed size: 100");
  EXPECT_EQ(validation_message(parse_list_streams(
                parse_json(R"({"ExclusiveStartStreamArn":")" + std::string(40, 'x') + "\"}"))),
            "Invalid StreamArn");
}

TEST(ParseDescribeStream, ReadsPagingAndTheShardFilter) {
  Result<DescribeStreamRequest> request = parse_describe_stream(parse_json(
      with_arn(R"(,"Limit":1,"ExclusiveStartShardId":")" + kShard +
               R"(","ShardFilter":{"Type":"CHILD_SHARDS","ShardId":")" + kShard + "\"}")));
  ASSERT_TRUE(request.has_value()) << request.error().message();
  EXPECT_EQ(request->stream.table_name, "Music");
  EXPECT_EQ(request->limit, 1u);
  EXPECT_EQ(request->exclusive_start_shard_id, kShard);
  EXPECT_EQ(request->children_of, kShard);
}

TEST(ParseDescribeStream, RefusesWhatTheModelRefuses) {
  EXPECT_EQ(validation_message(parse_describe_stream(parse_json("{}"))),
            "1 validation error detected: Value null at 'streamArn' failed to satisfy "
            "constraint: Member must not be null");
  EXPECT_EQ(validation_message(parse_describe_stream(parse_json(with_arn(R"(,"Limit":101)")))),
            "One or more parameter values were invalid: Limit cannot be greater than the "
            "maximum: 100");
  EXPECT_EQ(validation_message(
                parse_describe_stream(parse_json(with_arn(R"(,"ExclusiveStartShardId":"short")")))),
            "1 validation error detected: Value 'short' at 'exclusiveStartShardId' failed to "
            "satisfy constraint: Member must have length greater than or equal to 28");
  EXPECT_EQ(validation_message(parse_describe_stream(
                parse_json(R"({"StreamArn":")" + std::string(40, 'x') + "\"}"))),
            "Invalid StreamArn");
}

Result<GetShardIteratorRequest> iterator(std::string_view members) {
  return parse_get_shard_iterator(
      parse_json(with_arn(R"(,"ShardId":")" + kShard + "\"" + std::string(members))));
}

TEST(ParseGetShardIterator, ReadsTheTypeAndSequenceNumber) {
  Result<GetShardIteratorRequest> at = iterator(
      R"(,"ShardIteratorType":"AT_SEQUENCE_NUMBER","SequenceNumber":"000000000000000000042")");
  ASSERT_TRUE(at.has_value()) << at.error().message();
  EXPECT_EQ(at->type, ShardIteratorType::kAtSequenceNumber);
  EXPECT_EQ(at->sequence_number, 42u);
  EXPECT_EQ(iterator(R"(,"ShardIteratorType":"LATEST")")->type, ShardIteratorType::kLatest);
}

TEST(ParseGetShardIterator, TakesASequenceNumberExactlyWhereItIsUsed) {
  EXPECT_EQ(validation_message(iterator(R"(,"ShardIteratorType":"AFTER_SEQUENCE_NUMBER")")),
            "One or more parameter values were invalid: Invalid SequenceNumber");
  EXPECT_EQ(validation_message(iterator(
                R"(,"ShardIteratorType":"TRIM_HORIZON","SequenceNumber":"000000000000000000042")")),
            "One or more parameter values were invalid: SequenceNumber should not be passed for "
            "this iterator type");
  EXPECT_EQ(
      validation_message(iterator(
          R"(,"ShardIteratorType":"AT_SEQUENCE_NUMBER","SequenceNumber":"00000000000000000004x")")),
      "One or more parameter values were invalid: Invalid SequenceNumber");
  EXPECT_EQ(validation_message(
                iterator(R"(,"ShardIteratorType":"AT_SEQUENCE_NUMBER","SequenceNumber":"1")")),
            "1 validation error detected: Value '1' at 'sequenceNumber' failed to satisfy "
            "constraint: Member must have length greater than or equal to 21");
  EXPECT_EQ(validation_message(iterator(R"(,"ShardIteratorType":"BAD")")),
            "1 validation error detected: Value 'BAD' at 'shardIteratorType' failed to satisfy "
            "constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, "
            "AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]");
}

TEST(ParseGetRecords, DecodesTheIterator) {
  const std::string text = encode_shard_iterator({kArn, 7, 1796499481815});
  Result<GetRecordsRequest> request =
      parse_get_records(parse_json(R"({"ShardIterator":")" + text + R"(","Limit":3})"));
  ASSERT_TRUE(request.has_value()) << request.error().message();
  EXPECT_EQ(request->iterator.position, 7u);
  EXPECT_EQ(request->limit, 3u);
  EXPECT_EQ(validation_message(parse_get_records(parse_json(R"({"ShardIterator":"garbage"})"))),
            "Invalid ShardIterator");
  EXPECT_EQ(
      validation_message(
          parse_get_records(parse_json(R"({"ShardIterator":")" + text + R"(","Limit":1001})"))),
      "One or more parameter values were invalid: Limit should be less than or equal to 1000");
}

}  // namespace
}  // namespace ddblocal::wire
