// KeyConditions against a key schema: the checks in DynamoDB's order (dynalite's Query tests,
// recorded on DynamoDB) and the key range they give.
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/wire/classic_members.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::Classic;
using test_util::validation_message;

const AttributeDefinition kPartition{"p", ScalarType::kS};
const std::optional<AttributeDefinition> kSort = AttributeDefinition{"r", ScalarType::kN};

KeyConditionTerms terms(std::string_view key_conditions) {
  Classic classic("{\"KeyConditions\":" + std::string(key_conditions) + "}", {.query = true});
  Result<KeyConditionTerms> checked = check_key_conditions(classic.members);
  EXPECT_TRUE(checked.has_value()) << checked.error().message();
  return checked.has_value() ? std::move(checked).value() : KeyConditionTerms{};
}

std::string error(std::string_view key_conditions,
                  const std::optional<AttributeDefinition>& sort = kSort) {
  return validation_message(
      to_key_condition(terms(key_conditions), key_attributes(kPartition, sort)));
}

constexpr std::string_view kPartitionEq =
    R"("p":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"k"}]})";

TEST(ClassicKeyCondition, PartitionEqualityAndASortKeyRange) {
  Result<expr::KeyCondition> range = to_key_condition(
      terms("{" + std::string(kPartitionEq) +
            R"(,"r":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"N":"5"}]}})"),
      key_attributes(kPartition, kSort));
  ASSERT_TRUE(range.has_value()) << range.error().message();
  EXPECT_EQ(range->partition_values, std::vector{AttributeValue(std::string("k"))});
  EXPECT_EQ(range->sort_op, expr::SortKeyOp::kBetween);
  EXPECT_EQ(range->sort_high, AttributeValue(Number::parse("5").value()));
  Result<expr::KeyCondition> partition_only = to_key_condition(
      terms("{" + std::string(kPartitionEq) + "}"), key_attributes(kPartition, kSort));
  ASSERT_TRUE(partition_only.has_value());
  EXPECT_EQ(partition_only->sort_op, expr::SortKeyOp::kNone);
}

TEST(ClassicKeyCondition, EachKeyNeedsItsCondition) {
  EXPECT_EQ(error(R"({"r":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}})"),
            "Query condition missed key schema element: p");
  EXPECT_EQ(error("{" + std::string(kPartitionEq) +
                  R"(,"x":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}})"),
            "Query condition missed key schema element: r");
  EXPECT_EQ(error("{" + std::string(kPartitionEq) +
                      R"(,"x":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}})",
                  std::nullopt),
            "Query key condition not supported");
}

TEST(ClassicKeyCondition, OnlyIndexableOperatorsOfTheKeysType) {
  for (std::string_view op : {R"({"ComparisonOperator":"NULL"})",
                              R"({"ComparisonOperator":"NE","AttributeValueList":[{"N":"1"}]})",
                              R"({"ComparisonOperator":"IN","AttributeValueList":[{"N":"1"}]})"}) {
    EXPECT_EQ(error("{" + std::string(kPartitionEq) + ",\"r\":" + std::string(op) + "}"),
              "Attempted conditional constraint is not an indexable operation");
  }
  EXPECT_EQ(error(R"({"p":{"ComparisonOperator":"CONTAINS","AttributeValueList":[{"S":"k"}]}})"),
            "Attempted conditional constraint is not an indexable operation");
  EXPECT_EQ(error(R"({"p":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"1"}]}})"),
            "One or more parameter values were invalid: Condition parameter type does not match "
            "schema type");
  EXPECT_EQ(error("{" + std::string(kPartitionEq) +
                  R"(,"r":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"1"}]}})"),
            "One or more parameter values were invalid: Condition parameter type does not match "
            "schema type");
  EXPECT_EQ(error(R"({"p":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"S":"k"}]}})"),
            "Query key condition not supported");
}

}  // namespace
}  // namespace ddblocal::wire
