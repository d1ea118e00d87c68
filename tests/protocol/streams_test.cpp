#include "protocol/streams.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

const StreamName kStream{"us-east-1", "Music", "2026-12-05T19:38:01.815"};

TEST(StreamArn, NamesTableAndLabelAndParsesBack) {
  const std::string arn = stream_arn(kStream);
  EXPECT_EQ(arn,
            "arn:aws:dynamodb:us-east-1:000000000000:table/Music/stream/2026-12-05T19:38:01.815");
  EXPECT_EQ(parse_stream_arn(arn), kStream);
}

TEST(StreamArn, RejectsOtherShapes) {
  for (std::string_view arn : {
           "garbage",
           "arn:aws:dynamodb:us-east-1:000000000000:table/Music",
           "arn:aws:dynamodb:us-east-1:123456789012:table/Music/stream/2026-12-05T19:38:01.815",
           "arn:aws:dynamodb::000000000000:table/Music/stream/2026-12-05T19:38:01.815",
           "arn:aws:dynamodb:us-east-1:000000000000:table/a;b/stream/2026-12-05T19:38:01.815",
           "arn:aws:dynamodb:us-east-1:000000000000:table/Music/stream/",
           "arn:aws:dynamodb:us-east-1:000000000000:table/Music/stream/x/y",
       }) {
    EXPECT_FALSE(parse_stream_arn(arn).has_value()) << arn;
  }
}

TEST(StreamLabel, IsTheUtcTimeToTheMillisecond) {
  EXPECT_EQ(stream_label(1796499481815), "2026-12-05T19:38:01.815");
  EXPECT_EQ(stream_label(0), "1970-01-01T00:00:00.000");
}

TEST(SequenceNumber, HasTwentyOneDigitsSoTextOrderIsNumericOrder) {
  EXPECT_EQ(format_sequence_number(7), "000000000000000000007");
  EXPECT_EQ(format_sequence_number(18446744073709551615ull), "018446744073709551615");
  EXPECT_LT(format_sequence_number(9), format_sequence_number(10));
}

TEST(SequenceNumber, ParsesWhatItFormatsAndRejectsTheRest) {
  EXPECT_EQ(parse_sequence_number("000000000000000000007"), 7u);
  EXPECT_EQ(parse_sequence_number(std::string(40, '0')), 0u);
  EXPECT_FALSE(parse_sequence_number("00000000000000000007").has_value());  // 20 digits
  EXPECT_FALSE(parse_sequence_number("00000000000000000000x").has_value());
  EXPECT_FALSE(parse_sequence_number("018446744073709551616").has_value());  // past 64 bits
  EXPECT_FALSE(parse_sequence_number(std::string(41, '0')).has_value());
}

ChangeRecord record(std::optional<Item> old_image, std::optional<Item> new_image) {
  ChangeRecord change;
  change.keys = {{"p", AttributeValue(std::string("a"))}};
  change.old_image = std::move(old_image);
  change.new_image = std::move(new_image);
  return change;
}

TEST(ChangeRecord, EventNameFollowsTheImages) {
  Item item{{"p", AttributeValue(std::string("a"))}};
  EXPECT_STREQ(event_name(record(std::nullopt, item)), "INSERT");
  EXPECT_STREQ(event_name(record(item, item)), "MODIFY");
  EXPECT_STREQ(event_name(record(item, std::nullopt)), "REMOVE");
}

TEST(ChangeRecord, SizeCountsTheKeysAndTheImagesShown) {
  // Recorded on DynamoDB Local: keys {p:"a"} 2 bytes, {p:"a",v:1} 5 bytes.
  Item old_item{{"p", AttributeValue(std::string("a"))},
                {"v", AttributeValue(*Number::parse("1"))}};
  Item new_item{{"p", AttributeValue(std::string("a"))}};
  ChangeRecord change = record(old_item, new_item);
  EXPECT_EQ(record_size(change, StreamViewType::kKeysOnly), 2u);
  EXPECT_EQ(record_size(change, StreamViewType::kOldImage), 7u);
  EXPECT_EQ(record_size(change, StreamViewType::kNewImage), 4u);
  EXPECT_EQ(record_size(change, StreamViewType::kNewAndOldImages), 9u);
}

TEST(EventId, IsStableAndDistinctPerRecord) {
  const std::string id = event_id(kStream, 5);
  EXPECT_EQ(id.size(), 32u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(event_id(kStream, 5), id);
  EXPECT_NE(event_id(kStream, 6), id);
}

TEST(ShardId, FitsTheApiLengthsAndDiffersPerStream) {
  const std::string id = shard_id(kStream, 1796499481815);
  EXPECT_EQ(id.rfind("shardId-00000001796499481815-", 0), 0u);
  EXPECT_GE(id.size(), 28u);
  EXPECT_LE(id.size(), 65u);
  StreamName other = kStream;
  other.table_name = "Other";
  EXPECT_NE(shard_id(other, 1796499481815), id);
}

TEST(ShardIterator, RoundTrips) {
  ShardIterator iterator{stream_arn(kStream), 42, 1796499481815};
  const std::string text = encode_shard_iterator(iterator);
  EXPECT_EQ(text.rfind(stream_arn(kStream) + "|1|", 0), 0u);
  std::optional<ShardIterator> decoded = decode_shard_iterator(text);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->stream_arn, iterator.stream_arn);
  EXPECT_EQ(decoded->position, 42u);
  EXPECT_EQ(decoded->issued_ms, 1796499481815);
}

TEST(ShardIterator, RejectsWhatItCannotHaveMade) {
  const std::string good = encode_shard_iterator({stream_arn(kStream), 1, 2});
  for (const std::string& text :
       {std::string("garbage"), good.substr(1), good.substr(0, good.size() - 1),
        std::string("x|1|") + good.substr(good.size() - 32), good.substr(0, good.size() - 1) + "G",
        std::string(good).replace(good.size() - 34, 1, "2")}) {
    EXPECT_FALSE(decode_shard_iterator(text).has_value()) << text;
  }
}

}  // namespace
}  // namespace ddblocal
