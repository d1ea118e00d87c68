// Reading the classic members, their constraints and AttributesToGet. Messages: dynalite's tests
// (recorded on DynamoDB), DynamoDB Local where those are silent; see
// /work/notes/messages-classic.md.
#include "protocol/wire/classic_members.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::Classic;
using test_util::parse_json;
using test_util::validation_message;

constexpr ClassicMembersTaken kEverything{.expected = true,
                                          .attribute_updates = true,
                                          .attributes_to_get = true,
                                          .query = true,
                                          .scan = true};

Classic read(std::string_view body, ClassicMembersTaken taken = kEverything) {
  return Classic(body, taken);
}

std::string serialization_error(std::string_view body) {
  JsonDocument document = parse_json(body);
  Result<ClassicMembers> classic = read_classic_members(document, kEverything);
  EXPECT_FALSE(classic.has_value());
  if (classic.has_value()) {
    return "";
  }
  EXPECT_EQ(classic.error().type(), ErrorType::kSerialization);
  return classic.error().message();
}

std::string constraints(std::string_view body, std::string_view prefix = "") {
  Violations violations;
  check_classic_constraints(read(body).members, violations, prefix);
  Result<void> result = violations.to_result();
  return result.has_value() ? "" : result.error().message();
}

TEST(ReadClassicMembers, ReadsOnlyWhatTheOperationTakes) {
  Classic parsed = read(R"({"Expected":{"a":{"Exists":false}},"ScanFilter":{},)"
                        R"("AttributesToGet":["a"],"ConditionalOperator":"OR"})",
                        {.expected = true});
  const ClassicMembers& classic = parsed.members;
  ASSERT_TRUE(classic.expected.has_value());
  EXPECT_FALSE(classic.scan_filter.has_value());
  EXPECT_FALSE(classic.attributes_to_get.has_value());
  EXPECT_EQ(classic.conditional_operator, "OR");
  EXPECT_FALSE(read(R"({"Expected":{}})", {}).members.expected.has_value());
}

TEST(ReadClassicMembers, ReadsEachPartOfACondition) {
  Classic parsed =
      read(R"({"Expected":{"a":{"Exists":true,"Value":{"N":"1"}},)"
           R"("b":{"ComparisonOperator":"BETWEEN","AttributeValueList":[{"N":"1"},{"N":"2"}]},)"
           R"("c":null}})");
  const std::vector<ClassicCondition>& entries = *parsed.members.expected;
  ASSERT_EQ(entries.size(), 3u);
  EXPECT_EQ(entries[0].exists, true);
  EXPECT_TRUE(entries[0].has_value);
  EXPECT_EQ(entries[0].values.size(), 1u);
  EXPECT_EQ(entries[1].comparison_operator, "BETWEEN");
  EXPECT_TRUE(entries[1].has_value_list);
  EXPECT_EQ(entries[1].values.size(), 2u);
  EXPECT_TRUE(entries[2].null);
}

TEST(ReadClassicMembers, ValueErrorsWaitInTheirEntry) {
  Classic parsed = read(
      R"({"ScanFilter":{"a":{"ComparisonOperator":"IN","AttributeValueList":[{"N":"x"},{}]}}})");
  const ClassicCondition& entry = parsed.members.scan_filter->front();
  ASSERT_TRUE(entry.value_error.has_value());
  EXPECT_EQ(entry.value_error->message(),
            "The parameter cannot be converted to a numeric value: x");
  Classic nulls =
      read(R"({"QueryFilter":{"a":{"ComparisonOperator":"EQ","AttributeValueList":[null]}}})");
  EXPECT_EQ(nulls.members.query_filter->front().value_error->message(),
            "The supplied Item contains a null AttributeValue");
}

TEST(ReadClassicMembers, AMapNameGivenTwiceReadsAsItsLastOccurrence) {
  Classic parsed =
      read(R"({"AttributeUpdates":{"a":{"Action":"DELETE"},"b":{},"a":{"Action":"ADD"}}})");
  ASSERT_EQ(parsed.members.attribute_updates->size(), 2u);
  EXPECT_EQ(parsed.members.attribute_updates->front().action, "ADD");
}

TEST(ReadClassicMembers, JsonTypeErrorsAreSerializationExceptions) {
  EXPECT_EQ(serialization_error(R"({"Expected":[]})"),
            "Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.ExpectedAttributeValue>");
  EXPECT_EQ(serialization_error(R"({"Expected":{"a":{"Exists":1}}})"),
            "NUMBER_VALUE cannot be converted to Boolean");
  EXPECT_EQ(serialization_error(R"({"AttributesToGet":[1]})"),
            "NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(serialization_error(R"({"AttributeUpdates":{"a":{"Value":{"S":1}}}})"),
            "NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(serialization_error(R"({"ConditionalOperator":{}})"),
            "Start of structure or map found where not expected");
}

TEST(CheckClassicConstraints, EnumsAndLengthsOfTheApiModel) {
  EXPECT_EQ(constraints(R"({"Expected":{"a":{"ComparisonOperator":"eq"}}})"),
            "1 validation error detected: Value 'eq' at 'expected.a.member.comparisonOperator' "
            "failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, "
            "BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]");
  EXPECT_EQ(constraints(R"({"ConditionalOperator":"XOR"})"),
            "1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy "
            "constraint: Member must satisfy enum value set: [OR, AND]");
  EXPECT_EQ(constraints(R"({"AttributeUpdates":{"a":{"Action":"REMOVE"}}})"),
            "1 validation error detected: Value 'REMOVE' at 'attributeUpdates.a.member.action' "
            "failed to satisfy constraint: Member must satisfy enum value set: [ADD, PUT, "
            "DELETE]");
  EXPECT_EQ(constraints(R"({"AttributesToGet":[]})"),
            "1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy "
            "constraint: Member must have length greater than or equal to 1");
  EXPECT_EQ(constraints(R"({"Expected":{"a":{"Exists":false}},"AttributeUpdates":{"a":{}}})"), "");
}

TEST(CheckClassicConstraints, AFilterNeedsItsOperator) {
  EXPECT_EQ(constraints(R"({"ScanFilter":{"a":{},"b":{"ComparisonOperator":""}}})"),
            "2 validation errors detected: Value '' at 'scanFilter.b.member.comparisonOperator' "
            "failed to satisfy constraint: Member must satisfy enum value set: [IN, NULL, "
            "BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS]; "
            "Value null at 'scanFilter.a.member.comparisonOperator' failed to satisfy "
            "constraint: Member must not be null");
  EXPECT_EQ(constraints(R"({"KeyConditions":{"p":{}},"QueryFilter":{"x":null}})"),
            "1 validation error detected: Value null at 'keyConditions.p.member."
            "comparisonOperator' failed to satisfy constraint: Member must not be null");
}

TEST(CheckClassicConstraints, AttributesToGetHoldsAtMost255Names) {
  std::string names;
  for (int i = 0; i < 256; ++i) {
    names += (i ? ",\"" : "\"") + std::to_string(i) + "\"";
  }
  EXPECT_TRUE(constraints("{\"AttributesToGet\":[" + names + "]}")
                  .ends_with("255]' at 'attributesToGet' failed to satisfy constraint: Member must "
                             "have length less than or equal to 255"));
  EXPECT_EQ(constraints(R"({"AttributesToGet":[]})", "requestItems.t.member."),
            "1 validation error detected: Value '[]' at 'requestItems.t.member.attributesToGet' "
            "failed to satisfy constraint: Member must have length greater than or equal to 1");
}

TEST(TranslateAttributesToGet, TopLevelNamesDotsAndAll) {
  Result<std::optional<expr::Projection>> projection =
      translate_attributes_to_get(read(R"({"AttributesToGet":["a.b","c[0]"]})").members);
  ASSERT_TRUE(projection.has_value());
  ASSERT_EQ((*projection)->paths.size(), 2u);
  ASSERT_EQ((*projection)->paths[0].elements.size(), 1u);
  EXPECT_EQ((*projection)->paths[0].elements[0].name, "a.b");
  EXPECT_EQ((*projection)->paths[1].elements[0].name, "c[0]");
  EXPECT_FALSE(translate_attributes_to_get(read("{}").members).value().has_value());
}

TEST(TranslateAttributesToGet, NamesMustBeUniqueAndNotEmpty) {
  EXPECT_EQ(validation_message(
                translate_attributes_to_get(read(R"({"AttributesToGet":["b","a","b"]})").members)),
            "One or more parameter values were invalid: Duplicate value in attribute name: b");
  EXPECT_EQ(validation_message(
                translate_attributes_to_get(read(R"({"AttributesToGet":["a",null]})").members)),
            "Empty attribute name");
}

}  // namespace
}  // namespace ddblocal::wire
