// Tests for type_name and the sizes DynamoDB charges. Every expected size was measured on
// DynamoDB Local: the longest string that still fits beside the value in a 409,600-byte item.
#include "protocol/attribute_value.h"

#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

Number number(std::string_view text) {
  Result<Number> parsed = Number::parse(text);
  EXPECT_TRUE(parsed.has_value()) << text;
  return parsed.has_value() ? parsed.value() : Number();
}

AttributeValue text(std::string s) {
  return AttributeValue(std::move(s));
}

TEST(AttributeValue, TypeNames) {
  const std::vector<std::pair<AttributeValue, std::string>> cases = {
      {text("x"), "S"},
      {AttributeValue(number("1")), "N"},
      {AttributeValue(Binary{"x"}), "B"},
      {AttributeValue(true), "BOOL"},
      {AttributeValue(Null{}), "NULL"},
      {AttributeValue(AttributeMap{}), "M"},
      {AttributeValue(AttributeList{}), "L"},
      {AttributeValue(StringSet{{"x"}}), "SS"},
      {AttributeValue(NumberSet{{number("1")}}), "NS"},
      {AttributeValue(BinarySet{{"x"}}), "BS"},
  };
  for (const auto& [value, name] : cases) {
    EXPECT_EQ(type_name(value.type()), name);
  }
}

TEST(AttributeValue, NumberSizeCountsDigitPairsAlignedOnTheDecimalPoint) {
  const std::vector<std::pair<std::string, std::size_t>> cases = {
      {"0", 1},
      {"1", 2},
      {"12", 2},
      {"123", 3},
      {"1234", 3},
      {"12345", 4},
      {"-1", 3},
      {"1.5", 3},
      {"15", 2},
      {"0.15", 2},
      {"1.23", 3},
      {"100", 2},
      {"10", 2},
      {"1000", 2},
      {"1e10", 2},
      {"0.015", 3},
      {"0.001", 2},
      {"1.05", 3},
      {"-0.5", 3},
      {"123.456", 5},
      {"1e-130", 2},
      {"-1e-130", 3},
      {"12345678901234567890123456789012345678", 20},
      {"-12345678901234567890123456789012345678", 21},
      {"9.9999999999999999999999999999999999999e125", 20},
  };
  for (const auto& [literal, size] : cases) {
    EXPECT_EQ(value_size(AttributeValue(number(literal))), size) << literal;
  }
}

TEST(AttributeValue, ScalarAndSetSizes) {
  EXPECT_EQ(value_size(text("")), 0u);
  EXPECT_EQ(value_size(text("abc")), 3u);
  EXPECT_EQ(value_size(text("\xc3\xa9")), 2u);  // UTF-8 bytes, not characters
  EXPECT_EQ(value_size(AttributeValue(Binary{"abc"})), 3u);
  EXPECT_EQ(value_size(AttributeValue(Binary{""})), 0u);
  EXPECT_EQ(value_size(AttributeValue(true)), 1u);
  EXPECT_EQ(value_size(AttributeValue(Null{})), 1u);
  // Sets: the sum of their members, nothing more.
  EXPECT_EQ(value_size(AttributeValue(StringSet{{"a", "bc"}})), 3u);
  EXPECT_EQ(value_size(AttributeValue(StringSet{{""}})), 0u);
  EXPECT_EQ(value_size(AttributeValue(NumberSet{{number("1"), number("123")}})), 5u);
  EXPECT_EQ(value_size(AttributeValue(NumberSet{{number("-1")}})), 3u);
  EXPECT_EQ(value_size(AttributeValue(BinarySet{{"a", "abc"}})), 4u);
}

TEST(AttributeValue, ListAndMapSizes) {
  // 3 bytes per list or map, 1 per element, plus each map element's name.
  EXPECT_EQ(value_size(AttributeValue(AttributeList{})), 3u);
  EXPECT_EQ(value_size(AttributeValue(AttributeMap{})), 3u);
  EXPECT_EQ(value_size(AttributeValue(AttributeList{text("ab")})), 6u);
  EXPECT_EQ(value_size(AttributeValue(AttributeList{text("ab"), AttributeValue(number("1"))})), 9u);
  EXPECT_EQ(value_size(AttributeValue(AttributeMap{{"k", text("ab")}})), 7u);
  EXPECT_EQ(value_size(AttributeValue(AttributeMap{{"kk", text("ab")}, {"j", false}})), 11u);
  EXPECT_EQ(value_size(AttributeValue(AttributeList{AttributeValue(AttributeList{})})), 7u);
  EXPECT_EQ(value_size(AttributeValue(AttributeMap{{"a", AttributeValue(AttributeMap{})}})), 8u);
  EXPECT_EQ(value_size(AttributeValue(AttributeList{AttributeValue(StringSet{{"ab", "c"}})})), 7u);
}

TEST(AttributeValue, ItemSizeAddsNamesToValues) {
  EXPECT_EQ(item_size(Item{}), 0u);
  EXPECT_EQ(item_size(Item{{"pk", text("k")}, {"y", AttributeValue(number("-1"))}}), 3u + 4u);
  // The largest item DynamoDB Local accepts: 409,600 bytes, exactly 400 KB.
  Item largest{{"pk", text("k")}, {"x", text(std::string(409596, 'a'))}};
  EXPECT_EQ(item_size(largest), 409600u);
}

}  // namespace
}  // namespace ddblocal
