#include "protocol/time_to_live.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

constexpr std::int64_t kNow = 1796499481;

Item with_expiry(AttributeValue value) {
  return {{"p", AttributeValue(std::string("a"))}, {"expires", std::move(value)}};
}

std::optional<std::int64_t> expiry_of(std::string_view number) {
  return expiry_time(with_expiry(*Number::parse(number)), "expires", kNow);
}

TEST(ExpiryTime, IsTheIntegerPartOfANumberOfEpochSeconds) {
  EXPECT_EQ(expiry_of("1796499400"), 1796499400);
  EXPECT_EQ(expiry_of("1796499400.9"), 1796499400);
  EXPECT_EQ(expiry_of("17964994e2"), 1796499400);
  EXPECT_EQ(expiry_of("1796503233"), 1796503233);  // in the future
}

TEST(ExpiryTime, IgnoresWhatIsNotANumber) {
  const std::string attribute = "expires";
  EXPECT_FALSE(expiry_time(with_expiry(std::string("1796499400")), attribute, kNow));
  EXPECT_FALSE(expiry_time(with_expiry(AttributeValue(true)), attribute, kNow));
  EXPECT_FALSE(expiry_time({{"p", AttributeValue(std::string("a"))}}, attribute, kNow));
}

TEST(ExpiryTime, IgnoresValuesMoreThanFiveYearsOld) {
  EXPECT_FALSE(expiry_of("-5"));
  EXPECT_FALSE(expiry_of("0"));
  EXPECT_FALSE(expiry_of(std::to_string(kNow - kMaxExpiredAgeSeconds - 1)));
  EXPECT_EQ(expiry_of(std::to_string(kNow - kMaxExpiredAgeSeconds)), kNow - kMaxExpiredAgeSeconds);
}

TEST(ExpiryTime, SaturatesValuesPastTheRange) {
  EXPECT_EQ(expiry_of("1e100"), std::numeric_limits<std::int64_t>::max());
}

}  // namespace
}  // namespace ddblocal
