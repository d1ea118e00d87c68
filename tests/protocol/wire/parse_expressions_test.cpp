// The expression members of item requests: the checks on ExpressionAttributeNames/Values
// themselves, classic parameters beside them, and that each expression is parsed and resolved.
#include "protocol/wire/parse_expressions.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

namespace ddblocal::wire {
namespace {

Result<ExpressionMembers> parse(std::string_view text, ExpressionMembersAllowed allowed) {
  JsonDocument document;
  document.Parse(text.data(), text.size());
  EXPECT_FALSE(document.HasParseError()) << text;
  return parse_expression_members(document, allowed);
}

std::string error_of(std::string_view text, ExpressionMembersAllowed allowed = kConditionOnly) {
  Result<ExpressionMembers> members = parse(text, allowed);
  EXPECT_FALSE(members.has_value());
  return members.has_value() ? "" : members.error().message();
}

TEST(ParseExpressionMembers, ParsesAndResolvesEachExpression) {
  Result<ExpressionMembers> members =
      parse(R"j({"UpdateExpression":"SET #a = :v","ConditionExpression":"attribute_exists(#a)",)j"
            R"j("ExpressionAttributeNames":{"#a":"count"},)j"
            R"j("ExpressionAttributeValues":{":v":{"N":"1"}}})j",
            kUpdateAndCondition);
  ASSERT_TRUE(members.has_value()) << members.error().message();
  ASSERT_TRUE(members->update.has_value());
  ASSERT_TRUE(members->condition.has_value());
  EXPECT_FALSE(members->projection.has_value());
  EXPECT_EQ(members->update->set.at(0).path.elements.at(0).name, "count");
}

// The JSON types of the expression members alone, with DynamoDB's texts; members the operation
// does not take are not read.
TEST(ReadExpressionMemberTypes, ReportsTheFirstMemberOfTheWrongType) {
  auto error = [](std::string_view text, ExpressionMembersAllowed allowed) -> std::string {
    JsonDocument document;
    document.Parse(text.data(), text.size());
    Result<void> read = read_expression_member_types(document, allowed);
    return read.has_value() ? "" : read.error().message();
  };
  EXPECT_EQ(error(R"({"ConditionExpression":5})", kConditionOnly),
            "NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(error(R"({"ExpressionAttributeNames":[]})", kConditionOnly),
            "Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>");
  EXPECT_EQ(error(R"({"ExpressionAttributeValues":{":v":{"M":[]}}})", kConditionOnly),
            "Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.AttributeValue>");
  EXPECT_EQ(error(R"({"ExpressionAttributeValues":{":v":5}})", kProjectionOnly), "");
  EXPECT_EQ(
      error(R"({"ConditionExpression":"a = :v","ExpressionAttributeValues":{":v":{"S":"x"}}})",
            kConditionOnly),
      "");
}

TEST(ParseExpressionMembers, NoExpressionsIsFine) {
  Result<ExpressionMembers> members = parse("{}", kConditionOnly);
  ASSERT_TRUE(members.has_value());
  EXPECT_FALSE(members->condition.has_value());
}

TEST(ParseExpressionMembers, ReadsOnlyTheExpressionsTheOperationTakes) {
  Result<ExpressionMembers> members = parse(R"({"ProjectionExpression":"a"})", kConditionOnly);
  ASSERT_TRUE(members.has_value());
  EXPECT_FALSE(members->projection.has_value());
}

TEST(ParseExpressionMembers, PlaceholderMapsMustNotBeEmpty) {
  EXPECT_EQ(error_of(R"({"ConditionExpression":"a = b","ExpressionAttributeNames":{}})"),
            "ExpressionAttributeNames must not be empty");
  EXPECT_EQ(error_of(R"({"ConditionExpression":"a = b","ExpressionAttributeValues":{}})"),
            "ExpressionAttributeValues must not be empty");
}

TEST(ParseExpressionMembers, PlaceholderKeysNeedTheirSigil) {
  EXPECT_EQ(error_of(R"({"ConditionExpression":"a = b","ExpressionAttributeNames":{"n":"x"}})"),
            "ExpressionAttributeNames contains invalid key: Syntax error; key: \"n\"");
  EXPECT_EQ(
      error_of(R"({"ConditionExpression":"a = b","ExpressionAttributeValues":{"v":{"S":"x"}}})"),
      "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
}

TEST(ParseExpressionMembers, AttributeNamesMustNotBeEmpty) {
  EXPECT_EQ(error_of(R"({"UpdateExpression":"SET #k = :v","ExpressionAttributeNames":{"#k":""},)"
                     R"("ExpressionAttributeValues":{":v":{"S":"x"}}})",
                     kUpdateAndCondition),
            "ExpressionAttributeNames contains invalid value: Empty attribute name for key #k");
}

// Scan and the transactions wrap the value's text; the other operations dropped the wrapper in
// 2026 (paritysuite/dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts).
TEST(ParseExpressionMembers, InvalidValuesNameTheirKeyInTheOlderWording) {
  EXPECT_EQ(
      error_of(R"({"ConditionExpression":"a = :v","ExpressionAttributeValues":{":v":{"SS":[]}}})",
               kTransactCondition),
      "ExpressionAttributeValues contains invalid value: One or more parameter values were "
      "invalid: An string set  may not be empty for key :v");
  EXPECT_EQ(
      error_of(R"({"ConditionExpression":"a = :v","ExpressionAttributeValues":{":v":{"SS":[]}}})"),
      "One or more parameter values were invalid: An string set  may not be empty");
}

TEST(ParseExpressionMembers, PlaceholdersNeedAnExpression) {
  EXPECT_EQ(error_of(R"({"ExpressionAttributeNames":{"#n":"x"}})"),
            "ExpressionAttributeNames can only be specified when using expressions");
  // PutItem, UpdateItem and DeleteItem no longer name the missing expressions (us-east-1 since
  // 2026-08, nubo-db/dynamodb-conformance captures/2026-08-12-wording-drift.json); the
  // transactions, in the older wording, still do.
  EXPECT_EQ(error_of(R"({"ExpressionAttributeValues":{":v":{"S":"x"}}})"),
            "ExpressionAttributeValues can only be specified when using expressions");
  EXPECT_EQ(error_of(R"({"ExpressionAttributeValues":{":v":{"S":"x"}}})", kUpdateAndCondition),
            "ExpressionAttributeValues can only be specified when using expressions");
  EXPECT_EQ(error_of(R"({"ExpressionAttributeValues":{":v":{"S":"x"}}})", kTransactCondition),
            "ExpressionAttributeValues can only be specified when using expressions: "
            "ConditionExpression is null");
  EXPECT_EQ(error_of(R"({"ExpressionAttributeValues":{":v":{"S":"x"}}})", kTransactUpdate),
            "ExpressionAttributeValues can only be specified when using expressions: "
            "UpdateExpression and ConditionExpression are null");
}

// GetItem and the other reads that only project have no such member: DynamoDB ignores it.
TEST(ParseExpressionMembers, ValuesAreIgnoredWhereOnlyAProjectionIsAllowed) {
  Result<ExpressionMembers> members =
      parse(R"({"ProjectionExpression":"a","ExpressionAttributeValues":{":v":{"S":"x"}}})",
            kProjectionOnly);
  ASSERT_TRUE(members.has_value()) << members.error().message();
  EXPECT_TRUE(members->projection.has_value());
  EXPECT_TRUE(parse(R"({"ExpressionAttributeValues":{":v":1}})", kProjectionOnly).has_value());
}

TEST(ParseExpressionMembers, UnusedPlaceholdersAreErrors) {
  EXPECT_EQ(error_of(R"({"ConditionExpression":"a = :v","ExpressionAttributeValues":)"
                     R"({":v":{"S":"x"},":u":{"S":"y"}}})"),
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:u}");
}

TEST(ParseExpressionMembers, ClassicParametersDoNotMixWithExpressions) {
  EXPECT_EQ(error_of(R"j({"ConditionExpression":"attribute_exists(a)",)j"
                     R"j("Expected":{"a":{"Exists":true}}})j"),
            "Can not use both expression and non-expression parameters in the same request: "
            "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
  EXPECT_EQ(error_of(R"({"ProjectionExpression":"a","AttributesToGet":["a"]})", kProjectionOnly),
            "Can not use both expression and non-expression parameters in the same request: "
            "Non-expression parameters: {AttributesToGet} Expression parameters: "
            "{ProjectionExpression}");
}

TEST(ParseExpressionMembers, ClassicParametersAreTranslated) {
  Result<ExpressionMembers> members =
      parse(R"({"Expected":{"a":{"Exists":false}},"AttributeUpdates":{"b":{"Value":{"N":"1"}}}})",
            kUpdateAndCondition);
  ASSERT_TRUE(members.has_value()) << members.error().message();
  EXPECT_TRUE(members->condition.has_value());
  ASSERT_TRUE(members->update.has_value());
  EXPECT_TRUE(members->update->from_attribute_updates);
  EXPECT_EQ(error_of(R"({"Expected":{"a":{"Exists":true}}})"),
            "One or more parameter values were invalid: Value must be provided when Exists is "
            "true for Attribute: a");
}

// AttributeUpdates come before Expected (dynalite's UpdateItem tests).
TEST(ParseExpressionMembers, AttributeUpdatesCheckedBeforeExpected) {
  EXPECT_EQ(error_of(R"({"Expected":{"a":{}},"AttributeUpdates":{"a":{"x":"whatever"}}})",
                     kUpdateAndCondition),
            "One or more parameter values were invalid: Only DELETE action is allowed when no "
            "attribute value is specified");
}

// The transactions' actions have no classic members: DynamoDB ignores what a shape lacks.
TEST(ParseExpressionMembers, TransactionsIgnoreClassicParameters) {
  Result<ExpressionMembers> members = parse(
      R"j({"Expected":{"a":{}},"ConditionExpression":"attribute_exists(a)"})j", kTransactCondition);
  ASSERT_TRUE(members.has_value()) << members.error().message();
  EXPECT_TRUE(members->condition.has_value());
}

// ExtendDB's tests, verified on DynamoDB: after the placeholder maps, before the key condition.
TEST(ParseExpressionMembers, ConditionalOperatorNeedsConditionsToJoin) {
  const std::string without = "ConditionalOperator cannot be used without Filter or Expected";
  EXPECT_EQ(error_of(R"({"ConditionalOperator":"AND"})"), without);
  EXPECT_EQ(error_of(R"({"ConditionalOperator":"OR","Expected":{}})"), without);
  EXPECT_EQ(error_of(R"({"ConditionalOperator":"OR"})", kQueryExpressions), without);
  EXPECT_EQ(error_of(R"({"ConditionalOperator":"OR","KeyConditions":{}})", kQueryExpressions),
            without);
  EXPECT_EQ(error_of(R"({"ConditionalOperator":"OR","ExpressionAttributeNames":{"#a":"a"}})",
                     kScanExpressions),
            "ExpressionAttributeNames can only be specified when using expressions");
  EXPECT_EQ(error_of(R"({"ConditionalOperator":"OR","ScanFilter":{"a":{"ComparisonOperator":)"
                     R"("NULL"}}})",
                     kScanExpressions),
            "ConditionalOperator can only be used when Filter or Expected has two or more "
            "elements");
}

// KeyConditions goes with FilterExpression and ProjectionExpression (ExtendDB's tests, verified
// on DynamoDB); only a KeyConditionExpression beside it is mixing.
TEST(ParseExpressionMembers, KeyConditionsMixOnlyWithAKeyConditionExpression) {
  Result<ExpressionMembers> members = parse(
      R"j({"KeyConditions":{"p":{"ComparisonOperator":"EQ","AttributeValueList":[{"S":"a"}]}},)j"
      R"j("FilterExpression":"x > :x","ProjectionExpression":"x",)j"
      R"j("ExpressionAttributeValues":{":x":{"N":"1"}}})j",
      kQueryExpressions);
  ASSERT_TRUE(members.has_value()) << members.error().message();
  EXPECT_TRUE(members->key_conditions.has_value());
  EXPECT_FALSE(members->key_condition.has_value());
  EXPECT_TRUE(members->filter.has_value());
  EXPECT_FALSE(members->filter_from_query_filter);
}

TEST(ParseExpressionMembers, SyntaxErrorsComeFromTheParser) {
  EXPECT_EQ(error_of(R"({"ConditionExpression":"a = "})"),
            "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"");
}

TEST(ParseExpressionMembers, QueryExpressionsResolvedTogether) {
  Result<ExpressionMembers> members =
      parse(R"j({"KeyConditionExpression":"#p = :p","FilterExpression":"x > :x",)j"
            R"j("ProjectionExpression":"#p, x","ExpressionAttributeNames":{"#p":"pk"},)j"
            R"j("ExpressionAttributeValues":{":p":{"S":"a"},":x":{"N":"1"}}})j",
            kQueryExpressions);
  ASSERT_TRUE(members.has_value()) << members.error().message();
  EXPECT_TRUE(members->key_condition.has_value());
  EXPECT_TRUE(members->filter.has_value());
  ASSERT_TRUE(members->projection.has_value());
  EXPECT_FALSE(members->condition.has_value());
}

TEST(ParseExpressionMembers, QueryNeedsItsKeyCondition) {
  EXPECT_EQ(error_of("{}", kQueryExpressions),
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in "
            "the request.");
  EXPECT_EQ(error_of(R"({"FilterExpression":"a = b"})", kQueryExpressions),
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in "
            "the request.");
  Result<ExpressionMembers> scan = parse("{}", kScanExpressions);
  ASSERT_TRUE(scan.has_value());
  EXPECT_FALSE(scan->filter.has_value());
}

TEST(ParseExpressionMembers, ValuesWithoutQueryOrScanExpressionsNameWhatIsNull) {
  EXPECT_EQ(error_of(R"({"ProjectionExpression":"a","ExpressionAttributeValues":{":v":{"S":"x"}}})",
                     kQueryExpressions),
            "ExpressionAttributeValues can only be specified when using expressions: "
            "FilterExpression and KeyConditionExpression are null");
  EXPECT_EQ(error_of(R"({"ProjectionExpression":"a","ExpressionAttributeValues":{":v":{"S":"x"}}})",
                     kScanExpressions),
            "ExpressionAttributeValues can only be specified when using expressions: "
            "FilterExpression is null");
}

TEST(ParseExpressionMembers, PresenceChecksComeBeforeTheMapsThemselves) {
  EXPECT_EQ(error_of(R"({"ExpressionAttributeNames":{}})", kScanExpressions),
            "ExpressionAttributeNames can only be specified when using expressions");
}

TEST(ParseExpressionMembers, QueryAndScanClassicParametersListedInTheServiceOrder) {
  EXPECT_EQ(error_of(R"j({"KeyConditionExpression":"p = :p","FilterExpression":"x = :p",)j"
                     R"j("ProjectionExpression":"x","ExpressionAttributeValues":{":p":{"S":"a"}},)j"
                     R"j("KeyConditions":{},"QueryFilter":{},"ConditionalOperator":"AND",)j"
                     R"j("AttributesToGet":["a"]})j",
                     kQueryExpressions),
            "Can not use both expression and non-expression parameters in the same request: "
            "Non-expression parameters: {AttributesToGet, QueryFilter, ConditionalOperator, "
            "KeyConditions} Expression parameters: {ProjectionExpression, FilterExpression, "
            "KeyConditionExpression}");
  EXPECT_EQ(error_of(R"j({"FilterExpression":"x = y","ProjectionExpression":"x",)j"
                     R"j("ScanFilter":{},"ConditionalOperator":"OR","AttributesToGet":["a"]})j",
                     kScanExpressions),
            "Can not use both expression and non-expression parameters in the same request: "
            "Non-expression parameters: {AttributesToGet, ScanFilter, ConditionalOperator} "
            "Expression parameters: {ProjectionExpression, FilterExpression}");
  EXPECT_EQ(error_of(R"({"KeyConditions":{"p":{"ComparisonOperator":"EQ"}}})", kQueryExpressions),
            "One or more parameter values were invalid: Invalid number of argument(s) for the EQ "
            "ComparisonOperator");
}

TEST(ParseExpressionMembers, FilterThenProjectionThenKeyConditionErrors) {
  // Each expression has an error; DynamoDB reports the filter's, then the projection's.
  EXPECT_EQ(error_of(R"j({"KeyConditionExpression":"p = = :p","FilterExpression":"x = = :x",)j"
                     R"j("ProjectionExpression":"a,,b"})j",
                     kQueryExpressions),
            "Invalid FilterExpression: Syntax error; token: \"=\", near: \"= = :x\"");
  EXPECT_EQ(
      error_of(R"j({"KeyConditionExpression":"p = :p","FilterExpression":"x = :x",)j"
               R"j("ProjectionExpression":"#a","ExpressionAttributeValues":{":x":{"S":"a"}}})j",
               kQueryExpressions),
      "Invalid ProjectionExpression: An expression attribute name used in the document "
      "path is not defined; attribute name: #a");
  EXPECT_EQ(error_of(R"j({"KeyConditionExpression":"p = :p","FilterExpression":"x = :x",)j"
                     R"j("ExpressionAttributeValues":{":x":{"S":"a"}}})j",
                     kQueryExpressions),
            "Invalid KeyConditionExpression: An expression attribute value used in expression is "
            "not defined; attribute value: :p");
}

}  // namespace
}  // namespace ddblocal::wire
