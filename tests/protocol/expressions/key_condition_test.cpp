// Tests for to_key_condition: real KeyConditionExpression texts, parsed and resolved, against
// the messages DynamoDB Local answered Query with (tables p S / c S, p S / c N, p N / c B and
// p S alone); where AWS is recorded answering differently, the test follows AWS and says so.
#include "protocol/expressions/key_condition.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/expressions/parser.h"
#include "protocol/expressions/resolve.h"

namespace ddblocal::expr {
namespace {

enum class Table : std::uint8_t { kStringString, kStringNumber, kNumberBinary, kHashOnly };

struct Schema {
  AttributeDefinition partition_key;
  std::optional<AttributeDefinition> sort_key;
};

Schema schema(Table table) {
  switch (table) {
    case Table::kStringString:
      return {{"p", ScalarType::kS}, AttributeDefinition{"c", ScalarType::kS}};
    case Table::kStringNumber:
      return {{"p", ScalarType::kS}, AttributeDefinition{"c", ScalarType::kN}};
    case Table::kNumberBinary:
      return {{"p", ScalarType::kN}, AttributeDefinition{"c", ScalarType::kB}};
    case Table::kHashOnly:
      return {{"p", ScalarType::kS}, std::nullopt};
  }
  return {};
}

Number number(std::string_view text) {
  return Number::parse(text).value();
}

const Item& values() {
  static const Item values = {{":s", std::string("a")}, {":s2", std::string("b")},
                              {":n", number("1")},      {":n2", number("2")},
                              {":b", Binary{"a"}},      {":b2", Binary{"b"}},
                              {":bool", true},          {":l", AttributeList{}},
                              {":null", Null{}},        {":ss", StringSet{{"a"}}}};
  return values;
}

const AttributeNames& names() {
  static const AttributeNames names = {{"#p", "p"}, {"#c", "c"}};
  return names;
}

Result<KeyCondition> key_condition(Table table, std::string_view text) {
  DDB_ASSIGN_OR_RETURN(Condition condition, parse_condition(text, ExpressionKind::kKeyCondition));
  Placeholders placeholders(&names(), &values());
  DDB_RETURN_IF_ERROR(placeholders.resolve(condition, ExpressionKind::kKeyCondition));
  Schema keys = schema(table);
  return to_key_condition(condition, key_attributes(keys.partition_key, keys.sort_key));
}

std::string message(Table table, std::string_view text) {
  auto result = key_condition(table, text);
  return result ? "" : result.error().message();
}

struct Case {
  Table table;
  std::string_view text;
  std::string_view error;
};

constexpr std::string_view kMissedP = "Query condition missed key schema element: p";
constexpr std::string_view kMissedC = "Query condition missed key schema element: c";
constexpr std::string_view kNotSupported = "Query key condition not supported";
constexpr std::string_view kOnePerKey =
    "KeyConditionExpressions must only contain one condition per key";
constexpr std::string_view kWrongType =
    "One or more parameter values were invalid: Condition parameter type does not match schema "
    "type";
constexpr std::string_view kNestedOperation =
    "KeyConditionExpressions cannot contain nested operations";
constexpr std::string_view kNestedAttribute =
    "KeyConditionExpressions cannot have conditions on nested attributes";
// DynamoDB Local: "Key attributes must be scalars; list random access '[]' and map lookup '.'
// are not allowed: Key: p" (naming the key); AWS as recorded by other emulators' authors.
constexpr std::string_view kNestedKey =
    "Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on nested "
    "attributes";
constexpr std::string_view kMultipleNames =
    "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition";
constexpr std::string_view kNoKey =
    "Invalid condition in KeyConditionExpression: No key attribute specified";

using enum Table;

// DynamoDB Local leaves out the key's name after "missed key schema element"; AWS names the
// partition key when it has no condition, else the sort key the second condition should be on.
constexpr Case kCases[] = {
    {kStringString, "p = :s", ""},
    {kStringString, "(p = :s) AND (c = :s)", ""},
    {kStringString, "#p = :s AND #c = :s", ""},
    {kStringString, "p = :s AND :s >= c", ""},
    {kNumberBinary, "p = :n AND begins_with(c, :b)", ""},
    {kStringString, "p <> :s", "Invalid operator used in KeyConditionExpression: <>"},
    {kStringString, "p = :s AND c <> :s", "Invalid operator used in KeyConditionExpression: <>"},
    {kStringString, "p = :s OR c = :s", "Invalid operator used in KeyConditionExpression: OR"},
    {kStringString, "p = c OR c = :s", "Invalid operator used in KeyConditionExpression: OR"},
    {kStringString, "NOT p = :s", "Invalid operator used in KeyConditionExpression: NOT"},
    {kStringString, "p = :s AND NOT c = :s",
     "Invalid operator used in KeyConditionExpression: NOT"},
    {kStringString, "p IN (:s)", "Invalid operator used in KeyConditionExpression: IN"},
    {kStringString, "p = :s AND attribute_exists(c)",
     "Invalid operator used in KeyConditionExpression: attribute_exists"},
    {kStringString, "attribute_not_exists(p)",
     "Invalid operator used in KeyConditionExpression: attribute_not_exists"},
    {kStringString, "p = :s AND contains(c, :s)",
     "Invalid operator used in KeyConditionExpression: contains"},
    {kStringString, "p = :s AND c = :s AND x <> :s",
     "Invalid operator used in KeyConditionExpression: <>"},
    {kStringString, "p = :s AND size(c) = :n", kNestedOperation},
    {kStringString, "size(x) = p", kNestedOperation},
    {kStringString, "p = :s AND c BETWEEN size(x) AND :s", kNestedOperation},
    {kStringString, "p = :s AND :s BETWEEN c AND :s2",
     "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute "
     "as its first operand"},
    {kStringString, "p = :s AND :s BETWEEN size(c) AND :s2",
     "Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute "
     "as its first operand"},
    {kStringString, "p = :s AND begins_with(:s, c)",
     "Invalid condition in KeyConditionExpression: begins_with operator must have the key "
     "attribute as its first operand"},
    {kStringString, "p = c", kMultipleNames},
    {kStringString, "p = :s AND c BETWEEN :s AND x", kMultipleNames},
    {kStringString, "p = :s AND begins_with(c, x)", kMultipleNames},
    {kStringString, "p = :s AND c = x.y", kMultipleNames},
    {kStringString, ":s = :s2", kNoKey},
    {kStringString, "a.b = :s", kNestedAttribute},
    {kStringString, "a[1] = :s", kNestedAttribute},
    {kStringString, "p = :s AND x.y = :s AND c = :s", kNestedAttribute},
    {kStringString, "p.a = :s", kNestedKey},
    {kStringString, "p[0] = :s", kNestedKey},
    {kStringString, "p = :s AND c.a = :s", kNestedKey},
    {kStringString, "p = :s AND size(c.a) = :n", kNestedKey},
    {kStringString, "c = :s OR p.a = :s", kNestedKey},
    {kStringString, "p = :s AND p = :s2", kOnePerKey},
    {kStringString, "p = :s AND c = :s AND c = :s2", kOnePerKey},
    {kStringString, "x = :s AND p = :s AND p = :s", kOnePerKey},
    {kHashOnly, "p = :s AND begins_with(p, :s)", kOnePerKey},
    {kStringString, "p = :s AND c = :s AND x = :s", "Conditions can be of length 1 or 2 only"},
    {kStringString, "p = :s AND c = :n AND x = :s", "Conditions can be of length 1 or 2 only"},
    {kStringString, "c = :s", kMissedP},
    {kStringString, "c = :n", kMissedP},
    {kStringString, "x = :s", kMissedP},
    {kStringString, "c = :s AND x = :s", kMissedP},
    {kStringString, "p = :s AND x = :s", kMissedC},
    {kStringString, "x = :s AND p = :s", kMissedC},
    {kStringString, "p = :s AND x = :n", kMissedC},
    {kHashOnly, "x = :n", kMissedP},
    {kStringString, "p < :s", kNotSupported},
    {kStringString, "begins_with(p, :s)", kNotSupported},
    {kStringString, "p BETWEEN :s AND :s2", kNotSupported},
    {kStringString, "p < :s AND c = :n", kNotSupported},
    {kStringString, "c = :s AND p < :s", kNotSupported},
    {kHashOnly, "p = :s AND c = :s", kNotSupported},
    {kHashOnly, "p = :n AND x = :s", kNotSupported},
    {kHashOnly, "p < :s", kNotSupported},
    {kHashOnly, "p < :n", kWrongType},
    {kStringString, "p = :n", kWrongType},
    {kStringString, "p < :n", kWrongType},
    {kStringString, "p = :bool", kWrongType},
    {kStringString, "p = :l", kWrongType},
    {kStringString, "p = :null", kWrongType},
    {kStringString, "p = :ss", kWrongType},
    {kStringString, "p BETWEEN :n AND :n2", kWrongType},
    {kStringString, "p = :n AND x = :s", kWrongType},
    {kStringString, "x = :s AND p = :n", kWrongType},
    {kStringString, "p = :s AND c = :n", kWrongType},
    {kStringString, "p = :s AND c BETWEEN :n AND :n2", kWrongType},
    {kStringNumber, "p = :s AND begins_with(c, :s)", kWrongType},
    {kNumberBinary, "p = :n AND begins_with(c, :s)", kWrongType},
    {kNumberBinary, "p = :b", kWrongType},
    // Caught while resolving, before the key condition's own checks.
    {kStringNumber, "p = :s AND begins_with(c, :n)",
     "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator "
     "or function: begins_with, operand type: N"},
    {kStringString, "p.a = :s AND c BETWEEN :s2 AND :s",
     "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater "
     "than or equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound "
     "operand: AttributeValue: {S:a}"},
};

TEST(KeyCondition, ReportsWhatDynamoDbReports) {
  for (const Case& c : kCases) {
    EXPECT_EQ(message(c.table, c.text), c.error) << "text: " << c.text;
  }
}

TEST(KeyCondition, PartitionKeyAlone) {
  auto result = key_condition(kHashOnly, ":s = p");
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->partition_values, std::vector{AttributeValue(std::string("a"))});
  EXPECT_EQ(result->sort_op, SortKeyOp::kNone);
}

struct SortCase {
  std::string_view text;
  SortKeyOp op;
};

TEST(KeyCondition, SortKeyOperatorsFromTheKeysSide) {
  constexpr SortCase kSortCases[] = {
      {"p = :n AND c = :b", SortKeyOp::kEq},
      {"p = :n AND c < :b", SortKeyOp::kLt},
      {"p = :n AND c <= :b", SortKeyOp::kLe},
      {"p = :n AND c > :b", SortKeyOp::kGt},
      {"p = :n AND c >= :b", SortKeyOp::kGe},
      {"c = :b AND p = :n", SortKeyOp::kEq},
      {"p = :n AND :b = c", SortKeyOp::kEq},
      {"p = :n AND :b < c", SortKeyOp::kGt},
      {"p = :n AND :b <= c", SortKeyOp::kGe},
      {"p = :n AND :b > c", SortKeyOp::kLt},
      {"(:b >= c AND p = :n)", SortKeyOp::kLe},
      {"p = :n AND begins_with(c, :b)", SortKeyOp::kBeginsWith},
  };
  for (const SortCase& c : kSortCases) {
    auto result = key_condition(kNumberBinary, c.text);
    ASSERT_TRUE(result) << c.text << ": " << result.error().message();
    EXPECT_EQ(result->partition_values, std::vector{AttributeValue(number("1"))}) << c.text;
    EXPECT_EQ(result->sort_op, c.op) << c.text;
    EXPECT_EQ(result->sort_value, AttributeValue(Binary{"a"})) << c.text;
  }
}

TEST(KeyCondition, BetweenKeepsBothBounds) {
  auto result = key_condition(kStringNumber, "c BETWEEN :n AND :n2 AND #p = :s");
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->partition_values, std::vector{AttributeValue(std::string("a"))});
  EXPECT_EQ(result->sort_op, SortKeyOp::kBetween);
  EXPECT_EQ(result->sort_value, AttributeValue(number("1")));
  EXPECT_EQ(result->sort_high, AttributeValue(number("2")));
}

// A Query's filter names no key attribute, however deep the path or function.
std::string filter_message(std::string_view text) {
  Result<Condition> filter = parse_condition(text, ExpressionKind::kFilter);
  EXPECT_TRUE(filter.has_value());
  Placeholders placeholders(&names(), &values());
  EXPECT_TRUE(placeholders.resolve(*filter, ExpressionKind::kFilter).has_value());
  Schema keys = schema(Table::kStringString);
  Result<void> checked =
      check_filter_keys(*filter, key_attributes(keys.partition_key, keys.sort_key));
  return checked ? "" : checked.error().message();
}

TEST(KeyCondition, FilterMayNotNameKeyAttributes) {
  EXPECT_EQ(filter_message("x = :s AND size(y) > :n"), "");
  EXPECT_EQ(filter_message("x = :s OR begins_with(#c, :s)"),
            "Filter Expression can only contain non-primary key attributes: Primary key "
            "attribute: c");
  EXPECT_EQ(filter_message("NOT (p.a IN (:s, :s2))"),
            "Filter Expression can only contain non-primary key attributes: Primary key "
            "attribute: p");
}

// A global index key of two partition key attributes (p S, q N) and two sort key attributes
// (c S, d N).
Result<KeyCondition> multi_key_condition(std::string_view text) {
  static const KeySchema keys{{{"p", ScalarType::kS}, {"q", ScalarType::kN}},
                              {{"c", ScalarType::kS}, {"d", ScalarType::kN}}};
  DDB_ASSIGN_OR_RETURN(Condition condition, parse_condition(text, ExpressionKind::kKeyCondition));
  Placeholders placeholders(&names(), &values());
  DDB_RETURN_IF_ERROR(placeholders.resolve(condition, ExpressionKind::kKeyCondition));
  return to_key_condition(condition, key_attributes(keys));
}

std::string multi_message(std::string_view text) {
  auto result = multi_key_condition(text);
  return result ? "" : result.error().message();
}

TEST(MultiAttributeKeyCondition, EveryPartitionAttributeAndALeftToRightSortPrefix) {
  auto result = multi_key_condition("d > :n2 AND q = :n AND c = :s2 AND p = :s");
  ASSERT_TRUE(result) << result.error().message();
  EXPECT_EQ(result->partition_values,
            (std::vector{AttributeValue(std::string("a")), AttributeValue(number("1"))}));
  EXPECT_EQ(result->sort_prefix, std::vector{AttributeValue(std::string("b"))});
  EXPECT_EQ(result->sort_op, SortKeyOp::kGt);
  EXPECT_EQ(result->sort_value, AttributeValue(number("2")));
}

TEST(MultiAttributeKeyCondition, PartitionAloneAndFirstSortAttribute) {
  auto alone = multi_key_condition("p = :s AND q = :n");
  ASSERT_TRUE(alone) << alone.error().message();
  EXPECT_EQ(alone->sort_op, SortKeyOp::kNone);
  auto first = multi_key_condition("p = :s AND q = :n AND begins_with(c, :s2)");
  ASSERT_TRUE(first) << first.error().message();
  EXPECT_TRUE(first->sort_prefix.empty());
  EXPECT_EQ(first->sort_op, SortKeyOp::kBeginsWith);
}

TEST(MultiAttributeKeyCondition, DynamoDBsRules) {
  const std::string missed = "Query condition missed key schema element: ";
  EXPECT_EQ(multi_message("p = :s AND c = :s"), missed + "q");
  EXPECT_EQ(multi_message("p = :s AND q = :n AND d = :n"), missed + "c");
  EXPECT_EQ(multi_message("p = :s AND q = :n AND c > :s AND d = :n"),
            "Query key condition not supported");
  EXPECT_EQ(multi_message("p = :s AND q > :n"), "Query key condition not supported");
  EXPECT_EQ(multi_message("p = :s AND q = :s"),
            "One or more parameter values were invalid: Condition parameter type does not match "
            "schema type");
}

}  // namespace
}  // namespace ddblocal::expr
