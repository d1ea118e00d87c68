// Tests for the attribute value codec: round trips of every type, set ordering, base64 edge
// cases, and the error type and exact text for each way a value can be wrong (texts verified on
// DynamoDB Local or recorded from DynamoDB by dynalite's tests; see value_codec.h).
#include "protocol/wire/value_codec.h"

#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal::wire {
namespace {

constexpr char kEmpty[] =
    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
constexpr char kManyTypes[] =
    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the "
    "supported datatypes";
constexpr char kNesting[] =
    "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
    "beyond supported limit";
constexpr char kNullValue[] = "The supplied Item contains a null AttributeValue";
constexpr char kBadBase64[] = "Invalid last non-pad Base64 character dectected";

// Parses any JSON text (not only objects, and deeper than a request may be) without recursion.
JsonDocument parse(std::string_view text) {
  JsonDocument document;
  document.Parse<rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag>(
      text.data(), text.size());
  EXPECT_FALSE(document.HasParseError()) << text.substr(0, 80);
  return document;
}

std::string to_json(const AttributeValue& value) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write_value(writer, value);
  return std::string(buffer.GetString(), buffer.GetSize());
}

AttributeValue decode_ok(std::string_view json) {
  JsonDocument document = parse(json);
  Result<AttributeValue> value = decode_value(document);
  EXPECT_TRUE(value.has_value()) << json << " -> " << value.error().message();
  return value.has_value() ? std::move(value).value() : AttributeValue();
}

// The error decode_value gives for `json`, which must be of `type`.
std::string decode_error(std::string_view json, ErrorType type) {
  JsonDocument document = parse(json);
  Result<AttributeValue> value = decode_value(document);
  if (value.has_value()) {
    ADD_FAILURE() << "accepted: " << json.substr(0, 80);
    return "";
  }
  EXPECT_EQ(value.error().type(), type) << json.substr(0, 80);
  return value.error().message();
}

std::string item_error(std::string_view json, ErrorType type) {
  JsonDocument document = parse(json);
  Result<Item> item = decode_item(document);
  if (item.has_value()) {
    ADD_FAILURE() << "accepted: " << json.substr(0, 80);
    return "";
  }
  EXPECT_EQ(item.error().type(), type) << json.substr(0, 80);
  return item.error().message();
}

// `levels` maps (or lists) nested inside one another, the innermost holding `leaf`.
std::string nested_maps(int levels, std::string_view leaf) {
  std::string text;
  for (int i = 0; i < levels; ++i) {
    text += R"({"M":{"a":)";
  }
  text += leaf;
  for (int i = 0; i < levels; ++i) {
    text += "}}";
  }
  return text;
}

std::string nested_lists(int levels, std::string_view leaf) {
  std::string text;
  for (int i = 0; i < levels; ++i) {
    text += R"({"L":[)";
  }
  text += leaf;
  for (int i = 0; i < levels; ++i) {
    text += "]}";
  }
  return text;
}

TEST(ValueCodec, RoundTripsEveryType) {
  const std::vector<std::string> canonical = {
      R"({"S":"hello"})",
      R"({"S":""})",
      R"({"N":"-12.5"})",
      R"({"N":"0"})",
      R"({"B":"AAEC/w=="})",
      R"({"B":""})",
      R"({"BOOL":true})",
      R"({"BOOL":false})",
      R"({"NULL":true})",
      R"({"M":{}})",
      R"({"M":{"a":{"N":"1"},"b":{"L":[{"S":"x"},{"NULL":true}]}}})",
      R"({"L":[]})",
      R"({"L":[{"SS":["a","b"]},{"M":{"k":{"BOOL":false}}}]})",
      R"({"SS":["","a","b"]})",
      R"({"NS":["-1","0.5","10"]})",
      R"({"BS":["","AA==","/w=="]})",
  };
  for (const std::string& json : canonical) {
    EXPECT_EQ(to_json(decode_ok(json)), json);
  }
}

TEST(ValueCodec, DecodesIntoTheModel) {
  EXPECT_EQ(decode_ok(R"({"S":"x\u0000y"})"), AttributeValue(std::string("x\0y", 3)));
  EXPECT_EQ(decode_ok(R"({"B":"AAEC/w=="})"), AttributeValue(Binary{std::string("\0\1\2\xff", 4)}));
  EXPECT_EQ(decode_ok(R"({"NULL":true})"), AttributeValue(Null{}));
  AttributeValue map = decode_ok(R"({"M":{"b":{"BOOL":true},"a":{"N":"1"}}})");
  const AttributeMap* members = map.get_if<AttributeMap>();
  ASSERT_NE(members, nullptr);
  EXPECT_EQ(members->size(), 2u);
  EXPECT_EQ(members->at("b"), AttributeValue(true));
}

TEST(ValueCodec, WritesNumbersCanonically) {
  EXPECT_EQ(to_json(decode_ok(R"({"N":"1.500e2"})")), R"({"N":"150"})");
  EXPECT_EQ(to_json(decode_ok(R"({"N":"-0.0"})")), R"({"N":"0"})");
  EXPECT_EQ(to_json(decode_ok(R"({"NS":["+1","2.0"]})")), R"({"NS":["1","2"]})");
}

TEST(ValueCodec, SortsSetMembers) {
  // Numbers numerically, strings and binaries by unsigned bytes.
  EXPECT_EQ(to_json(decode_ok(R"({"NS":["10","9","-1","1e2","0.5"]})")),
            R"({"NS":["-1","0.5","9","10","100"]})");
  EXPECT_EQ(to_json(decode_ok("{\"SS\":[\"\xc3\xa9\",\"z\",\"Z\",\"a\"]}")),
            "{\"SS\":[\"Z\",\"a\",\"z\",\"\xc3\xa9\"]}");
  // 0xff sorts after 0x01 (a signed comparison would put it first).
  EXPECT_EQ(to_json(decode_ok(R"({"BS":["/w==","AQ==","AA=="]})")),
            R"({"BS":["AA==","AQ==","/w=="]})");
}

TEST(ValueCodec, RoundTripsBinariesOfEveryLengthModuloThree) {
  std::string bytes;
  for (int length = 0; length < 10; ++length) {
    AttributeValue value{Binary{bytes}};
    EXPECT_EQ(decode_ok(to_json(value)), value) << length;
    bytes.push_back(static_cast<char>(0xf0 + length));
  }
}

TEST(ValueCodec, WritesAnItem) {
  Item item;
  item.emplace("b", AttributeValue(Number::parse("1.50").value()));
  item.emplace("a", AttributeValue(std::string("x")));
  item.emplace(std::string("n\0m", 3), AttributeValue(true));
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write_item(writer, item);
  EXPECT_EQ(std::string(buffer.GetString(), buffer.GetSize()),
            std::string(R"({"a":{"S":"x"},"b":{"N":"1.5"},"n\u0000m":{"BOOL":true}})"));
}

TEST(ValueCodec, RejectsValuesWithoutExactlyOneType) {
  for (const char* json :
       {R"({})", R"({"Q":"a"})", R"({"s":"a"})", R"({"S":null})", R"({"S":null,"N":null})",
        R"({"M":{"a":{}}})", R"({"L":[{}]})", R"({"L":[{"a":{}}]})"}) {
    EXPECT_EQ(decode_error(json, ErrorType::kValidation), kEmpty) << json;
  }
  for (const char* json : {R"({"S":"a","N":"1"})", R"({"S":"a","N":"1","B":"YQ=="})",
                           R"({"L":[{"S":"a","BOOL":true}]})", R"({"SS":["a"],"NS":["1"]})"}) {
    EXPECT_EQ(decode_error(json, ErrorType::kValidation), kManyTypes) << json;
  }
}

TEST(ValueCodec, IgnoresMembersThatAreNotTypes) {
  EXPECT_EQ(decode_ok(R"({"S":"a","Q":5})"), AttributeValue(std::string("a")));
  // Not even read: a bad value under an unknown name is no error.
  EXPECT_EQ(decode_ok(R"({"x":{"S":5},"N":"2"})"), AttributeValue(Number::parse("2").value()));
}

TEST(ValueCodec, RejectsWrongJsonTypesAsSerializationErrors) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"5", "Unexpected value type in payload"},
      {R"("x")", "Unexpected value type in payload"},
      {"true", "Unexpected value type in payload"},
      {"[]", "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue"},
      {R"({"S":5})", "NUMBER_VALUE cannot be converted to String"},
      {R"({"S":5.5})", "DECIMAL_VALUE cannot be converted to String"},
      {R"({"S":true})", "TRUE_VALUE cannot be converted to String"},
      {R"({"S":[]})", "Unrecognized collection type class java.lang.String"},
      {R"({"S":{"S":"asdf"}})", "Start of structure or map found where not expected"},
      {R"({"N":5})", "NUMBER_VALUE cannot be converted to String"},
      {R"({"BOOL":"x"})", "Unexpected token received from parser"},
      {R"({"BOOL":1})", "NUMBER_VALUE cannot be converted to Boolean"},
      {R"({"BOOL":[]})", "Unrecognized collection type class java.lang.Boolean"},
      {R"({"NULL":1.5})", "DECIMAL_VALUE cannot be converted to Boolean"},
      {R"({"B":5})", "only base-64-encoded strings are convertible to bytes"},
      {R"({"B":true})", "only base-64-encoded strings are convertible to bytes"},
      {R"({"B":[]})", "Unrecognized collection type class java.nio.ByteBuffer"},
      {R"({"B":{}})", "Start of structure or map found where not expected"},
      {R"({"SS":"x"})", "Unexpected field type"},
      {R"({"SS":{}})", "Start of structure or map found where not expected"},
      {R"({"SS":["a",5]})", "NUMBER_VALUE cannot be converted to String"},
      {R"({"NS":[1]})", "NUMBER_VALUE cannot be converted to String"},
      {R"({"BS":"YQ=="})", "Unexpected field type"},
      {R"({"BS":[true]})", "only base-64-encoded strings are convertible to bytes"},
      {R"({"L":"x"})", "Unexpected field type"},
      {R"({"L":{}})", "Start of structure or map found where not expected"},
      {R"({"L":[5]})", "Unexpected value type in payload"},
      {R"({"L":[[]]})",
       "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue"},
      {R"({"M":"x"})", "Unexpected field type"},
      {R"({"M":[]})",
       "Unrecognized collection type java.util.Map<java.lang.String, "
       "com.amazonaws.dynamodb.v20120810.AttributeValue>"},
      {R"({"M":{"a":5}})", "Unexpected value type in payload"},
      {R"({"M":{"a":{"M":{"b":{"S":1}}}}})", "NUMBER_VALUE cannot be converted to String"},
  };
  for (const auto& [json, message] : cases) {
    EXPECT_EQ(decode_error(json, ErrorType::kSerialization), message) << json;
  }
}

TEST(ValueCodec, ReadsBooleanStrings) {
  EXPECT_EQ(decode_ok(R"({"BOOL":"TRUE"})"), AttributeValue(true));
  EXPECT_EQ(decode_ok(R"({"BOOL":"false"})"), AttributeValue(false));
  EXPECT_EQ(decode_ok(R"({"NULL":"true"})"), AttributeValue(Null{}));
}

TEST(ValueCodec, RejectsBadBase64) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"YQ", "Base64 encoded length is expected a multiple of 4 bytes but found: 2"},
      {"YQ=", "Base64 encoded length is expected a multiple of 4 bytes but found: 3"},
      {"23456", "Base64 encoded length is expected a multiple of 4 bytes but found: 5"},
      // Two bytes of UTF-8, one UTF-16 unit: DynamoDB counts in UTF-16.
      {"\xc3\xa9", "Base64 encoded length is expected a multiple of 4 bytes but found: 1"},
      {"=+/=", kBadBase64},    // padding first
      {"+/+=", kBadBase64},    // unused bits set
      {"YR==", kBadBase64},    // unused bits set
      {"YWJ=", kBadBase64},    // unused bits set
      {"Y Q=", kBadBase64},    // not in the alphabet
      {"YQ\\n=", kBadBase64},  // whitespace, as a JSON escape
      {"YQ-_", kBadBase64},    // the URL-safe alphabet
      {"====", kBadBase64},
      {"Y===", kBadBase64},
      {"YQ==YQ==", kBadBase64},  // padding in the middle
      {"\xc3\xa9\xc3\xa9", kBadBase64},
  };
  for (const auto& [text, message] : cases) {
    std::string json = R"({"B":")" + text + R"("})";
    EXPECT_EQ(decode_error(json, ErrorType::kSerialization), message) << text;
    std::string set_json = R"({"BS":["AA==",")" + text + R"("]})";
    EXPECT_EQ(decode_error(set_json, ErrorType::kSerialization), message) << text;
  }
}

TEST(ValueCodec, DecodesBase64Padding) {
  EXPECT_EQ(decode_ok(R"({"B":"YQ=="})"), AttributeValue(Binary{"a"}));
  EXPECT_EQ(decode_ok(R"({"B":"YWI="})"), AttributeValue(Binary{"ab"}));
  EXPECT_EQ(decode_ok(R"({"B":"YWJj"})"), AttributeValue(Binary{"abc"}));
  EXPECT_EQ(decode_ok(R"({"B":"YWJjZA=="})"), AttributeValue(Binary{"abcd"}));
}

TEST(ValueCodec, RejectsInvalidValues) {
  const std::string invalid = "One or more parameter values were invalid: ";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {R"({"N":"abc"})", "The parameter cannot be converted to a numeric value: abc"},
      {R"({"N":""})", "The parameter cannot be converted to a numeric value"},
      {R"({"N":"1e126"})",
       "Number overflow. Attempting to store a number with magnitude larger than supported "
       "range"},
      {R"({"NULL":false})", invalid + "Null attribute value types must have the value of true"},
      {R"({"NULL":"False"})", invalid + "Null attribute value types must have the value of true"},
      {R"({"SS":[]})", invalid + "An string set  may not be empty"},
      {R"({"NS":[]})", invalid + "An number set  may not be empty"},
      {R"({"BS":[]})", invalid + "Binary sets should not be empty"},
      // With DynamoDB's final period (paritysuite/dynamodb-conformance
      // tests/tier3/error-messages/valueLayers.test.ts, 2026); DynamoDB Local has none.
      {R"({"SS":["a","a"]})", invalid + "Input collection [a, a] contains duplicates."},
      {R"({"SS":["b","a","b"]})", invalid + "Input collection [b, a, b] contains duplicates."},
      {R"({"SS":["",""]})", invalid + "Input collection [, ] contains duplicates."},
      {R"({"NS":["1","1"]})", "Input collection contains duplicates"},
      {R"({"NS":["1","1.0"]})", "Input collection contains duplicates"},
      {R"({"NS":["1e2","100"]})", "Input collection contains duplicates"},
      {R"({"NS":["-0","0"]})", "Input collection contains duplicates"},
      {R"({"NS":["1","x","1"]})", "The parameter cannot be converted to a numeric value: x"},
      {R"({"NS":["1",""]})", "The parameter cannot be converted to a numeric value"},
      {R"({"NS":["1",null]})", "The parameter cannot be converted to a numeric value"},
      {R"({"BS":["YQ==","YQ=="]})",
       invalid + "Input collection [YQ==, YQ==]of type BS contains duplicates."},
      {R"({"BS":["","AA==",""]})",
       invalid + "Input collection [, AA==, ]of type BS contains duplicates."},
      {R"({"SS":["a",null]})", invalid + "An string set may not have a null string as a member"},
      {R"({"BS":["YQ==",null]})", kNullValue},
      {R"({"L":[null]})", kNullValue},
      {R"({"M":{"a":null}})", std::string(kNullValue) + ": a is null"},
      {"null", kNullValue},
  };
  for (const auto& [json, message] : cases) {
    EXPECT_EQ(decode_error(json, ErrorType::kValidation), message) << json;
  }
}

// The current wording of PutItem, GetItem, Query and the like (paritysuite/dynamodb-conformance
// tests/tier3/error-messages/valueLayers.test.ts, four regions, 2026-10-09).
TEST(ValueCodec, CurrentWordingOfDuplicatesAndEmptyNumbers) {
  auto current_error = [](std::string_view json) {
    JsonDocument document = parse(json);
    Result<AttributeValue> value = decode_value(document, ValueWording::kCurrent);
    return value ? std::string() : value.error().message();
  };
  const std::string invalid = "One or more parameter values were invalid: ";
  EXPECT_EQ(current_error(R"({"SS":["b","a","b"]})"),
            invalid + R"(Input collection ["a", "b", "b"] contains duplicates.)");
  EXPECT_EQ(current_error(R"({"SS":["c","b","a","b","z","a"]})"),
            invalid + R"(Input collection ["a", "b", "c", "b", "z", "a"] contains duplicates.)");
  EXPECT_EQ(current_error(R"({"SS":["",""]})"),
            invalid + R"(Input collection ["", ""] contains duplicates.)");
  EXPECT_EQ(current_error(R"({"BS":["/w==","AA==","AA=="]})"),
            invalid + R"(Input collection ["AA==","/w==","AA=="]of type BS contains duplicates.)");
  EXPECT_EQ(current_error(R"({"NS":["2","1","2"]})"),
            invalid + "Input collection contains duplicates.");
  EXPECT_EQ(current_error(R"({"N":""})"), "The parameter cannot be converted to a numeric value: ");
  EXPECT_EQ(current_error(R"({"N":"abc"})"),
            "The parameter cannot be converted to a numeric value: abc");
  EXPECT_EQ(current_error(R"({"M":{"a":{"NS":["1","1.0"]}}})"),
            invalid + "Input collection contains duplicates.");
}

TEST(ValueCodec, AllowsEmptyStringsAndBinariesInSets) {
  EXPECT_EQ(to_json(decode_ok(R"({"SS":["a",""]})")), R"({"SS":["","a"]})");
  EXPECT_EQ(to_json(decode_ok(R"({"BS":["YQ==",""]})")), R"({"BS":["","YQ=="]})");
}

TEST(ValueCodec, ChecksJsonTypesBeforeValidating) {
  // DynamoDB deserializes the whole value before it validates any of it.
  EXPECT_EQ(decode_error(R"({"N":"x","S":5})", ErrorType::kSerialization),
            "NUMBER_VALUE cannot be converted to String");
  EXPECT_EQ(decode_error(R"({"L":[{"N":"x"},{"B":"YQ"}]})", ErrorType::kSerialization),
            "Base64 encoded length is expected a multiple of 4 bytes but found: 2");
  EXPECT_EQ(item_error(R"({"a":{"N":"x"},"b":{"S":5}})", ErrorType::kSerialization),
            "NUMBER_VALUE cannot be converted to String");
}

TEST(ValueCodec, ValidatesTypesInDynamoDbsOrderBeforeCountingThem) {
  const std::string not_a_number = "The parameter cannot be converted to a numeric value: x";
  EXPECT_EQ(decode_error(R"({"S":"a","N":"x"})", ErrorType::kValidation), not_a_number);
  EXPECT_EQ(decode_error(R"({"NULL":false,"N":"x"})", ErrorType::kValidation), not_a_number);
  EXPECT_EQ(decode_error(R"({"N":"x","NULL":false})", ErrorType::kValidation), not_a_number);
  EXPECT_EQ(decode_error(R"({"M":{"a":{"NULL":false}},"N":"x"})", ErrorType::kValidation),
            not_a_number);
  const std::string empty_set =
      "One or more parameter values were invalid: An string set  may "
      "not be empty";
  EXPECT_EQ(decode_error(R"({"NS":[],"SS":[]})", ErrorType::kValidation), empty_set);
  EXPECT_EQ(decode_error(R"({"BS":[],"SS":[]})", ErrorType::kValidation), empty_set);
  EXPECT_EQ(decode_error(R"({"M":{"a":{}},"S":"a"})", ErrorType::kValidation), kEmpty);
}

TEST(ValueCodec, TypeGivenTwiceCountsWithItsLastValue) {
  EXPECT_EQ(decode_ok(R"({"S":"a","S":"b"})"), AttributeValue(std::string("b")));
  EXPECT_EQ(decode_ok(R"({"S":null,"S":"a"})"), AttributeValue(std::string("a")));
  EXPECT_EQ(decode_ok(R"({"N":"x","N":"1"})"), AttributeValue(Number::parse("1").value()));
  EXPECT_EQ(decode_error(R"({"S":"a","S":null})", ErrorType::kValidation), kEmpty);
  EXPECT_EQ(decode_error(R"({"N":"1","N":"x"})", ErrorType::kValidation),
            "The parameter cannot be converted to a numeric value: x");
  // An overwritten occurrence is still deserialized.
  EXPECT_EQ(decode_error(R"({"S":5,"S":"a"})", ErrorType::kSerialization),
            "NUMBER_VALUE cannot be converted to String");
}

TEST(ValueCodec, DecodesItems) {
  JsonDocument document = parse(R"({"pk":{"S":"k"},"x":{"N":"x"},"x":{"SS":["b","a"]}})");
  Result<Item> item = decode_item(document);
  ASSERT_TRUE(item.has_value()) << item.error().message();
  EXPECT_EQ(item->size(), 2u);
  EXPECT_EQ(item->at("x"), AttributeValue(StringSet{{"a", "b"}}));
  JsonDocument empty = parse("{}");
  EXPECT_TRUE(decode_item(empty)->empty());
}

TEST(ValueCodec, ItemErrors) {
  EXPECT_EQ(item_error(R"("x")", ErrorType::kSerialization), "Unexpected field type");
  EXPECT_EQ(item_error("[]", ErrorType::kSerialization),
            "Unrecognized collection type java.util.Map<java.lang.String, "
            "com.amazonaws.dynamodb.v20120810.AttributeValue>");
  EXPECT_EQ(item_error(R"({"a":5})", ErrorType::kSerialization),
            "Unexpected value type in payload");
  EXPECT_EQ(item_error(R"({"pk":{"S":"a"},"x":null})", ErrorType::kValidation),
            std::string(kNullValue) + ": x is null");
  // Attributes are validated in document order.
  EXPECT_EQ(item_error(R"({"b":{"NULL":false},"a":{"N":"x"}})", ErrorType::kValidation),
            "One or more parameter values were invalid: Null attribute value types must have "
            "the value of true");
  EXPECT_EQ(item_error(R"({"a":{"N":"x"},"b":{"NULL":false}})", ErrorType::kValidation),
            "The parameter cannot be converted to a numeric value: x");
}

TEST(ValueCodec, RejectsEmptyAttributeNamesAtAnyLevel) {
  EXPECT_EQ(item_error(R"({"":{"S":"v"}})", ErrorType::kValidation), "Empty attribute name");
  EXPECT_EQ(item_error(R"({"m":{"M":{"":{"S":"v"}}}})", ErrorType::kValidation),
            "Empty attribute name");
}

TEST(ValueCodec, AllowsThirtyTwoLevelsOfNesting) {
  // The item is level 1: a top-level value may hold 31 maps or lists, one inside the other.
  EXPECT_TRUE(decode_value(parse(nested_maps(31, R"({"S":"x"})"))).has_value());
  EXPECT_TRUE(decode_value(parse(nested_lists(31, R"({"S":"x"})"))).has_value());
  EXPECT_TRUE(decode_value(parse(nested_maps(31, R"({"SS":["x"]})"))).has_value());
  EXPECT_EQ(decode_error(nested_maps(31, R"({"M":{}})"), ErrorType::kValidation), kNesting);
  EXPECT_EQ(decode_error(nested_lists(31, R"({"L":[]})"), ErrorType::kValidation), kNesting);
  EXPECT_EQ(decode_error(nested_maps(50, R"({"S":"x"})"), ErrorType::kValidation), kNesting);
}

TEST(ValueCodec, ReportsNestingAndOtherErrorsInDocumentOrder) {
  std::string deep = nested_maps(40, R"({"S":"x"})");
  EXPECT_EQ(decode_error(R"({"L":[{"N":"x"},)" + deep + "]}", ErrorType::kValidation),
            "The parameter cannot be converted to a numeric value: x");
  EXPECT_EQ(decode_error(R"({"L":[)" + deep + R"(,{"N":"x"}]})", ErrorType::kValidation), kNesting);
  EXPECT_EQ(decode_error(nested_maps(40, R"({"N":"bad"})"), ErrorType::kValidation), kNesting);
}

TEST(ValueCodec, SurvivesHundredThousandLevels) {
  // Deeper than any request may be: decode_value must neither recurse nor crash.
  EXPECT_EQ(decode_error(nested_maps(100000, R"({"S":"x"})"), ErrorType::kValidation), kNesting);
  EXPECT_EQ(decode_error(nested_lists(100000, R"({"S":5})"), ErrorType::kSerialization),
            "NUMBER_VALUE cannot be converted to String");
}

}  // namespace
}  // namespace ddblocal::wire

namespace ddblocal::wire {
namespace {

// Hands a value's parts to ItemEvents as storage's walk of a stored item does.
void send_value(ItemEvents& events, const AttributeValue& value) {
  struct Visitor {
    ItemEvents& events;
    void operator()(const std::string& s) const { events.scalar(ValueType::kS, s); }
    void operator()(const Number& n) const { events.scalar(ValueType::kN, n.to_string()); }
    void operator()(const Binary& b) const { events.scalar(ValueType::kB, b.bytes); }
    void operator()(bool b) const { events.boolean(b); }
    void operator()(const Null&) const { events.null(); }
    void operator()(const AttributeMap& map) const {
      events.begin(ValueType::kM);
      for (const auto& [name, element] : map) {
        events.member(name);
        send_value(events, element);
      }
      events.end(ValueType::kM);
    }
    void operator()(const AttributeList& list) const {
      events.begin(ValueType::kL);
      for (const AttributeValue& element : list) {
        send_value(events, element);
      }
      events.end(ValueType::kL);
    }
    void operator()(const StringSet& set) const {
      members(ValueType::kSS, ValueType::kS, set.members);
    }
    void operator()(const BinarySet& set) const {
      members(ValueType::kBS, ValueType::kB, set.members);
    }
    void operator()(const NumberSet& set) const {
      events.begin(ValueType::kNS);
      for (const Number& member : set.members) {
        events.scalar(ValueType::kN, member.to_string());
      }
      events.end(ValueType::kNS);
    }
    void members(ValueType set_type, ValueType member_type,
                 const std::vector<std::string>& set) const {
      events.begin(set_type);
      for (const std::string& member : set) {
        events.scalar(member_type, member);
      }
      events.end(set_type);
    }
  };
  std::visit(Visitor{events}, value.variant());
}

std::string json_from_events(const Item& item, const std::vector<std::string>* names) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  ItemJsonWriter events(writer, names);
  writer.StartObject();
  for (const auto& [name, value] : item) {
    if (events.attribute(name)) {
      send_value(events, value);
    }
  }
  writer.EndObject();
  return std::string(buffer.GetString(), buffer.GetSize());
}

std::string json_of(const Item& item) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  write_item(writer, item);
  return std::string(buffer.GetString(), buffer.GetSize());
}

Item every_type_item() {
  return Item{
      {"s", std::string("h\xc3\xa9\"llo\n")},
      {"n", Number::parse("-123.456e-7").value()},
      {"b", Binary{std::string("\0\xff\x01", 3)}},
      {"t", true},
      {"null", Null{}},
      {"m", AttributeMap{{"inner", Number::parse("42").value()},
                         {"list", AttributeList{Null{}, std::string(), AttributeMap{}}}}},
      {"l", AttributeList{StringSet{{"a"}}, AttributeList{}, Binary{}}},
      {"ss", StringSet{{"", "a", "b"}}},
      {"ns", NumberSet{{Number::parse("-1e125").value(), Number::parse("1.5").value()}}},
      {"bs", BinarySet{{std::string("\0", 1), "\x7f"}}},
  };
}

// Strings of every length around the writer's 16-byte blocks, thick with control characters
// and quotes, come back from their JSON unchanged.
TEST(WriteValue, EscapesEveryCharacterJsonRequires) {
  std::mt19937 rng(31);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    for (std::size_t length = rng() % 64; length > 0; --length) {
      const unsigned kind = rng() % 4;
      text.push_back(kind == 0   ? static_cast<char>(rng() % 0x20)
                     : kind == 1 ? "\"\\/"[rng() % 3]
                                 : static_cast<char>('a' + rng() % 26));
    }
    const AttributeValue value(text);
    const std::string json = to_json(value);
    const JsonDocument document = parse(json);
    Result<AttributeValue> decoded = decode_value(document);
    ASSERT_TRUE(decoded.has_value()) << json;
    ASSERT_EQ(*decoded, value) << json;
  }
}

TEST(ItemJsonWriter, WritesWhatWriteItemWrites) {
  const Item item = every_type_item();
  EXPECT_EQ(json_from_events(item, nullptr), json_of(item));
}

TEST(ItemJsonWriter, WritesOnlyTheNamedAttributes) {
  const Item item = every_type_item();
  const std::vector<std::string> names{"ns", "m", "absent"};
  EXPECT_EQ(json_from_events(item, &names),
            json_of(Item{{"m", item.at("m")}, {"ns", item.at("ns")}}));
}

}  // namespace
}  // namespace ddblocal::wire
