// Typed reads of request members with DynamoDB's SerializationException texts. DynamoDB's
// deserializer (Java) names the JSON token it got and the Java type it wanted:
// "NUMBER_VALUE cannot be converted to String"; a structure, list or map is worded by where it
// sits (a member, or a list element or map value). The texts are the ones dynalite's test suite
// recorded from DynamoDB (test/helpers.js, assertType); see /work/notes/serialization-shapes.md.
#include "protocol/wire/fields.h"

#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace ddblocal::wire {
namespace {

constexpr char kObjectNotExpected[] = "Start of structure or map found where not expected";
constexpr char kUnexpectedFieldType[] = "Unexpected field type";
constexpr char kUnexpectedValueType[] = "Unexpected value type in payload";
// A list or map that is a list element or map value, given a scalar: Java's reflection error.
constexpr char kParameterizedCast[] =
    "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to class "
    "java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and "
    "java.lang.Class are in module java.base of loader 'bootstrap')";
constexpr std::string_view kModel = "com.amazonaws.dynamodb.v20120810.";

// Jackson's name for a scalar token, as DynamoDB puts it in its messages.
std::string token_name(const JsonValue& value) {
  if (value.IsBool()) {
    return value.GetBool() ? "TRUE_VALUE" : "FALSE_VALUE";
  }
  if (value.IsNumber()) {
    return value.IsDouble() ? "DECIMAL_VALUE" : "NUMBER_VALUE";
  }
  return "STRING_VALUE";
}

// The error for a value of the wrong JSON type where a scalar of Java type `java_type`
// ("String", "Integer", "Boolean") was expected.
ApiError scalar_mismatch(const JsonValue& value, const char* java_type) {
  if (value.IsObject()) {
    return ApiError::serialization(kObjectNotExpected);
  }
  if (value.IsArray()) {
    return ApiError::serialization(std::string("Unrecognized collection type class java.lang.") +
                                   java_type);
  }
  return ApiError::serialization(token_name(value) + " cannot be converted to " + java_type);
}

// The Java type DynamoDB names when a JSON array arrives where the object member `name` was
// expected, for the members whose callers do not name it: the maps of the API by their value
// type, else a structure named like the member (ProvisionedThroughput, StreamSpecification, Put).
std::string collection_type_of(std::string_view name) {
  auto map_of = [](std::string_view value_type) {
    return "java.util.Map<java.lang.String, " + std::string(value_type) + ">";
  };
  if (name == "Item" || name == "Key" || name == "ExclusiveStartKey" ||
      name == "ExpressionAttributeValues") {
    return map_of(std::string(kModel) + "AttributeValue");
  }
  if (name == "ExpressionAttributeNames") {
    return map_of("java.lang.String");
  }
  if (name == "Expected") {
    return map_of(std::string(kModel) + "ExpectedAttributeValue");
  }
  if (name == "AttributeUpdates") {
    return map_of(std::string(kModel) + "AttributeValueUpdate");
  }
  if (name == "KeyConditions" || name == "QueryFilter" || name == "ScanFilter") {
    return map_of(std::string(kModel) + "Condition");
  }
  return structure_collection_type(name);
}

bool equals_ignoring_case(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
    if (c != lower[i]) {
      return false;
    }
  }
  return true;
}

// DynamoDB accepts a fraction where an integer is expected ("Limit": 5.5) and drops the
// fraction; values out of range saturate so that the caller's range rule rejects them.
Result<std::int64_t> integer_value(const JsonValue& value, const char* java_type) {
  if (!value.IsNumber()) {
    return scalar_mismatch(value, java_type);
  }
  if (value.IsInt64()) {
    return value.GetInt64();
  }
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
  if (value.IsUint64()) {
    return kMax;
  }
  constexpr double kTwoToThe63 = 0x1p63;
  double number = std::trunc(value.GetDouble());
  if (number >= kTwoToThe63) {
    return kMax;
  }
  if (number < -kTwoToThe63) {
    return kMin;
  }
  return static_cast<std::int64_t>(number);
}

// Reads member `name` of `object` with `read`, which takes a non-null value. DynamoDB's
// deserializer reads every occurrence of a member given twice, in order, and keeps the last
// (DynamoDB Local: {"TableName":"a","TableName":"b"} addresses table b); a type error in any
// occurrence fails the request. A JSON null reads as absent.
template <typename T, typename Read>
Result<std::optional<T>> read_member(const JsonValue& object, std::string_view name, Read read) {
  std::optional<T> found;
  for (const auto& member : object.GetObject()) {
    if (std::string_view(member.name.GetString(), member.name.GetStringLength()) != name) {
      continue;
    }
    if (member.value.IsNull()) {
      found.reset();
      continue;
    }
    DDB_ASSIGN_OR_RETURN(found, read(member.value));
  }
  return found;
}

// A list; a scalar there is `scalar_error` (a member's or an element's wording).
Result<const JsonValue*> list_or(const JsonValue& value, const char* scalar_error) {
  if (value.IsObject()) {
    return ApiError::serialization(kObjectNotExpected);
  }
  if (!value.IsArray()) {
    return ApiError::serialization(scalar_error);
  }
  return &value;
}

Result<const JsonValue*> member_array(const JsonValue& value) {
  return list_or(value, kUnexpectedFieldType);
}

Result<const JsonValue*> pointer_or_null(Result<std::optional<const JsonValue*>> member) {
  DDB_ASSIGN_OR_RETURN(std::optional<const JsonValue*> pointer, std::move(member));
  return pointer.value_or(nullptr);
}

}  // namespace

Result<std::string_view> string_value(const JsonValue& value) {
  if (!value.IsString()) {
    return scalar_mismatch(value, "String");
  }
  return std::string_view(value.GetString(), value.GetStringLength());
}

Result<bool> bool_value(const JsonValue& value) {
  if (value.IsBool()) {
    return value.GetBool();
  }
  // DynamoDB also reads the strings "true" and "false", in any case, as booleans.
  if (value.IsString()) {
    std::string_view text(value.GetString(), value.GetStringLength());
    if (equals_ignoring_case(text, "true")) {
      return true;
    }
    if (equals_ignoring_case(text, "false")) {
      return false;
    }
    return ApiError::serialization("Unexpected token received from parser");
  }
  return scalar_mismatch(value, "Boolean");
}

Result<std::optional<std::string_view>> optional_string(const JsonValue& object,
                                                        std::string_view name) {
  return read_member<std::string_view>(object, name, string_value);
}

Result<std::optional<bool>> optional_bool(const JsonValue& object, std::string_view name) {
  return read_member<bool>(object, name, bool_value);
}

Result<std::optional<std::int64_t>> optional_integer(const JsonValue& object,
                                                     std::string_view name) {
  return read_member<std::int64_t>(
      object, name, [](const JsonValue& value) { return integer_value(value, "Integer"); });
}

Result<std::optional<std::int64_t>> optional_long(const JsonValue& object, std::string_view name) {
  return read_member<std::int64_t>(
      object, name, [](const JsonValue& value) { return integer_value(value, "Long"); });
}

std::string structure_collection_type(std::string_view shape) {
  return "class " + std::string(kModel) + std::string(shape);
}

Result<const JsonValue*> object_value(const JsonValue& value, std::string_view shape) {
  if (value.IsArray()) {
    return ApiError::serialization("Unrecognized collection type " +
                                   structure_collection_type(shape));
  }
  if (!value.IsObject()) {
    return ApiError::serialization(kUnexpectedValueType);
  }
  return &value;
}

Result<const JsonValue*> array_value(const JsonValue& value) {
  return list_or(value, kParameterizedCast);
}

Result<const JsonValue*> attribute_map_value(const JsonValue& value) {
  if (value.IsArray()) {
    return ApiError::serialization("Unrecognized collection type " + collection_type_of("Item"));
  }
  if (!value.IsObject()) {
    return ApiError::serialization(kParameterizedCast);
  }
  return &value;
}

const JsonValue* optional_member(const JsonValue& object, std::string_view name) {
  auto any = [](const JsonValue& value) -> Result<const JsonValue*> { return &value; };
  return pointer_or_null(read_member<const JsonValue*>(object, name, any)).value();
}

Result<const JsonValue*> optional_object(const JsonValue& object, std::string_view name,
                                         std::string_view collection_type) {
  auto read = [name, collection_type](const JsonValue& value) -> Result<const JsonValue*> {
    if (value.IsArray()) {
      return ApiError::serialization(
          "Unrecognized collection type " +
          (collection_type.empty() ? collection_type_of(name) : std::string(collection_type)));
    }
    if (!value.IsObject()) {
      return ApiError::serialization(kUnexpectedFieldType);
    }
    return &value;
  };
  return pointer_or_null(read_member<const JsonValue*>(object, name, read));
}

Result<const JsonValue*> optional_array(const JsonValue& object, std::string_view name) {
  return pointer_or_null(read_member<const JsonValue*>(object, name, member_array));
}

}  // namespace ddblocal::wire
