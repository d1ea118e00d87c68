// Attribute values between JSON and the model. Decoding runs in DynamoDB's two phases: its
// deserializer first reads the whole value and fails on a JSON type it cannot convert
// (SerializationException), then its validator checks the value in document order
// (ValidationException). The texts and their sources are in value_codec.h.
#include "protocol/wire/value_codec.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/container/small_vector.hpp>
#include <openssl/evp.h>

#include "protocol/utf16.h"
#include "protocol/wire/fields.h"

namespace ddblocal::wire {
namespace {

// The item is level 1, a top-level attribute's value level 2, and a map or list may sit at
// most at level 32: DynamoDB's 32 levels of nesting. DynamoDB Local accepts 31 maps nested in
// a top-level attribute and rejects 32, as does Alternator's test_almost_exceed_nested_level.
constexpr int kTopLevel = 2;
constexpr int kMaxNestingLevel = 32;

// Where a value is decoded: its nesting level and the wording of its errors.
struct Decoding {
  int level;
  ValueWording wording;

  Decoding deeper() const { return {level + 1, wording}; }
  bool current() const { return wording == ValueWording::kCurrent; }
};

constexpr char kInvalidPrefix[] = "One or more parameter values were invalid: ";
constexpr char kEmptyValue[] =
    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
constexpr char kManyTypes[] =
    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the "
    "supported datatypes";
constexpr char kNullValue[] = "The supplied Item contains a null AttributeValue";
constexpr char kNestingExceeded[] =
    "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
    "beyond supported limit";

constexpr char kObjectNotExpected[] = "Start of structure or map found where not expected";
constexpr char kUnexpectedFieldType[] = "Unexpected field type";
constexpr char kValueMapCollection[] =
    "Unrecognized collection type java.util.Map<java.lang.String, "
    "com.amazonaws.dynamodb.v20120810.AttributeValue>";

ApiError invalid(std::string_view detail) {
  return ApiError::validation(std::string(kInvalidPrefix).append(detail));
}

std::string_view text_of(const JsonValue& value) {
  return {value.GetString(), value.GetStringLength()};
}

std::optional<ValueType> type_of_key(std::string_view key) {
  static constexpr std::array<std::pair<std::string_view, ValueType>, 10> kTypes = {{
      {"S", ValueType::kS},
      {"N", ValueType::kN},
      {"B", ValueType::kB},
      {"BOOL", ValueType::kBool},
      {"NULL", ValueType::kNull},
      {"M", ValueType::kM},
      {"L", ValueType::kL},
      {"SS", ValueType::kSS},
      {"NS", ValueType::kNS},
      {"BS", ValueType::kBS},
  }};
  for (const auto& [name, type] : kTypes) {
    if (name == key) {
      return type;
    }
  }
  return std::nullopt;
}

// When one value holds several types, DynamoDB reports the first invalid one in the member
// order of its AttributeValue shape, whatever the order in the request (DynamoDB Local:
// {"NULL":false,"N":"x"} and {"N":"x","NULL":false} both fail on the number).
constexpr std::array<ValueType, 10> kValidationOrder = {
    ValueType::kS,  ValueType::kN, ValueType::kB, ValueType::kSS,   ValueType::kNS,
    ValueType::kBS, ValueType::kM, ValueType::kL, ValueType::kNull, ValueType::kBool,
};

// ---- Base64 (RFC 4648, with padding, nothing else) ----

int base64_digit(char c) {
  if (c >= 'A' && c <= 'Z') {
    return c - 'A';
  }
  if (c >= 'a' && c <= 'z') {
    return c - 'a' + 26;
  }
  if (c >= '0' && c <= '9') {
    return c - '0' + 52;
  }
  if (c == '+') {
    return 62;
  }
  if (c == '/') {
    return 63;
  }
  return -1;
}

std::size_t padding_of(std::string_view text) {
  if (text.empty() || text.back() != '=') {
    return 0;
  }
  return text.size() >= 2 && text[text.size() - 2] == '=' ? 2 : 1;
}

// Accepts exactly the canonical encodings: a length that is a multiple of 4, only alphabet
// characters before at most two '=', and zero bits in the unused part of the last character
// (so that every byte string has one encoding, and sets compare encodings as bytes).
Result<void> check_base64(std::string_view text) {
  if (text.size() % 4 != 0) {
    return ApiError::serialization(
        "Base64 encoded length is expected a multiple of 4 bytes but found: " +
        std::to_string(utf16_length(text)));
  }
  // DynamoDB's text, its spelling included.
  ApiError bad_character =
      ApiError::serialization("Invalid last non-pad Base64 character dectected");
  std::size_t padding = padding_of(text);
  std::size_t data_length = text.size() - padding;
  for (std::size_t i = 0; i < data_length; ++i) {
    if (base64_digit(text[i]) < 0) {
      return bad_character;
    }
  }
  if (padding > 0) {
    int unused_bits_mask = padding == 2 ? 0x0F : 0x03;
    if ((base64_digit(text[data_length - 1]) & unused_bits_mask) != 0) {
      return bad_character;
    }
  }
  return {};
}

// REQUIRES: check_base64(text) succeeded.
std::string decode_base64(std::string_view text) {
  std::string bytes(text.size() / 4 * 3, '\0');
  int decoded = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(bytes.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  // EVP_DecodeBlock counts the zero bytes that the padding stands for; drop them.
  bytes.resize(static_cast<std::size_t>(decoded) - padding_of(text));
  return bytes;
}

std::string encode_base64(std::string_view bytes) {
  std::string text((bytes.size() + 2) / 3 * 4 + 1, '\0');
  int length = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(text.data()),
                               reinterpret_cast<const unsigned char*>(bytes.data()),
                               static_cast<int>(bytes.size()));
  text.resize(static_cast<std::size_t>(length));
  return text;
}

// ---- Phase 1: JSON types, as DynamoDB's deserializer checks them ----

// What the deserializer expects at a place in the value.
enum class Shape {
  kValue,       // an AttributeValue as a list element or map value
  kString,      // S, N, and the members of SS and NS
  kBlob,        // B and the members of BS
  kBoolean,     // BOOL and NULL
  kStringList,  // SS, NS
  kBlobList,    // BS
  kValueList,   // L
  kValueMap,    // M
};

Shape shape_of(ValueType type) {
  switch (type) {
    case ValueType::kS:
    case ValueType::kN:
      return Shape::kString;
    case ValueType::kB:
      return Shape::kBlob;
    case ValueType::kBool:
    case ValueType::kNull:
      return Shape::kBoolean;
    case ValueType::kM:
      return Shape::kValueMap;
    case ValueType::kL:
      return Shape::kValueList;
    case ValueType::kSS:
    case ValueType::kNS:
      return Shape::kStringList;
    case ValueType::kBS:
      return Shape::kBlobList;
  }
  return Shape::kValue;
}

Result<void> check_blob(const JsonValue& json) {
  if (json.IsObject()) {
    return ApiError::serialization(kObjectNotExpected);
  }
  if (json.IsArray()) {
    return ApiError::serialization("Unrecognized collection type class java.nio.ByteBuffer");
  }
  if (!json.IsString()) {
    return ApiError::serialization("only base-64-encoded strings are convertible to bytes");
  }
  return check_base64(text_of(json));
}

// Walks the whole value, however deep (the body's depth is already bounded by the JSON
// parser), without recursion. Reports the first mismatch in document order. Members that are
// not type names are skipped unread, as the deserializer skips unknown members; JSON null is
// absent everywhere and left to phase 2.
Result<void> check_shapes(const JsonValue& root) {
  // Inline room for a usual value, so that checking one allocates nothing.
  boost::container::small_vector<std::pair<const JsonValue*, Shape>, 16> pending = {
      {&root, Shape::kValue}};
  auto push_elements = [&](const JsonValue& array, Shape element_shape) {
    for (auto it = array.End(); it != array.Begin();) {
      --it;
      pending.emplace_back(&*it, element_shape);
    }
  };
  while (!pending.empty()) {
    auto [json, shape] = pending.back();
    pending.pop_back();
    if (json->IsNull()) {
      continue;
    }
    switch (shape) {
      case Shape::kValue:
        if (json->IsArray()) {
          return ApiError::serialization(
              "Unrecognized collection type class "
              "com.amazonaws.dynamodb.v20120810.AttributeValue");
        }
        if (!json->IsObject()) {
          return ApiError::serialization("Unexpected value type in payload");
        }
        for (auto it = json->MemberEnd(); it != json->MemberBegin();) {
          --it;
          if (std::optional<ValueType> type = type_of_key(text_of(it->name))) {
            pending.emplace_back(&it->value, shape_of(*type));
          }
        }
        break;
      case Shape::kString:
        DDB_RETURN_IF_ERROR(string_value(*json));
        break;
      case Shape::kBlob:
        DDB_RETURN_IF_ERROR(check_blob(*json));
        break;
      case Shape::kBoolean:
        DDB_RETURN_IF_ERROR(bool_value(*json));
        break;
      case Shape::kStringList:
      case Shape::kBlobList:
      case Shape::kValueList:
        if (json->IsObject()) {
          return ApiError::serialization(kObjectNotExpected);
        }
        if (!json->IsArray()) {
          return ApiError::serialization(kUnexpectedFieldType);
        }
        push_elements(*json, shape == Shape::kStringList ? Shape::kString
                             : shape == Shape::kBlobList ? Shape::kBlob
                                                         : Shape::kValue);
        break;
      case Shape::kValueMap:
        if (json->IsArray()) {
          return ApiError::serialization(kValueMapCollection);
        }
        if (!json->IsObject()) {
          return ApiError::serialization(kUnexpectedFieldType);
        }
        for (auto it = json->MemberEnd(); it != json->MemberBegin();) {
          --it;
          pending.emplace_back(&it->value, Shape::kValue);
        }
        break;
    }
  }
  return {};
}

// ---- Phase 2: validation, in document order ----

// Number::parse, except that the current wording keeps ": " after the message for an empty text
// ("The parameter cannot be converted to a numeric value: "; valueLayers.test.ts, as below).
Result<Number> parse_number(std::string_view text, Decoding at) {
  Result<Number> number = Number::parse(text);
  if (!number && text.empty() && at.current()) {
    return ApiError::validation(number.error().message() + ": ");
  }
  return number;
}
// Everything below REQUIRES check_shapes() to have passed on the value.

Result<AttributeValue> decode_checked(const JsonValue& json, Decoding at);

// "Input collection [a, b, a]": the members as the request wrote them.
std::string collection_text(const JsonValue& array) {
  std::string text = "[";
  const char* separator = "";
  for (const JsonValue& member : array.GetArray()) {
    text.append(separator).append(text_of(member));
    separator = ", ";
  }
  return text.append("]");
}

bool has_adjacent_duplicates(const auto& sorted) {
  return std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end();
}

// "Input collection [...]" in the current wording: each member quoted, the members before the
// first repeat in byte order (of `key_of` each), then the repeat, then the rest as sent:
// ["a", "b", "b"] for b, a, b (paritysuite/dynamodb-conformance
// tests/tier3/error-messages/valueLayers.test.ts, 2026-10-09). REQUIRES: a member repeats.
std::string quoted_collection_text(const JsonValue& array, std::string_view separator,
                                   auto key_of) {
  std::vector<std::pair<std::string, std::string_view>> seen;  // (key, text), sorted by key
  std::string text = "[";
  auto append = [&](std::string_view member) {
    text.append(text.size() > 1 ? separator : "").append("\"").append(member).append("\"");
  };
  const auto& members = array.GetArray();
  for (auto member = members.begin(); member != members.end(); ++member) {
    std::pair<std::string, std::string_view> entry{key_of(text_of(*member)), text_of(*member)};
    auto at = std::lower_bound(seen.begin(), seen.end(), entry,
                               [](const auto& a, const auto& b) { return a.first < b.first; });
    if (at == seen.end() || at->first != entry.first) {
      seen.insert(at, std::move(entry));
      continue;
    }
    for (const auto& [key, sorted_text] : seen) {
      append(sorted_text);
    }
    for (; member != members.end(); ++member) {
      append(text_of(*member));
    }
    break;
  }
  return text.append("]");
}

Result<AttributeValue> decode_string_set(const JsonValue& array, Decoding at) {
  if (array.Empty()) {
    return invalid("An string set  may not be empty");
  }
  StringSet set;
  for (const JsonValue& member : array.GetArray()) {
    // DynamoDB Local's text; the service's is unknown.
    if (member.IsNull()) {
      return invalid("An string set may not have a null string as a member");
    }
    set.members.emplace_back(text_of(member));
  }
  // std::string orders by unsigned bytes (char_traits<char>), DynamoDB's order for strings.
  std::sort(set.members.begin(), set.members.end());
  // The final period is DynamoDB's in 2026 (paritysuite/dynamodb-conformance
  // tests/tier3/error-messages/valueLayers.test.ts, four regions); DynamoDB Local leaves it out.
  if (has_adjacent_duplicates(set.members)) {
    const std::string members =
        at.current() ? quoted_collection_text(
                           array, ", ", [](std::string_view text) { return std::string(text); })
                     : collection_text(array);
    return invalid("Input collection " + members + " contains duplicates.");
  }
  return AttributeValue(std::move(set));
}

Result<AttributeValue> decode_number_set(const JsonValue& array, Decoding at) {
  if (array.Empty()) {
    return invalid("An number set  may not be empty");
  }
  NumberSet set;
  for (const JsonValue& member : array.GetArray()) {
    // A null member fails like an empty one.
    DDB_ASSIGN_OR_RETURN(Number number, parse_number(member.IsNull() ? "" : text_of(member), at));
    set.members.push_back(std::move(number));
  }
  // Numerically, so that "1" and "1.0" are duplicates.
  std::sort(set.members.begin(), set.members.end());
  // The current wording adds the prefix and a final period (valueLayers.test.ts, as above).
  if (has_adjacent_duplicates(set.members)) {
    return at.current() ? invalid("Input collection contains duplicates.")
                        : ApiError::validation("Input collection contains duplicates");
  }
  return AttributeValue(std::move(set));
}

Result<AttributeValue> decode_binary_set(const JsonValue& array, Decoding at) {
  if (array.Empty()) {
    return invalid("Binary sets should not be empty");
  }
  BinarySet set;
  for (const JsonValue& member : array.GetArray()) {
    if (member.IsNull()) {
      return ApiError::validation(kNullValue);
    }
    set.members.push_back(decode_base64(text_of(member)));
  }
  std::sort(set.members.begin(), set.members.end());
  // dynalite's recording, missing space included; DynamoDB Local leaves the members out.
  if (has_adjacent_duplicates(set.members)) {
    const std::string members =
        at.current() ? quoted_collection_text(array, ",", decode_base64) : collection_text(array);
    return invalid("Input collection " + members + "of type BS contains duplicates.");
  }
  return AttributeValue(std::move(set));
}

// The members of a JSON object of name -> attribute value, at `level`. A name given twice
// counts once, with its last value (the earlier one is not validated).
Result<AttributeMap> decode_members(const JsonValue& object, Decoding at) {
  std::unordered_map<std::string_view, const JsonValue*> last;
  for (const auto& member : object.GetObject()) {
    last[text_of(member.name)] = &member.value;
  }
  AttributeMap map;
  for (const auto& member : object.GetObject()) {
    std::string_view name = text_of(member.name);
    if (last[name] != &member.value) {
      continue;
    }
    if (name.empty()) {
      return ApiError::validation("Empty attribute name");
    }
    if (member.value.IsNull()) {
      return ApiError::validation(std::string(kNullValue) + ": " + std::string(name) + " is null");
    }
    DDB_ASSIGN_OR_RETURN(AttributeValue value, decode_checked(member.value, at));
    map.emplace(name, std::move(value));
  }
  return map;
}

Result<AttributeValue> decode_list(const JsonValue& array, Decoding at) {
  AttributeList list;
  list.reserve(array.Size());
  for (const JsonValue& element : array.GetArray()) {
    if (element.IsNull()) {
      return ApiError::validation(kNullValue);
    }
    DDB_ASSIGN_OR_RETURN(AttributeValue value, decode_checked(element, at));
    list.push_back(std::move(value));
  }
  return AttributeValue(std::move(list));
}

// `json` holds a value of `type`, at `level`.
Result<AttributeValue> decode_typed(ValueType type, const JsonValue& json, Decoding at) {
  switch (type) {
    case ValueType::kS:
      return AttributeValue(std::string(text_of(json)));
    case ValueType::kN: {
      DDB_ASSIGN_OR_RETURN(Number number, parse_number(text_of(json), at));
      return AttributeValue(std::move(number));
    }
    case ValueType::kB:
      return AttributeValue(Binary{decode_base64(text_of(json))});
    case ValueType::kBool:
      return AttributeValue(*bool_value(json));
    case ValueType::kNull:
      if (!*bool_value(json)) {
        return invalid("Null attribute value types must have the value of true");
      }
      return AttributeValue(Null{});
    case ValueType::kM:
    case ValueType::kL: {
      if (at.level > kMaxNestingLevel) {
        return ApiError::validation(kNestingExceeded);
      }
      if (type == ValueType::kL) {
        return decode_list(json, at.deeper());
      }
      DDB_ASSIGN_OR_RETURN(AttributeMap map, decode_members(json, at.deeper()));
      return AttributeValue(std::move(map));
    }
    case ValueType::kSS:
      return decode_string_set(json, at);
    case ValueType::kNS:
      return decode_number_set(json, at);
    case ValueType::kBS:
      return decode_binary_set(json, at);
  }
  return ApiError::internal("unknown attribute value type");
}

// `json` is a non-null object: one attribute value, at `level`.
Result<AttributeValue> decode_checked(const JsonValue& json, Decoding at) {
  // A type given twice counts once, with its last value; a null one is absent.
  std::array<const JsonValue*, kValidationOrder.size()> by_type{};
  for (const auto& member : json.GetObject()) {
    if (std::optional<ValueType> type = type_of_key(text_of(member.name))) {
      by_type[static_cast<std::size_t>(*type)] = &member.value;
    }
  }
  // Every type present is validated, in DynamoDB's order, before their count is.
  std::optional<AttributeValue> result;
  int types = 0;
  for (ValueType type : kValidationOrder) {
    const JsonValue* value = by_type[static_cast<std::size_t>(type)];
    if (value == nullptr || value->IsNull()) {
      continue;
    }
    ++types;
    DDB_ASSIGN_OR_RETURN(result, decode_typed(type, *value, at));
  }
  if (types == 0) {
    return ApiError::validation(kEmptyValue);
  }
  if (types > 1) {
    return ApiError::validation(kManyTypes);
  }
  return std::move(*result);
}

}  // namespace

Result<void> check_value_shapes(const JsonValue& json) {
  return check_shapes(json);
}

Result<AttributeValue> decode_value(const JsonValue& json, ValueWording wording) {
  DDB_RETURN_IF_ERROR(check_shapes(json));
  if (json.IsNull()) {
    return ApiError::validation(kNullValue);
  }
  return decode_checked(json, {kTopLevel, wording});
}

Result<Item> decode_item(const JsonValue& json, ValueWording wording) {
  if (json.IsArray()) {
    return ApiError::serialization(kValueMapCollection);
  }
  if (!json.IsObject()) {
    return ApiError::serialization(kUnexpectedFieldType);
  }
  for (const auto& member : json.GetObject()) {
    DDB_RETURN_IF_ERROR(check_shapes(member.value));
  }
  return decode_members(json, {kTopLevel, wording});
}

void write_value(JsonWriter& writer, const AttributeValue& value) {
  struct Visitor {
    JsonWriter& writer;
    void operator()(const std::string& s) const { writer.String(s); }
    void operator()(const Number& n) const { writer.String(n.to_string()); }
    void operator()(const Binary& b) const { writer.String(encode_base64(b.bytes)); }
    void operator()(bool b) const { writer.Bool(b); }
    void operator()(const Null&) const { writer.Bool(true); }
    void operator()(const AttributeMap& map) const { write_item(writer, map); }
    void operator()(const AttributeList& list) const {
      writer.StartArray();
      for (const AttributeValue& element : list) {
        write_value(writer, element);
      }
      writer.EndArray();
    }
    void operator()(const StringSet& set) const {
      writer.StartArray();
      for (const std::string& member : set.members) {
        writer.String(member);
      }
      writer.EndArray();
    }
    void operator()(const NumberSet& set) const {
      writer.StartArray();
      for (const Number& member : set.members) {
        writer.String(member.to_string());
      }
      writer.EndArray();
    }
    void operator()(const BinarySet& set) const {
      writer.StartArray();
      for (const std::string& member : set.members) {
        writer.String(encode_base64(member));
      }
      writer.EndArray();
    }
  };
  writer.StartObject();
  writer.Key(type_name(value.type()));
  std::visit(Visitor{writer}, value.variant());
  writer.EndObject();
}

void write_item(JsonWriter& writer, const Item& item) {
  writer.StartObject();
  for (const auto& [name, value] : item) {
    writer.Key(name.data(), static_cast<rapidjson::SizeType>(name.size()));
    write_value(writer, value);
  }
  writer.EndObject();
}

bool ItemJsonWriter::attribute(std::string_view name) {
  if (names_ != nullptr && std::find(names_->begin(), names_->end(), name) == names_->end()) {
    return false;
  }
  write_key(writer_, name);
  return true;
}

void ItemJsonWriter::member(std::string_view name) {
  write_key(writer_, name);
}

void ItemJsonWriter::scalar(ValueType type, std::string_view text) {
  if (!in_set_) {
    writer_.StartObject();
    writer_.Key(type_name(type));
  }
  if (type == ValueType::kB) {
    write_string(writer_, encode_base64(text));
  } else {
    write_string(writer_, text);
  }
  if (!in_set_) {
    writer_.EndObject();
  }
}

void ItemJsonWriter::boolean(bool value) {
  writer_.StartObject();
  writer_.Key(type_name(ValueType::kBool));
  writer_.Bool(value);
  writer_.EndObject();
}

void ItemJsonWriter::null() {
  writer_.StartObject();
  writer_.Key(type_name(ValueType::kNull));
  writer_.Bool(true);
  writer_.EndObject();
}

void ItemJsonWriter::begin(ValueType type) {
  writer_.StartObject();
  writer_.Key(type_name(type));
  if (type == ValueType::kM) {
    writer_.StartObject();
  } else {
    writer_.StartArray();
    in_set_ = type != ValueType::kL;
  }
}

void ItemJsonWriter::end(ValueType type) {
  if (type == ValueType::kM) {
    writer_.EndObject();
  } else {
    writer_.EndArray();
    in_set_ = false;
  }
  writer_.EndObject();
}

}  // namespace ddblocal::wire
