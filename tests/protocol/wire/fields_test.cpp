// Tests for the typed member getters: values of the right type, null and absence, members given
// twice, and DynamoDB's SerializationException text for each wrong JSON type (the texts
// dynalite's tests recorded from DynamoDB).
#include "protocol/wire/fields.h"

#include <limits>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal::wire {
namespace {

JsonDocument parse(std::string_view body) {
  JsonDocument document;
  Result<void> parsed = parse_request_body(body, document);
  EXPECT_TRUE(parsed.has_value()) << body;
  return document;
}

// The SerializationException text a getter gives for member "m" holding `member_json`.
template <typename Getter>
std::string error_of(Getter getter, std::string_view member_json, std::string_view name = "m") {
  JsonDocument document = parse("{\"" + std::string(name) + "\":" + std::string(member_json) + "}");
  auto result = getter(document, name);
  if (result.has_value()) {
    ADD_FAILURE() << "accepted: " << member_json;
    return "";
  }
  EXPECT_EQ(result.error().type(), ErrorType::kSerialization);
  return result.error().message();
}

TEST(Fields, AbsentAndNullMembersReadAsAbsent) {
  for (const char* body : {R"({})", R"({"m":null})", R"({"other":1})"}) {
    JsonDocument document = parse(body);
    EXPECT_EQ(*optional_string(document, "m"), std::nullopt);
    EXPECT_EQ(*optional_bool(document, "m"), std::nullopt);
    EXPECT_EQ(*optional_integer(document, "m"), std::nullopt);
    EXPECT_EQ(*optional_object(document, "m"), nullptr);
    EXPECT_EQ(*optional_array(document, "m"), nullptr);
  }
}

TEST(Fields, ReadsValuesOfTheRightType) {
  JsonDocument document = parse(
      R"({"s":"text","b":false,"i":-42,"o":{"x":1},"a":[1,2],"z":"a\u0000b","m":"Sm\u00f6rg"})");
  EXPECT_EQ(*optional_string(document, "s"), "text");
  EXPECT_EQ(*optional_string(document, "z"), std::string_view("a\0b", 3));
  EXPECT_EQ(*optional_bool(document, "b"), false);
  EXPECT_EQ(*optional_integer(document, "i"), -42);
  EXPECT_EQ((*optional_object(document, "o"))->MemberCount(), 1u);
  EXPECT_EQ((*optional_array(document, "a"))->Size(), 2u);
  EXPECT_EQ(*optional_string(document, "m"), "Sm\xc3\xb6rg");
}

TEST(Fields, StringMismatchesNameTheTokenAndTheJavaType) {
  auto getter = [](const JsonValue& o, std::string_view n) { return optional_string(o, n); };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"5", "NUMBER_VALUE cannot be converted to String"},
      {"-2147483648", "NUMBER_VALUE cannot be converted to String"},
      {"2147483648", "NUMBER_VALUE cannot be converted to String"},
      {"34.56", "DECIMAL_VALUE cannot be converted to String"},
      {"1e3", "DECIMAL_VALUE cannot be converted to String"},
      {"true", "TRUE_VALUE cannot be converted to String"},
      {"false", "FALSE_VALUE cannot be converted to String"},
      {"[]", "Unrecognized collection type class java.lang.String"},
      {"{}", "Start of structure or map found where not expected"},
  };
  for (const auto& [json, message] : cases) {
    EXPECT_EQ(error_of(getter, json), message) << json;
  }
}

TEST(Fields, BooleansAcceptTrueAndFalseStringsInAnyCase) {
  JsonDocument document = parse(R"({"a":"TRUE","b":"false","c":"True","d":true})");
  EXPECT_EQ(*optional_bool(document, "a"), true);
  EXPECT_EQ(*optional_bool(document, "b"), false);
  EXPECT_EQ(*optional_bool(document, "c"), true);
  EXPECT_EQ(*optional_bool(document, "d"), true);
}

TEST(Fields, BooleanMismatches) {
  auto getter = [](const JsonValue& o, std::string_view n) { return optional_bool(o, n); };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("23")", "Unexpected token received from parser"},
      {R"("yes")", "Unexpected token received from parser"},
      {R"("")", "Unexpected token received from parser"},
      {"0", "NUMBER_VALUE cannot be converted to Boolean"},
      {"23", "NUMBER_VALUE cannot be converted to Boolean"},
      {"34.56", "DECIMAL_VALUE cannot be converted to Boolean"},
      {"[]", "Unrecognized collection type class java.lang.Boolean"},
      {"{}", "Start of structure or map found where not expected"},
  };
  for (const auto& [json, message] : cases) {
    EXPECT_EQ(error_of(getter, json), message) << json;
  }
}

TEST(Fields, IntegersDropFractionsAndSaturate) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  const std::vector<std::pair<std::string, std::int64_t>> cases = {
      {"5", 5},
      {"-3", -3},
      {"5.5", 5},
      {"-5.9", -5},
      {"1e2", 100},
      {"99999999999", 99999999999},
      {"9223372036854775807", kMax},
      {"-9223372036854775808", kMin},
      {"18446744073709551615", kMax},
      {"1e30", kMax},
      {"-1e30", kMin},
  };
  for (const auto& [json, expected] : cases) {
    JsonDocument document = parse("{\"Limit\":" + json + "}");
    Result<std::optional<std::int64_t>> value = optional_integer(document, "Limit");
    ASSERT_TRUE(value.has_value()) << json;
    EXPECT_EQ(*value, expected) << json;
  }
}

TEST(Fields, IntegerMismatches) {
  auto getter = [](const JsonValue& o, std::string_view n) { return optional_integer(o, n); };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"("23")", "STRING_VALUE cannot be converted to Integer"},
      {"true", "TRUE_VALUE cannot be converted to Integer"},
      {"false", "FALSE_VALUE cannot be converted to Integer"},
      {"[]", "Unrecognized collection type class java.lang.Integer"},
      {"{}", "Start of structure or map found where not expected"},
  };
  for (const auto& [json, message] : cases) {
    EXPECT_EQ(error_of(getter, json), message) << json;
  }
}

TEST(Fields, ObjectMismatchesNameTheExpectedMapOrStructure) {
  auto getter = [](const JsonValue& o, std::string_view n) { return optional_object(o, n); };
  for (const char* json : {R"("23")", "true", "23", "34.56"}) {
    EXPECT_EQ(error_of(getter, json), "Unexpected field type") << json;
  }
  EXPECT_EQ(error_of(getter, "[]", "Item"),
            "Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.AttributeValue>");
  EXPECT_EQ(error_of(getter, "[]", "ExpressionAttributeNames"),
            "Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>");
  EXPECT_EQ(error_of(getter, "[]", "Expected"),
            "Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.ExpectedAttributeValue>");
  EXPECT_EQ(error_of(getter, "[]", "ProvisionedThroughput"),
            "Unrecognized collection type class "
            "com.amazonaws.dynamodb.v20120810.ProvisionedThroughput");
}

TEST(Fields, ArrayMismatches) {
  auto getter = [](const JsonValue& o, std::string_view n) { return optional_array(o, n); };
  for (const char* json : {R"("23")", "true", "23", "34.56"}) {
    EXPECT_EQ(error_of(getter, json), "Unexpected field type") << json;
  }
  EXPECT_EQ(error_of(getter, "{}"), "Start of structure or map found where not expected");
}

TEST(Fields, LongMismatchesNameLong) {
  auto getter = [](const JsonValue& o, std::string_view n) { return optional_long(o, n); };
  EXPECT_EQ(error_of(getter, R"("23")"), "STRING_VALUE cannot be converted to Long");
  EXPECT_EQ(error_of(getter, "true"), "TRUE_VALUE cannot be converted to Long");
  EXPECT_EQ(error_of(getter, "[]"), "Unrecognized collection type class java.lang.Long");
  JsonDocument document = parse(R"({"ReadCapacityUnits":5.9})");
  EXPECT_EQ(*optional_long(document, "ReadCapacityUnits"), 5);
}

TEST(Fields, ObjectMemberNamedByItsCaller) {
  auto getter = [](const JsonValue& o, std::string_view n) {
    return optional_object(o, n, "class com.amazonaws.dynamodb.v20120810.DeleteRequest");
  };
  EXPECT_EQ(error_of(getter, "[]", "Delete"),
            "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.DeleteRequest");
  EXPECT_EQ(error_of(getter, "5", "Delete"), "Unexpected field type");
}

// The error of a getter of one value (a list element or map value) for `json`.
template <typename Getter>
std::string element_error_of(Getter getter, std::string_view json) {
  JsonDocument document = parse("{\"m\":[" + std::string(json) + "]}");
  auto result = getter(document["m"][0]);
  if (result.has_value()) {
    ADD_FAILURE() << "accepted: " << json;
    return "";
  }
  EXPECT_EQ(result.error().type(), ErrorType::kSerialization);
  return result.error().message();
}

constexpr char kCast[] =
    "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class "
    "java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and "
    "java.lang.Class are in module java.base of loader 'bootstrap')";

// An element is worded apart from a member of the same type (dynalite's ValueStruct,
// ParameterizedList and ParameterizedMap).
TEST(Fields, ElementMismatchesAreWordedAsElements) {
  auto structure = [](const JsonValue& v) { return object_value(v, "WriteRequest"); };
  for (const char* json : {R"("23")", "true", "23", "34.56"}) {
    EXPECT_EQ(element_error_of(structure, json), "Unexpected value type in payload") << json;
    EXPECT_EQ(element_error_of(array_value, json), kCast) << json;
    EXPECT_EQ(element_error_of(attribute_map_value, json), kCast) << json;
  }
  EXPECT_EQ(element_error_of(structure, "[]"),
            "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.WriteRequest");
  EXPECT_EQ(element_error_of(array_value, "{}"),
            "Start of structure or map found where not expected");
  EXPECT_EQ(element_error_of(attribute_map_value, "[]"),
            "Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.AttributeValue>");
}

TEST(Fields, MemberGivenTwiceReadsAsItsLastOccurrence) {
  JsonDocument document =
      parse(R"({"TableName":"a","TableName":"b","Limit":3,"Limit":null,"x":null,"x":true})");
  EXPECT_EQ(*optional_string(document, "TableName"), "b");
  EXPECT_EQ(*optional_integer(document, "Limit"), std::nullopt);
  EXPECT_EQ(*optional_bool(document, "x"), true);
}

TEST(Fields, MemberGivenTwiceFailsOnAnEarlierBadOccurrence) {
  // The deserializer converts every occurrence before the last one replaces it.
  JsonDocument document = parse(R"({"Limit":"5","Limit":3})");
  Result<std::optional<std::int64_t>> limit = optional_integer(document, "Limit");
  ASSERT_FALSE(limit.has_value());
  EXPECT_EQ(limit.error().message(), "STRING_VALUE cannot be converted to Integer");
}

TEST(Fields, ValueReadersApplyTheSameRules) {
  JsonDocument document = parse(R"({"a":["x",5,"True",1.5]})");
  const JsonValue& array = document["a"];
  EXPECT_EQ(*string_value(array[0]), "x");
  EXPECT_EQ(string_value(array[1]).error().message(), "NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(*bool_value(array[2]), true);
  EXPECT_EQ(bool_value(array[3]).error().message(), "DECIMAL_VALUE cannot be converted to Boolean");
}

}  // namespace
}  // namespace ddblocal::wire
