// Tests for PartiQL literals as DynamoDB values, and the messages of the literals DynamoDB
// refuses (recorded from DynamoDB Local and, where the notes say so, AWS).
#include "protocol/partiql/literals.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "protocol/partiql/parser.h"

namespace ddblocal::partiql {
namespace {

// The value of the INSERT's tuple attribute `v` in `INSERT INTO tbl VALUE {'v': <literal>}`.
Result<AttributeValue> value_of(std::string_view literal,
                                const std::vector<AttributeValue>& parameters = {}) {
  DDB_ASSIGN_OR_RETURN(
      Statement statement,
      parse_statement("INSERT INTO tbl VALUE {'v': " + std::string(literal) + "}"));
  DDB_ASSIGN_OR_RETURN(Item item,
                       literal_item(std::get<InsertStatement>(statement.node).value, parameters));
  return item.at("v");
}

AttributeValue number(std::string_view text) {
  return Number::parse(text).value();
}

TEST(PartiqlLiterals, ConvertsEachKindOfLiteral) {
  EXPECT_EQ(value_of("'x'").value(), AttributeValue(std::string("x")));
  EXPECT_EQ(value_of("-1.50").value(), number("-1.5"));
  EXPECT_EQ(value_of("1e2").value(), number("100"));
  EXPECT_EQ(value_of("TrUe").value(), AttributeValue(true));
  EXPECT_EQ(value_of("null").value(), AttributeValue(Null{}));
  EXPECT_EQ(value_of("<<'b', 'a'>>").value(), AttributeValue(StringSet{{"a", "b"}}));
  EXPECT_EQ(
      value_of("<<2, -1>>").value(),
      AttributeValue(NumberSet{{*number("-1").get_if<Number>(), *number("2").get_if<Number>()}}));
  AttributeMap map;
  map.emplace("a", AttributeList{number("1"), AttributeValue(std::string("x"))});
  EXPECT_EQ(value_of("{'a': [1, 'x']}").value(), AttributeValue(map));
  EXPECT_EQ(value_of("?", {AttributeValue(std::string("p"))}).value(),
            AttributeValue(std::string("p")));
}

struct RefusedLiteral {
  std::string_view literal;
  std::string_view message;
};

// The tuple starts at column 23 ("INSERT INTO tbl VALUE " is 22 characters), its value at 29.
const RefusedLiteral kRefused[] = {
    {"<<>>", "Empty bags are not supported at 1:29:2"},
    {"<<1, 'a'>>",
     "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags"},
    {"<<TRUE>>",
     "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags at "
     "1:31:4"},
    {"<<?>>",
     "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags at "
     "1:31:1"},
    {"<<1, 1.0>>", "Input collection contains duplicates"},
    {"<<'x', 'x'>>",
     "One or more parameter values were invalid: Input collection [x, x] contains duplicates."},
    {"MISSING", "Unsupported data type: MISSING under key root at 1:29:7"},
    {"[?]", "Unsupported data type: Parameter under key root[0] at 1:30:1"},
    {"{'a': 1, 'a': 2}", "Duplicate keys in tuple. Key: a under root at 1:29:1"},
    {"{b: 1}",
     "Tuple keys must be of type String. Actual type: VariableReference under root at 1:30:1"},
    {"{'': 1}", "Path component cannot be an empty string"},
    {"-0.0", "Negative zero decimal is not supported under key root at 1:30:3"},
    {"1e126",
     "Number overflow. Attempting to store a number with magnitude larger than supported range "
     "under root"},
    {"{'x': [1, 1e-131]}",
     "Number underflow. Attempting to store a number with magnitude smaller than supported range "
     "under root.x[1]"},
    {"123456789012345678901234567890123456789",
     "Attempting to store more than 38 significant digits in a Number under root"},
    {"`{{aGVsbG8=}}`", "Ion Literals are not supported: BLOB under key root at 1:29:14"},
    {"set_add(<<'a'>>, <<'b'>>)", "Unsupported data type: set_add under key root at 1:29:7"},
};

TEST(PartiqlLiterals, RefusesWhatDynamoDbRefuses) {
  for (const RefusedLiteral& c : kRefused) {
    Result<AttributeValue> value = value_of(c.literal);
    ASSERT_FALSE(value.has_value()) << c.literal;
    EXPECT_EQ(value.error().message(), c.message) << c.literal;
  }
}

TEST(PartiqlLiterals, AllowsNegativeZeroIntegers) {
  EXPECT_EQ(value_of("-0").value(), number("0"));
}

TEST(PartiqlLiterals, LimitsNestingTo32Levels) {
  std::string deep = "1";
  for (int level = 0; level < 31; ++level) {
    deep = "[" + deep + "]";
  }
  EXPECT_TRUE(value_of(deep).has_value());
  Result<AttributeValue> too_deep = value_of("[" + deep + "]");
  ASSERT_FALSE(too_deep.has_value());
  EXPECT_EQ(too_deep.error().message(),
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested "
            "levels beyond supported limit");
}

}  // namespace
}  // namespace ddblocal::partiql
