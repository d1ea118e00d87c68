// Typed reads of the members of a request's JSON object. A member of the wrong JSON type is
// DynamoDB's SerializationException; an absent member (or JSON null) reads as absent.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/result.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// REQUIRES (every getter): object.IsObject(). A member given twice reads as its last
// occurrence, as DynamoDB reads it.
Result<std::optional<std::string_view>> optional_string(const JsonValue& object,
                                                        std::string_view name);
Result<std::optional<bool>> optional_bool(const JsonValue& object, std::string_view name);
// Integer members (Limit, Segment) and Long ones (ReadCapacityUnits, MaxReadRequestUnits): the
// same reading, but DynamoDB names the Java type in its message.
Result<std::optional<std::int64_t>> optional_integer(const JsonValue& object,
                                                     std::string_view name);
Result<std::optional<std::int64_t>> optional_long(const JsonValue& object, std::string_view name);
// Typed reads of one JSON value that is not a named member (a list element, a map value, an
// attribute value's "S" or "BOOL"), with the same rules and messages as the members above.
// REQUIRES: !value.IsNull() (null means absent; the caller decides what absence means).
Result<std::string_view> string_value(const JsonValue& value);
Result<bool> bool_value(const JsonValue& value);

// A list element or map value that must be a structure of the API model's shape `shape`
// ("WriteRequest"), a list (RequestItems' lists of BatchWriteItem), or a map of attribute
// values (Keys' elements of BatchGetItem). DynamoDB words these apart from members of the same
// type: "Unexpected value type in payload" for a scalar structure, Java's cast error for a
// scalar list or map. REQUIRES: !value.IsNull().
Result<const JsonValue*> object_value(const JsonValue& value, std::string_view shape);
Result<const JsonValue*> array_value(const JsonValue& value);
Result<const JsonValue*> attribute_map_value(const JsonValue& value);

// The last occurrence of member `name`, whatever its JSON type; nullptr when absent or null.
const JsonValue* optional_member(const JsonValue& object, std::string_view name);

// A member that must be a structure or a map; nullptr when absent. `collection_type` is the type
// DynamoDB names when a JSON array arrives there ("class com.amazonaws.dynamodb.v20120810.Put",
// "java.util.Map<java.lang.String, java.lang.String>"); empty: the one usual for a member of that
// name (a structure named like the member, the maps of AttributeValue, Condition, ...).
Result<const JsonValue*> optional_object(const JsonValue& object, std::string_view name,
                                         std::string_view collection_type = {});
Result<const JsonValue*> optional_array(const JsonValue& object, std::string_view name);

// What DynamoDB names for a structure of shape `shape` that arrives as a JSON array:
// "class com.amazonaws.dynamodb.v20120810.<shape>".
std::string structure_collection_type(std::string_view shape);

}  // namespace ddblocal::wire
