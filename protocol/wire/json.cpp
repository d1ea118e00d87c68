// Parsing a request body: RapidJSON's iterative reader (no recursion however deep the input),
// UTF-8 validation, and a nesting limit counted while parsing, so that a hostile body is
// rejected before a deep document is ever built.
#include "protocol/wire/json.h"

#include <cstring>

#include <rapidjson/memorystream.h>
#include <rapidjson/reader.h>

namespace ddblocal::wire {
namespace {

// The deepest JSON nesting a body may have, the body object itself being level 1. DynamoDB
// limits attribute values to 32 levels, and each level costs two JSON levels ({"M": {...}});
// a limit near 64 would turn DynamoDB's "Nesting Levels have exceeded supported limits"
// ValidationException for a value nested 40 deep into a SerializationException. 1000 is the
// default maximum nesting of Jackson (StreamReadConstraints), the JSON reader of Java services
// like DynamoDB. Nothing recurses on it: the reader is iterative, the document is freed without
// recursion (MemoryPoolAllocator), and the attribute value decoder stops at 32 levels.
constexpr int kMaxJsonDepth = 1000;

// True when decoded text holds a UTF-16 surrogate (U+D800..U+DFFF, encoded ED A0..BF xx), which
// UTF-8 cannot carry. The validating reader refuses raw surrogate bytes and an escaped lone high
// surrogate, but RapidJSON 1.1.0 decodes an escaped lone low surrogate ("\udc00") without
// complaint; every other byte of a decoded string is already valid UTF-8.
bool has_encoded_surrogate(const char* text, rapidjson::SizeType length) {
  const char* end = text + length;
  for (const char* lead = text;
       (lead = static_cast<const char*>(std::memchr(lead, '\xED', end - lead))); ++lead) {
    if (lead + 1 < end && static_cast<unsigned char>(lead[1]) >= 0xA0) {
      return true;
    }
  }
  return false;
}

// Forwards SAX events to the document while tracking the nesting depth; fails (stopping the
// reader) once the depth passes the limit.
class DepthLimitedHandler {
 public:
  explicit DepthLimitedHandler(JsonDocument& document) : document_(document) {}

  bool Null() { return document_.Null(); }
  bool Bool(bool b) { return document_.Bool(b); }
  bool Int(int i) { return document_.Int(i); }
  bool Uint(unsigned u) { return document_.Uint(u); }
  bool Int64(std::int64_t i) { return document_.Int64(i); }
  bool Uint64(std::uint64_t u) { return document_.Uint64(u); }
  bool Double(double d) { return document_.Double(d); }
  bool RawNumber(const char* str, rapidjson::SizeType length, bool copy) {
    return document_.RawNumber(str, length, copy);
  }
  bool String(const char* str, rapidjson::SizeType length, bool copy) {
    return !has_encoded_surrogate(str, length) && document_.String(str, length, copy);
  }
  bool Key(const char* str, rapidjson::SizeType length, bool copy) {
    return !has_encoded_surrogate(str, length) && document_.Key(str, length, copy);
  }
  bool StartObject() { return ++depth_ <= kMaxJsonDepth && document_.StartObject(); }
  bool EndObject(rapidjson::SizeType members) {
    --depth_;
    return document_.EndObject(members);
  }
  bool StartArray() { return ++depth_ <= kMaxJsonDepth && document_.StartArray(); }
  bool EndArray(rapidjson::SizeType elements) {
    --depth_;
    return document_.EndArray(elements);
  }

 private:
  JsonDocument& document_;
  int depth_ = 0;
};

constexpr unsigned kParseFlags =
    rapidjson::kParseIterativeFlag | rapidjson::kParseValidateEncodingFlag;

}  // namespace

Result<void> parse_request_body(std::string_view body, JsonDocument& out) {
  bool parsed = false;
  // Populate() hands the generator the document's SAX interface and, on success, moves the
  // single root it built into the document.
  auto generator = [&](JsonDocument& document) {
    rapidjson::MemoryStream stream(body.data(), body.size());
    rapidjson::Reader reader;
    DepthLimitedHandler handler(document);
    parsed = !reader.Parse<kParseFlags>(stream, handler).IsError();
    return parsed;
  };
  out.Populate(generator);
  // DynamoDB answers a body that is not JSON with a bare SerializationException: a "__type"
  // and no message (the response dynalite's tests recorded from DynamoDB). Bad UTF-8, excess
  // nesting and a root that is not an object are answered the same way.
  if (!parsed || !out.IsObject()) {
    return ApiError::serialization("");
  }
  return {};
}

}  // namespace ddblocal::wire
