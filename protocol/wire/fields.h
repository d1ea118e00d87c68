// Typed reads of the members of a request's JSON object. A member of the wrong JSON type is
// DynamoDB's SerializationException; an absent member (or JSON null) reads as absent.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "protocol/result.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// REQUIRES (every getter): object.IsObject(). A member given twice reads as its last
// occurrence, as DynamoDB reads it.
Result<std::optional<std::string_view>> optional_string(const JsonValue& object,
                                                        std::string_view name);
Result<std::optional<bool>> optional_bool(const JsonValue& object, std::string_view name);
Result<std::optional<std::int64_t>> optional_integer(const JsonValue& object,
                                                     std::string_view name);
// Typed reads of one JSON value that is not a named member (a list element, a map value, an
// attribute value's "S" or "BOOL"), with the same rules and messages as the members above.
// REQUIRES: !value.IsNull() (null means absent; the caller decides what absence means).
Result<std::string_view> string_value(const JsonValue& value);
Result<bool> bool_value(const JsonValue& value);

// A list element or map value that must be a structure, or a list.
// REQUIRES: !value.IsNull().
Result<const JsonValue*> object_value(const JsonValue& value);
Result<const JsonValue*> array_value(const JsonValue& value);

// The last occurrence of member `name`, whatever its JSON type; nullptr when absent or null.
const JsonValue* optional_member(const JsonValue& object, std::string_view name);

// nullptr when absent.
Result<const JsonValue*> optional_object(const JsonValue& object, std::string_view name);
Result<const JsonValue*> optional_array(const JsonValue& object, std::string_view name);

}  // namespace ddblocal::wire
