// Expected, QueryFilter, ScanFilter and KeyConditions: the checks of each condition with
// DynamoDB's messages, and what the translated conditions hold for, evaluated by the expression
// language's evaluator. Every truth value below is DynamoDB Local's answer to the same condition
// on the same item (an Expected on PutItem and a ScanFilter on Scan agreed everywhere).
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/expressions/evaluate.h"
#include "protocol/wire/classic_members.h"
#include "protocol/wire/value_codec.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::Classic;
using test_util::parse_json;
using test_util::validation_message;

constexpr ClassicMembersTaken kConditions{.expected = true, .query = true, .scan = true};

Classic read(std::string_view body) {
  return Classic(body, kConditions);
}

std::string expected_error(std::string_view expected, std::string_view extra = "") {
  std::string body = "{\"Expected\":" + std::string(expected);
  body += extra.empty() ? "}" : "," + std::string(extra) + "}";
  return validation_message(translate_expected(read(body).members));
}

std::string filter_error(std::string_view filter, std::string_view extra = "") {
  std::string body = "{\"ScanFilter\":" + std::string(filter);
  body += extra.empty() ? "}" : "," + std::string(extra) + "}";
  return validation_message(translate_filter(read(body).members));
}

// The item every truth value below was recorded against.
const Item& sample() {
  static const Item item =
      decode_item(parse_json(R"({"p":{"S":"k"},"s":{"S":"hello"},"n":{"N":"5"},)"
                             R"("b":{"B":"aGkgdGhlcmU="},"ss":{"SS":["a","b"]},)"
                             R"("ns":{"NS":["1","2"]},"l":{"L":[{"N":"1"},{"S":"a"}]},)"
                             R"("m":{"M":{"x":{"N":"1"}}},"t":{"BOOL":true},"nul":{"NULL":true},)"
                             R"("d.o.t":{"S":"dot"}})"))
          .value();
  return item;
}

// Whether the filter condition `op` with `values` (a JSON list) on `attribute` holds for the
// sample; a test failure if it does not translate.
bool holds(std::string_view attribute, std::string_view op, std::string_view values,
           const Item* item = &sample()) {
  std::string body = R"({"ScanFilter":{")" + std::string(attribute) +
                     R"(":{"ComparisonOperator":")" + std::string(op) +
                     R"(","AttributeValueList":)" + std::string(values) + "}}}";
  Result<std::optional<expr::Condition>> condition = translate_filter(read(body).members);
  EXPECT_TRUE(condition.has_value() && condition->has_value())
      << body << (condition.has_value() ? "" : condition.error().message());
  return condition.has_value() && condition->has_value() && expr::evaluate(**condition, item);
}

bool expected_holds(std::string_view expected, const Item* item = &sample()) {
  Result<std::optional<expr::Condition>> condition =
      translate_expected(read("{\"Expected\":" + std::string(expected) + "}").members);
  EXPECT_TRUE(condition.has_value() && condition->has_value())
      << expected << (condition.has_value() ? "" : condition.error().message());
  return condition.has_value() && condition->has_value() && expr::evaluate(**condition, item);
}

TEST(ClassicConditions, ComparisonsOfEveryScalarType) {
  EXPECT_TRUE(holds("n", "EQ", R"([{"N":"5.0"}])"));
  EXPECT_FALSE(holds("n", "EQ", R"([{"S":"5"}])"));
  EXPECT_TRUE(holds("n", "NE", R"([{"S":"5"}])"));
  EXPECT_TRUE(holds("s", "LT", R"([{"S":"help"}])"));
  EXPECT_TRUE(holds("s", "LE", R"([{"S":"hello"}])"));
  EXPECT_FALSE(holds("n", "GT", R"([{"N":"5"}])"));
  EXPECT_TRUE(holds("b", "GE", R"([{"B":"aGk="}])"));
  EXPECT_FALSE(holds("s", "GE", R"([{"N":"1"}])"));
}

TEST(ClassicConditions, EqualityOfDocumentsAndSets) {
  EXPECT_TRUE(holds("ss", "EQ", R"([{"SS":["b","a"]}])"));
  EXPECT_TRUE(holds("m", "EQ", R"([{"M":{"x":{"N":"1"}}}])"));
  EXPECT_TRUE(holds("l", "NE", R"([{"L":[{"N":"1"}]}])"));
  EXPECT_TRUE(holds("nul", "EQ", R"([{"NULL":true}])"));
}

TEST(ClassicConditions, NullAndNotNullTestPresence) {
  EXPECT_TRUE(holds("nul", "NOT_NULL", "[]"));
  EXPECT_FALSE(holds("nul", "NULL", "[]"));
  EXPECT_TRUE(holds("missing", "NULL", "[]"));
}

TEST(ClassicConditions, ContainsSubstringsAndMembers) {
  EXPECT_TRUE(holds("s", "CONTAINS", R"([{"S":"ell"}])"));
  EXPECT_TRUE(holds("ns", "CONTAINS", R"([{"N":"2"}])"));
  EXPECT_TRUE(holds("l", "CONTAINS", R"([{"S":"a"}])"));
  EXPECT_TRUE(holds("b", "CONTAINS", R"([{"B":"aGVyZQ=="}])"));
  EXPECT_FALSE(holds("n", "CONTAINS", R"([{"N":"5"}])"));
  EXPECT_TRUE(holds("n", "NOT_CONTAINS", R"([{"N":"5"}])"));
  EXPECT_FALSE(holds("ss", "NOT_CONTAINS", R"([{"S":"a"}])"));
}

// The one difference from NOT contains(a, :v): a missing attribute fails NOT_CONTAINS, while NE
// holds for it as <> does.
TEST(ClassicConditions, NotContainsFailsOnAMissingAttribute) {
  EXPECT_FALSE(holds("missing", "NOT_CONTAINS", R"([{"S":"a"}])"));
  EXPECT_FALSE(holds("missing", "CONTAINS", R"([{"S":"a"}])"));
  EXPECT_TRUE(holds("missing", "NE", R"([{"S":"a"}])"));
  EXPECT_FALSE(holds("s", "NOT_CONTAINS", R"([{"S":"a"}])", nullptr));
}

TEST(ClassicConditions, BeginsWithInAndBetween) {
  EXPECT_TRUE(holds("s", "BEGINS_WITH", R"([{"S":"he"}])"));
  EXPECT_FALSE(holds("n", "BEGINS_WITH", R"([{"S":"5"}])"));
  EXPECT_TRUE(holds("n", "IN", R"([{"N":"1"},{"N":"5"},{"N":"7"}])"));
  EXPECT_FALSE(holds("ns", "IN", R"([{"N":"1"}])"));
  EXPECT_TRUE(holds("n", "BETWEEN", R"([{"N":"5"},{"N":"5"}])"));
  EXPECT_FALSE(holds("s", "BETWEEN", R"([{"N":"1"},{"N":"9"}])"));
}

TEST(ClassicConditions, AttributeNamesAreTopLevelDotsAndAll) {
  EXPECT_TRUE(holds("d.o.t", "EQ", R"([{"S":"dot"}])"));
  EXPECT_TRUE(holds("m.x", "NULL", "[]"));
}

TEST(ClassicConditions, ArgumentCountPerOperator) {
  const std::string prefix =
      "One or more parameter values were invalid: Invalid number of argument(s) for the ";
  EXPECT_EQ(filter_error(R"({"a":{"ComparisonOperator":"EQ"}})"), prefix + "EQ ComparisonOperator");
  EXPECT_EQ(filter_error(R"({"a":{"ComparisonOperator":"NULL","AttributeValueList":[{"S":"x"}]}})"),
            prefix + "NULL ComparisonOperator");
  EXPECT_EQ(filter_error(R"({"a":{"ComparisonOperator":"IN","AttributeValueList":[]}})"),
            prefix + "IN ComparisonOperator");
  EXPECT_EQ(
      filter_error(R"({"a":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"}]}})"),
      prefix + "BETWEEN ComparisonOperator");
}

TEST(ClassicConditions, ValueTypesPerOperator) {
  EXPECT_EQ(filter_error(
                R"({"a":{"ComparisonOperator":"IN","AttributeValueList":[{"N":"1"},{"S":"z"}]}})"),
            "One or more parameter values were invalid: AttributeValues inside "
            "AttributeValueList must be of same type");
  EXPECT_EQ(
      filter_error(R"({"a":{"ComparisonOperator":"LT","AttributeValueList":[{"BOOL":true}]}})"),
      "One or more parameter values were invalid: ComparisonOperator LT is not valid for "
      "BOOL AttributeValue type");
  EXPECT_EQ(filter_error(
                R"({"a":{"ComparisonOperator":"CONTAINS","AttributeValueList":[{"SS":["x"]}]}})"),
            "One or more parameter values were invalid: ComparisonOperator CONTAINS is not valid "
            "for SS AttributeValue type");
  EXPECT_EQ(filter_error(
                R"({"a":{"ComparisonOperator":"BEGINS_WITH","AttributeValueList":[{"N":"1"}]}})"),
            "One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not "
            "valid for N AttributeValue type");
  // CONTAINS takes a BOOL or NULL operand too; a boolean contains nothing.
  EXPECT_FALSE(holds("t", "CONTAINS", R"([{"BOOL":true}])"));
}

TEST(ClassicConditions, BetweenBoundsInOrder) {
  EXPECT_EQ(
      filter_error(
          R"({"a":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"9"},{"N":"1"}]}})"),
      "The BETWEEN condition was provided a range where the lower bound is greater than "
      "the upper bound");
  EXPECT_EQ(
      filter_error(
          R"({"a":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"B":"eg=="},{"B":"YQ=="}]}})"),
      "The BETWEEN condition was provided a range where the lower bound is greater than "
      "the upper bound");
}

TEST(ClassicConditions, TheFirstRefusedEntryIsReported) {
  EXPECT_EQ(filter_error(R"({"a":{"ComparisonOperator":"EQ","AttributeValueList":[{"N":"x"}]},)"
                         R"("b":{"ComparisonOperator":"EQ"}})"),
            "The parameter cannot be converted to a numeric value: x");
  EXPECT_EQ(filter_error(R"({"a":null})"),
            "The filter condition for an attribute cannot be null: a");
  EXPECT_EQ(filter_error(R"({"":{"ComparisonOperator":"NULL"}})"), "Empty attribute name");
}

TEST(ClassicExpected, ValueAndExistsForms) {
  EXPECT_TRUE(expected_holds(R"({"n":{"Value":{"N":"5"}}})"));
  EXPECT_TRUE(expected_holds(R"({"n":{"Exists":true,"Value":{"N":"5"}}})"));
  EXPECT_FALSE(expected_holds(R"({"missing":{"Value":{"N":"5"}}})"));
  EXPECT_TRUE(expected_holds(R"({"missing":{"Exists":false}})"));
  EXPECT_FALSE(expected_holds(R"({"n":{"Exists":false}})"));
  EXPECT_TRUE(expected_holds(R"({"n":{"ComparisonOperator":"GE","Value":{"N":"5"}}})"));
  EXPECT_TRUE(expected_holds(R"({"p":{"Exists":false}})", nullptr));
}

TEST(ClassicExpected, ShapeChecksInDynamoDbsOrder) {
  const std::string prefix = "One or more parameter values were invalid: ";
  EXPECT_EQ(expected_error(R"({"a":null})"),
            prefix + "ExpectedAttributeValue must not be null for Attribute: a");
  EXPECT_EQ(expected_error(R"({"a":{"Exists":true,"ComparisonOperator":"EQ","Value":{"N":"1"},)"
                           R"("AttributeValueList":[]}})"),
            prefix + "Exists and ComparisonOperator cannot be used together for Attribute: a");
  EXPECT_EQ(expected_error(R"({"a":{"ComparisonOperator":"BETWEEN","Value":{"N":"1"},)"
                           R"("AttributeValueList":[]}})"),
            prefix + "Value and AttributeValueList cannot be used together for Attribute: a");
  EXPECT_EQ(expected_error(R"({"a":{"AttributeValueList":[]}})"),
            prefix +
                "AttributeValueList can only be used with a ComparisonOperator for "
                "Attribute: a");
  EXPECT_EQ(expected_error(R"({"a":{"Exists":false,"Value":{"N":"1"}}})"),
            prefix + "Value cannot be used when Exists is false for Attribute: a");
  EXPECT_EQ(expected_error(R"({"a":{"ComparisonOperator":"EQ"}})"),
            prefix +
                "Value or AttributeValueList must be used with ComparisonOperator: EQ for "
                "Attribute: a");
  EXPECT_EQ(expected_error(R"({"a":{}})"),
            prefix + "Value must be provided when Exists is null for Attribute: a");
  EXPECT_EQ(expected_error(R"({"a":{"Exists":true}})"),
            prefix + "Value must be provided when Exists is true for Attribute: a");
}

TEST(ClassicExpected, ThenValuesNameAndArguments) {
  EXPECT_EQ(expected_error(R"({"a":{"Value":{}}})"),
            "Supplied AttributeValue is empty, must contain exactly one of the supported "
            "datatypes");
  EXPECT_EQ(expected_error(R"({"":{"Exists":false}})"), "Empty attribute name");
  EXPECT_EQ(expected_error(R"({"a":{"ComparisonOperator":"BETWEEN","Value":{"N":"1"}}})"),
            "One or more parameter values were invalid: Invalid number of argument(s) for the "
            "BETWEEN ComparisonOperator");
  EXPECT_TRUE(expected_holds(R"({"missing":{"ComparisonOperator":"NULL"}})"));
}

TEST(ClassicExpected, ConditionalOperatorJoinsTwoOrMore) {
  EXPECT_FALSE(expected_holds(R"({"n":{"Value":{"N":"1"}},"missing":{"Exists":false}})"));
  Result<std::optional<expr::Condition>> either =
      translate_expected(read(R"({"Expected":{"n":{"Value":{"N":"1"}},"missing":{"Exists":false}},)"
                              R"("ConditionalOperator":"OR"})")
                             .members);
  ASSERT_TRUE(either.has_value() && either->has_value());
  EXPECT_TRUE(expr::evaluate(**either, &sample()));
  EXPECT_EQ(expected_error(R"({"n":{"Exists":false}})", R"("ConditionalOperator":"AND")"),
            "ConditionalOperator can only be used when Filter or Expected has two or more "
            "elements");
  EXPECT_EQ(expected_error("{}", R"("ConditionalOperator":"AND")"),
            "ConditionalOperator cannot be used without Filter or Expected");
  EXPECT_FALSE(translate_expected(read(R"({"Expected":{}})").members).value().has_value());
}

TEST(ClassicKeyConditions, EachConditionCheckedThenTheirNumber) {
  Result<KeyConditionTerms> terms = check_key_conditions(
      read(R"({"KeyConditions":{"p":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"k"}]},)"
           R"("r":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"N":"2"}]}}})")
          .members);
  ASSERT_TRUE(terms.has_value()) << terms.error().message();
  ASSERT_EQ(terms->size(), 2u);
  EXPECT_EQ((*terms)[1].op, ComparisonOperator::kBetween);
  EXPECT_EQ((*terms)[1].values.size(), 2u);
  EXPECT_EQ(validation_message(check_key_conditions(read(R"({"KeyConditions":{}})").members)),
            "Conditions can be of length 1 or 2 only");
  EXPECT_EQ(validation_message(check_key_conditions(
                read(R"({"KeyConditions":{"a":{"ComparisonOperator":"NULL"},)"
                     R"("b":{"ComparisonOperator":"NULL"},"c":{"ComparisonOperator":"EQ"}}})")
                    .members)),
            "One or more parameter values were invalid: Invalid number of argument(s) for the EQ "
            "ComparisonOperator");
}

}  // namespace
}  // namespace ddblocal::wire
