// The one include of RapidJSON: its configuration, the aliases the wire layer uses, and the
// parse of a request body with DynamoDB's limits.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "protocol/result.h"

namespace ddblocal::wire {
// Thrown by RapidJSON's internal assertions (a type check we forgot). Only the dispatch
// boundary catches it, answering InternalServerError; it never reaches a client as a crash.
struct JsonContractViolation : std::logic_error {
  using std::logic_error::logic_error;
};
}  // namespace ddblocal::wire

#define RAPIDJSON_ASSERT(x)                              \
  do {                                                   \
    if (!(x))                                            \
      throw ::ddblocal::wire::JsonContractViolation(#x); \
  } while (false)
#define RAPIDJSON_HAS_STDSTRING 1
// Not RAPIDJSON_SSE2: Debian's RapidJSON 1.1.0 then writes the control characters 0x1A-0x1F
// unescaped (its 16-byte scan tests for bytes below 0x1A), which is not JSON.
#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace ddblocal::wire {

using JsonValue = rapidjson::Value;
using JsonDocument = rapidjson::Document;
using JsonWriter = rapidjson::Writer<rapidjson::StringBuffer>;

// A member name or a string of a response, from any text (not only NUL-terminated ones).
inline void write_key(JsonWriter& writer, std::string_view key) {
  writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}
inline void write_string(JsonWriter& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

// The text a writer wrote into `buffer`.
inline std::string text_of(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

// Parses a request body into `out`. The body must be one JSON object in valid UTF-8, nested no
// deeper than the limit. Fails with DynamoDB's SerializationException otherwise.
Result<void> parse_request_body(std::string_view body, JsonDocument& out);

}  // namespace ddblocal::wire
