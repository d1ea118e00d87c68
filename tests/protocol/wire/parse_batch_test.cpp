// BatchWriteItem and BatchGetItem parsing: the limits, the structure of each request and
// DynamoDB's messages (see /work/notes/messages-batch-txn.md).
#include <string>

#include <gtest/gtest.h>

#include "protocol/wire/requests.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;
using test_util::validation_message;

std::string put_request(int n) {
  return R"({"PutRequest":{"Item":{"p":{"S":"k)" + std::to_string(n) + R"("}}}})";
}

// A RequestItems list of `count` PutRequests for one table.
std::string put_requests(int first, int count) {
  std::string list = "[";
  for (int i = first; i < first + count; ++i) {
    list += (i > first ? "," : "") + put_request(i);
  }
  return list + "]";
}

TEST(ParseBatchWriteItem, KeepsRequestOrderAcrossTables) {
  auto request = parse_batch_write_item(
      parse_json(R"({"RequestItems":{"one":[{"DeleteRequest":{"Key":{"p":{"S":"x"}}}}],"two":)" +
                 put_requests(0, 2) + "}}"));
  ASSERT_TRUE(request.has_value());
  ASSERT_EQ(request->writes.size(), 3u);
  EXPECT_EQ(request->writes[0].table_name, "one");
  EXPECT_FALSE(request->writes[0].put);
  EXPECT_EQ(request->writes[0].item, (Item{{"p", std::string("x")}}));
  EXPECT_EQ(request->writes[2].table_name, "two");
  EXPECT_TRUE(request->writes[2].put);
  EXPECT_EQ(request->writes[2].item, (Item{{"p", std::string("k1")}}));
}

TEST(ParseBatchWriteItem, RequestItemsMustNameAtLeastOneTable) {
  EXPECT_EQ(validation_message(parse_batch_write_item(parse_json("{}"))),
            "1 validation error detected: Value null at 'requestItems' failed to satisfy "
            "constraint: Member must not be null");
  // us-east-1's text, before anything else (paritysuite/dynamodb-conformance
  // captures/2026-10-07-sweep-follow-up.json).
  EXPECT_EQ(validation_message(parse_batch_write_item(
                parse_json(R"({"RequestItems":{},"ReturnConsumedCapacity":"hi"})"))),
            "The requestItems parameter is required for BatchWriteItem");
  EXPECT_EQ(
      validation_message(parse_batch_write_item(parse_json(R"({"RequestItems":{"abc":[]}})"))),
      "The batch write request list for a table cannot be null or empty: abc");
}

TEST(ParseBatchWriteItem, AtMost25RequestsAcrossTables) {
  EXPECT_TRUE(parse_batch_write_item(parse_json(R"({"RequestItems":{"one":)" + put_requests(0, 13) +
                                                R"(,"two":)" + put_requests(13, 12) + "}}"))
                  .has_value());
  EXPECT_EQ(validation_message(parse_batch_write_item(
                parse_json(R"({"RequestItems":{"one":)" + put_requests(0, 13) + R"(,"two":)" +
                           put_requests(13, 13) + "}}"))),
            "Too many items requested for the BatchWriteItem call");
}

// More than 25 for one table break a member constraint of the map (nubo-db/dynamodb-conformance
// captures, four regions, 2026; DynamoDB prints each request, ddblocal abbreviates).
TEST(ParseBatchWriteItem, AtMost25RequestsForOneTable) {
  EXPECT_EQ(validation_message(parse_batch_write_item(
                parse_json(R"({"RequestItems":{"one":)" + put_requests(0, 26) + R"(,"two":)" +
                           put_requests(26, 1) + "}}"))),
            "1 validation error detected: Value '{one=[...], two=[...]}' at 'requestItems' failed "
            "to satisfy constraint: Map value must satisfy constraint: [Member must have length "
            "less than or equal to 25, Member must have length greater than or equal to 1]");
}

TEST(ParseBatchWriteItem, EachWriteRequestHoldsExactlyOneRequest) {
  constexpr std::string_view kOneOf =
      "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the "
      "supported datatypes";
  EXPECT_EQ(
      validation_message(parse_batch_write_item(parse_json(R"({"RequestItems":{"abc":[{}]}})"))),
      kOneOf);
  EXPECT_EQ(validation_message(parse_batch_write_item(
                parse_json(R"({"RequestItems":{"abc":[{"PutRequest":{"Item":{"p":{"S":"a"}}},)"
                           R"("DeleteRequest":{"Key":{"p":{"S":"a"}}}}]}})"))),
            kOneOf);
  EXPECT_EQ(validation_message(parse_batch_write_item(parse_json(
                R"({"RequestItems":{"abc":[)" + put_request(0) + R"(,{"DeleteRequest":{}}]}})"))),
            "1 validation error detected: Value null at "
            "'requestItems.abc.member.2.member.deleteRequest.key' failed to satisfy constraint: "
            "Member must not be null");
}

TEST(ParseBatchWriteItem, TableNamesFollowTheNameRules) {
  EXPECT_EQ(validation_message(parse_batch_write_item(
                parse_json(R"({"RequestItems":{"a;":)" + put_requests(0, 1) + "}}"))),
            "Invalid table/index name.  Table/index names must be between 3 and 255 characters "
            "long, and may contain only the characters a-z, A-Z, 0-9, '_', '-', and '.'");
}

TEST(ParseBatchWriteItem, ItemsAreLimitedTo400KB) {
  const std::string big(400 * 1024, 'x');
  EXPECT_EQ(
      validation_message(parse_batch_write_item(parse_json(
          R"({"RequestItems":{"abc":[{"PutRequest":{"Item":{"p":{"S":")" + big + R"("}}}}]}})"))),
      "Item size has exceeded the maximum allowed size");
}

TEST(ParseBatchGetItem, ReadsEachTablesKeysAndProjection) {
  // The request points into the body (each table's JSON): the body outlives it.
  const JsonDocument body = parse_json(
      R"({"RequestItems":{"one":{"Keys":[{"p":{"S":"a"}},{"p":{"S":"b"}}],"ConsistentRead":true,)"
      R"("ProjectionExpression":"#n","ExpressionAttributeNames":{"#n":"n"}},)"
      R"("two":{"Keys":[{"p":{"S":"a"}}]}}})");
  auto request = parse_batch_get_item(body);
  ASSERT_TRUE(request.has_value());
  ASSERT_EQ(request->tables.size(), 2u);
  EXPECT_EQ(request->tables[0].table_name, "one");
  EXPECT_EQ(request->tables[0].keys.size(), 2u);
  EXPECT_TRUE(request->tables[0].consistent_read);
  ASSERT_TRUE(request->tables[0].projection.has_value());
  EXPECT_EQ(request->tables[0].projection->paths.size(), 1u);
  EXPECT_FALSE(request->tables[1].consistent_read);
  EXPECT_FALSE(request->tables[1].projection.has_value());
  EXPECT_TRUE(request->tables[1].json->IsObject());
}

// Before anything else, in words of its own (paritysuite/dynamodb-conformance
// captures/2026-10-07-sweep-follow-up.json, all regions).
TEST(ParseBatchGetItem, RequestItemsMustNameAtLeastOneTable) {
  EXPECT_EQ(validation_message(parse_batch_get_item(
                parse_json(R"({"RequestItems":{},"ReturnConsumedCapacity":"hi"})"))),
            "1 validation error detected: Value at 'RequestItems' failed to satisfy constraint: "
            "Member must have length greater than or equal to 1");
}

TEST(ParseBatchGetItem, KeysMustBeAListOfOneOrMore) {
  EXPECT_EQ(validation_message(parse_batch_get_item(parse_json(R"({"RequestItems":{"abc":{}}})"))),
            "1 validation error detected: Value null at 'requestItems.abc.member.keys' failed to "
            "satisfy constraint: Member must not be null");
  EXPECT_EQ(validation_message(
                parse_batch_get_item(parse_json(R"({"RequestItems":{"abc":{"Keys":[]}}})"))),
            "1 validation error detected: Value '[]' at 'requestItems.abc.member.keys' failed to "
            "satisfy constraint: Member must have length greater than or equal to 1");
}

TEST(ParseBatchGetItem, AtMost100KeysAcrossTables) {
  auto keys = [](int first, int count) {
    std::string list = "[";
    for (int i = first; i < first + count; ++i) {
      list += std::string(i > first ? "," : "") + R"({"p":{"N":")" + std::to_string(i) + R"("}})";
    }
    return list + "]";
  };
  EXPECT_TRUE(parse_batch_get_item(parse_json(R"({"RequestItems":{"one":{"Keys":)" + keys(0, 50) +
                                              R"(},"two":{"Keys":)" + keys(50, 50) + "}}}"))
                  .has_value());
  EXPECT_EQ(validation_message(
                parse_batch_get_item(parse_json(R"({"RequestItems":{"one":{"Keys":)" + keys(0, 50) +
                                                R"(},"two":{"Keys":)" + keys(50, 51) + "}}}"))),
            "Too many items requested for the BatchGetItem call");
  // More than 100 for one table: a member constraint, without the value, in PascalCase
  // (nubo-db/dynamodb-conformance tests/tier3/error-messages/batchGetItem.test.ts, 2026).
  EXPECT_EQ(validation_message(parse_batch_get_item(
                parse_json(R"({"RequestItems":{"one":{"Keys":)" + keys(0, 101) + "}}}"))),
            "1 validation error detected: Value at 'RequestItems.one.member.Keys' failed to "
            "satisfy constraint: Member must have length less than or equal to 100");
}

// Numbers compare by value: 1 and 1.0 are one key.
TEST(ParseBatchGetItem, DuplicateKeysOfOneTableAreRefused) {
  EXPECT_EQ(validation_message(parse_batch_get_item(parse_json(
                R"({"RequestItems":{"abc":{"Keys":[{"p":{"N":"1"}},{"p":{"N":"1.0"}}]}}})"))),
            "Provided list of item keys contains duplicates");
  EXPECT_TRUE(
      parse_batch_get_item(parse_json(R"({"RequestItems":{"one":{"Keys":[{"p":{"N":"1"}}]},)"
                                      R"("two":{"Keys":[{"p":{"N":"1"}}]}}})"))
          .has_value());
}

}  // namespace
}  // namespace ddblocal::wire
