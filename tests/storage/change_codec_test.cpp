#include "storage/change_codec.h"

#include <gtest/gtest.h>

namespace ddblocal::storage {
namespace {

const Item kKeys{{"p", AttributeValue(std::string("a"))}};
const Item kOld{{"p", AttributeValue(std::string("a"))}, {"v", *Number::parse("1")}};
const Item kNew{{"p", AttributeValue(std::string("a"))}, {"v", *Number::parse("-2.5")}};

TEST(ChangeCodec, RoundTripsEveryShapeOfRecord) {
  for (auto [old_image, new_image] :
       {std::pair<std::optional<Item>, std::optional<Item>>{std::nullopt, kNew},
        {kOld, kNew},
        {kOld, std::nullopt}}) {
    for (ChangeOrigin origin : {ChangeOrigin::kRequest, ChangeOrigin::kTimeToLive}) {
      std::string bytes;
      append_change_record(bytes, {7, 1796499481815, origin}, kKeys, old_image, new_image);
      Result<ChangeRecord> record = decode_change_record(bytes, 7);
      ASSERT_TRUE(record.has_value()) << record.error().message();
      EXPECT_EQ(record->sequence_number, 7u);
      EXPECT_EQ(record->time_ms, 1796499481815);
      EXPECT_EQ(record->origin, origin);
      EXPECT_EQ(record->keys, kKeys);
      EXPECT_EQ(record->old_image, old_image);
      EXPECT_EQ(record->new_image, new_image);
      EXPECT_EQ(change_record_time(bytes), 1796499481815);
    }
  }
}

TEST(ChangeCodec, RefusesBytesItCannotHaveMade) {
  std::string bytes;
  append_change_record(bytes, {1, 5, ChangeOrigin::kRequest}, kKeys, kOld, kNew);
  std::string unknown_flag = bytes;
  unknown_flag[1] = 8;
  std::string other_version = bytes;
  other_version[0] = 2;
  for (const std::string& corrupt : {bytes.substr(0, bytes.size() - 1), bytes + "x", unknown_flag,
                                     other_version, std::string("\1")}) {
    Result<ChangeRecord> record = decode_change_record(corrupt, 1);
    ASSERT_FALSE(record.has_value());
    EXPECT_EQ(record.error().type(), ErrorType::kInternalServerError);
  }
}

}  // namespace
}  // namespace ddblocal::storage
