// Items in RocksDB: the compact binary encoding of an item. The format, written to disk (do
// not change it):
//
//   item    := count:varint { name value }     (names strictly ascending by unsigned bytes)
//   name    := bytes
//   value   := kString bytes | kNumber number | kBinary bytes
//            | kFalse | kTrue | kNull
//            | kMap item
//            | kList count:varint { value }
//            | kStringSet count:varint { bytes }   (members strictly ascending, unsigned bytes)
//            | kNumberSet count:varint { number }  (members strictly ascending, numerically)
//            | kBinarySet count:varint { bytes }   (members strictly ascending, unsigned bytes)
//   bytes   := length:varint byte*length
//   number  := head:byte                        (head 0: zero, nothing follows)
//            | head:byte exponent:zigzag_varint byte*ceil(n/2)
//              head = 0x80 if negative | n, the count of significant digits (1..38); the value
//              is 0.<digits> x 10^exponent; digits are packed two to a byte, high nibble first,
//              an odd last digit padded with a 0 nibble
//   varint  := an unsigned 32-bit LEB128 (7 bits a byte, least significant first), <= 5 bytes
//   zigzag_varint := varint of 2*e for e >= 0, of -2*e-1 for e < 0
//
// The decoder refuses anything that would break an Item's invariants (numbers unnormalized or
// beyond DynamoDB's limits, names or set members out of order), so a decoded Item keeps them.
#include "storage/item_codec.h"

#include <cstdint>
#include <utility>
#include <variant>
#include <vector>

namespace ddblocal::storage {
namespace {

// Value tags. Written to disk: do not reorder or delete.
enum Tag : std::uint8_t {
  kString = 0,
  kNumber = 1,
  kBinary = 2,
  kFalse = 3,
  kTrue = 4,
  kNull = 5,
  kMap = 6,
  kList = 7,
  kStringSet = 8,
  kNumberSet = 9,
  kBinarySet = 10,
};

constexpr std::uint8_t kNegativeBit = 0x80;
// Number's limits (protocol/number.h): 38 significant digits, magnitude 1e-130 (0.1e-129) to
// below 1e126 (0.1e127).
constexpr std::size_t kMaxDigits = 38;
constexpr std::int64_t kMinExponent = -129;
constexpr std::int64_t kMaxExponent = 126;
// Far above DynamoDB's 32 levels of nesting, yet a bound on the decoder's recursion.
constexpr int kMaxDepth = 64;

void append_varint(std::string& out, std::uint32_t value) {
  while (value >= 0x80) {
    out.push_back(static_cast<char>(value | 0x80));
    value >>= 7;
  }
  out.push_back(static_cast<char>(value));
}

void append_bytes(std::string& out, std::string_view bytes) {
  append_varint(out, static_cast<std::uint32_t>(bytes.size()));
  out.append(bytes);
}

void append_number(std::string& out, const Number& number) {
  const std::string& digits = number.digits();
  std::uint8_t head = static_cast<std::uint8_t>(digits.size());
  if (number.is_negative()) {
    head |= kNegativeBit;
  }
  out.push_back(static_cast<char>(head));
  if (number.is_zero()) {
    return;
  }
  int exponent = number.exponent();
  append_varint(out, static_cast<std::uint32_t>(exponent >= 0 ? 2 * exponent : -2 * exponent - 1));
  for (std::size_t i = 0; i < digits.size(); i += 2) {
    int low = i + 1 < digits.size() ? digits[i + 1] - '0' : 0;
    out.push_back(static_cast<char>((digits[i] - '0') << 4 | low));
  }
}

void append_map(std::string& out, const AttributeMap& map);

// std::visit target: appends one value, tag first.
struct ValueEncoder {
  std::string& out;

  void tag(Tag t) { out.push_back(static_cast<char>(t)); }
  void operator()(const std::string& s) {
    tag(kString);
    append_bytes(out, s);
  }
  void operator()(const Number& n) {
    tag(kNumber);
    append_number(out, n);
  }
  void operator()(const Binary& b) {
    tag(kBinary);
    append_bytes(out, b.bytes);
  }
  void operator()(bool b) { tag(b ? kTrue : kFalse); }
  void operator()(const Null&) { tag(kNull); }
  void operator()(const AttributeMap& m) {
    tag(kMap);
    append_map(out, m);
  }
  void operator()(const AttributeList& l) {
    tag(kList);
    append_varint(out, static_cast<std::uint32_t>(l.size()));
    for (const AttributeValue& element : l) {
      std::visit(*this, element.variant());
    }
  }
  void operator()(const StringSet& s) { strings(kStringSet, s.members); }
  void operator()(const NumberSet& s) {
    tag(kNumberSet);
    append_varint(out, static_cast<std::uint32_t>(s.members.size()));
    for (const Number& member : s.members) {
      append_number(out, member);
    }
  }
  void operator()(const BinarySet& s) { strings(kBinarySet, s.members); }

  void strings(Tag t, const std::vector<std::string>& members) {
    tag(t);
    append_varint(out, static_cast<std::uint32_t>(members.size()));
    for (const std::string& member : members) {
      append_bytes(out, member);
    }
  }
};

void append_map(std::string& out, const AttributeMap& map) {
  append_varint(out, static_cast<std::uint32_t>(map.size()));
  for (const auto& [name, value] : map) {
    append_bytes(out, name);
    std::visit(ValueEncoder{out}, value.variant());
  }
}

// The parts of a stored number: 0.<digits> x 10^exponent, digits empty for zero.
struct NumberParts {
  bool negative = false;
  char digits[kMaxDigits];
  std::size_t count = 0;
  int exponent = 0;

  std::string_view digit_text() const { return {digits, count}; }
};

// Reads an encoding's pieces front to back. Every read checks the bytes left first; on failure
// it records why and returns false, and the caller stops.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : pos_(bytes.data()), end_(pos_ + bytes.size()) {}

  bool at_end() const { return pos_ == end_; }
  const char* error() const { return error_; }
  bool fail(const char* why) {
    error_ = why;
    return false;
  }

 protected:
  std::size_t left() const { return static_cast<std::size_t>(end_ - pos_); }

  bool read_byte(std::uint8_t& out) {
    if (pos_ == end_) {
      return fail("truncated");
    }
    out = static_cast<std::uint8_t>(*pos_++);
    return true;
  }

  bool read_varint(std::uint32_t& out) {
    out = 0;
    for (int shift = 0; shift <= 28; shift += 7) {
      std::uint8_t byte;
      if (!read_byte(byte)) {
        return false;
      }
      if (shift == 28 && byte > 0x0f) {
        return fail("varint overflow");
      }
      out |= static_cast<std::uint32_t>(byte & 0x7f) << shift;
      if ((byte & 0x80) == 0) {
        return true;
      }
    }
    return fail("varint overflow");
  }

  // Every element takes at least one byte, so a count above the bytes left is corrupt; checking
  // it keeps a corrupt count from reserving memory.
  bool read_count(std::uint32_t& out) {
    if (!read_varint(out)) {
      return false;
    }
    return out <= left() || fail("truncated");
  }

  // A view of the next length-prefixed bytes, valid as long as the encoding.
  bool read_bytes(std::string_view& out) {
    std::uint32_t length;
    if (!read_varint(length)) {
      return false;
    }
    if (length > left()) {
      return fail("truncated");
    }
    out = std::string_view(pos_, length);
    pos_ += length;
    return true;
  }

  bool read_number(NumberParts& out) {
    std::uint8_t head;
    if (!read_byte(head)) {
      return false;
    }
    out.negative = (head & kNegativeBit) != 0;
    out.count = head & ~kNegativeBit;
    if (out.count == 0) {
      return !out.negative || fail("bad number");
    }
    std::uint32_t zigzag;
    if (!read_varint(zigzag)) {
      return false;
    }
    std::int64_t exponent = (zigzag & 1) ? -static_cast<std::int64_t>(zigzag >> 1) - 1
                                         : static_cast<std::int64_t>(zigzag >> 1);
    if (out.count > kMaxDigits || exponent < kMinExponent || exponent > kMaxExponent) {
      return fail("bad number");
    }
    out.exponent = static_cast<int>(exponent);
    if ((out.count + 1) / 2 > left()) {
      return fail("truncated");
    }
    for (std::size_t i = 0; i < out.count; i += 2) {
      auto byte = static_cast<std::uint8_t>(*pos_++);
      std::uint8_t high = byte >> 4, low = byte & 0x0f;
      bool has_low = i + 1 < out.count;
      if (high > 9 || low > 9 || (!has_low && low != 0)) {
        return fail("bad number");
      }
      out.digits[i] = static_cast<char>('0' + high);
      if (has_low) {
        out.digits[i + 1] = static_cast<char>('0' + low);
      }
    }
    if (out.digits[0] == '0' || out.digits[out.count - 1] == '0') {
      return fail("bad number");
    }
    return true;
  }

 private:
  const char* pos_;
  const char* end_;
  const char* error_ = "";
};

// Decodes an encoding into an Item, checking the order of names and set members so that the
// Item keeps its invariants.
class Decoder : public Reader {
 public:
  using Reader::Reader;

  bool map(AttributeMap& out, int depth) {
    std::uint32_t count;
    if (!read_count(count)) {
      return false;
    }
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string name;
      if (!read_string(name)) {
        return false;
      }
      if (!out.empty() && !(out.rbegin()->first < name)) {
        return fail("names out of order");
      }
      auto it = out.emplace_hint(out.end(), std::move(name), AttributeValue());
      if (!read_value(it->second, depth)) {
        return false;
      }
    }
    return true;
  }

 private:
  bool read_string(std::string& out) {
    std::string_view bytes;
    if (!read_bytes(bytes)) {
      return false;
    }
    out.assign(bytes);
    return true;
  }

  bool read_decimal(Number& out) {
    NumberParts parts;
    if (!read_number(parts)) {
      return false;
    }
    out = parts.count == 0
              ? Number()
              : Number::from_parts(parts.negative, std::string(parts.digit_text()), parts.exponent);
    return true;
  }

  // Reads count elements with read_member into a set's members, checking they ascend.
  template <typename T, typename ReadMember>
  bool read_set(std::vector<T>& members, ReadMember read_member) {
    std::uint32_t count;
    if (!read_count(count)) {
      return false;
    }
    members.resize(count);
    for (std::uint32_t i = 0; i < count; ++i) {
      if (!(this->*read_member)(members[i])) {
        return false;
      }
      if (i > 0 && !(members[i - 1] < members[i])) {
        return fail("set members out of order");
      }
    }
    return true;
  }

  bool read_value(AttributeValue& out, int depth) {
    std::uint8_t tag;
    if (!read_byte(tag)) {
      return false;
    }
    AttributeValue::Variant& v = out.variant();
    switch (tag) {
      case kString:
        return read_string(v.emplace<std::string>());
      case kNumber:
        return read_decimal(v.emplace<Number>());
      case kBinary:
        return read_string(v.emplace<Binary>().bytes);
      case kFalse:
      case kTrue:
        v = tag == kTrue;
        return true;
      case kNull:
        v = Null{};
        return true;
      case kMap:
        return depth < kMaxDepth ? map(v.emplace<AttributeMap>(), depth + 1)
                                 : fail("nested too deep");
      case kList:
        return depth < kMaxDepth ? read_list(v.emplace<AttributeList>(), depth + 1)
                                 : fail("nested too deep");
      case kStringSet:
        return read_set(v.emplace<StringSet>().members, &Decoder::read_string);
      case kNumberSet:
        return read_set(v.emplace<NumberSet>().members, &Decoder::read_decimal);
      case kBinarySet:
        return read_set(v.emplace<BinarySet>().members, &Decoder::read_string);
      default:
        return fail("unknown tag");
    }
  }

  bool read_list(AttributeList& out, int depth) {
    std::uint32_t count;
    if (!read_count(count)) {
      return false;
    }
    out.resize(count);
    for (AttributeValue& element : out) {
      if (!read_value(element, depth)) {
        return false;
      }
    }
    return true;
  }
};

// Walks an encoding, handing each value to ItemEvents (none to a null one: a value skipped) and
// adding up the item's size as item_size counts it. Builds nothing: no allocation.
class Walker : public Reader {
 public:
  using Reader::Reader;

  bool item(ItemEvents& events, std::size_t& size) {
    std::uint32_t count;
    if (!read_count(count)) {
      return false;
    }
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string_view name;
      if (!read_bytes(name)) {
        return false;
      }
      size += name.size();
      if (!value(events.attribute(name) ? &events : nullptr, 0, size)) {
        return false;
      }
    }
    return true;
  }

 private:
  template <typename Event>
  static void send(ItemEvents* events, Event event) {
    if (events != nullptr) {
      event(*events);
    }
  }

  bool number(ValueType type, ItemEvents* events, std::size_t& size) {
    NumberParts parts;
    if (!read_number(parts)) {
      return false;
    }
    size += value_sizes::number_size(parts.negative, parts.count, parts.exponent);
    if (events != nullptr) {
      text_.clear();
      append_number_text(text_, parts.negative, parts.digit_text(), parts.exponent);
      events->scalar(type, text_);
    }
    return true;
  }

  bool bytes(ValueType type, ItemEvents* events, std::size_t& size) {
    std::string_view bytes;
    if (!read_bytes(bytes)) {
      return false;
    }
    size += bytes.size();
    send(events, [&](ItemEvents& e) { e.scalar(type, bytes); });
    return true;
  }

  // A set of `count` members read by `member`, which adds each one's size.
  bool set(ValueType set_type, ValueType member_type,
           bool (Walker::*member)(ValueType, ItemEvents*, std::size_t&), ItemEvents* events,
           std::size_t& size) {
    std::uint32_t count;
    if (!read_count(count)) {
      return false;
    }
    send(events, [&](ItemEvents& e) { e.begin(set_type); });
    for (std::uint32_t i = 0; i < count; ++i) {
      if (!(this->*member)(member_type, events, size)) {
        return false;
      }
    }
    send(events, [&](ItemEvents& e) { e.end(set_type); });
    return true;
  }

  bool map(ItemEvents* events, int depth, std::size_t& size) {
    std::uint32_t count;
    if (!read_count(count)) {
      return false;
    }
    size += value_sizes::kContainerOverhead;
    send(events, [](ItemEvents& e) { e.begin(ValueType::kM); });
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string_view name;
      if (!read_bytes(name)) {
        return false;
      }
      size += value_sizes::kElementOverhead + name.size();
      send(events, [&](ItemEvents& e) { e.member(name); });
      if (!value(events, depth, size)) {
        return false;
      }
    }
    send(events, [](ItemEvents& e) { e.end(ValueType::kM); });
    return true;
  }

  bool list(ItemEvents* events, int depth, std::size_t& size) {
    std::uint32_t count;
    if (!read_count(count)) {
      return false;
    }
    size += value_sizes::kContainerOverhead;
    send(events, [](ItemEvents& e) { e.begin(ValueType::kL); });
    for (std::uint32_t i = 0; i < count; ++i) {
      size += value_sizes::kElementOverhead;
      if (!value(events, depth, size)) {
        return false;
      }
    }
    send(events, [](ItemEvents& e) { e.end(ValueType::kL); });
    return true;
  }

  bool value(ItemEvents* events, int depth, std::size_t& size) {
    std::uint8_t tag;
    if (!read_byte(tag)) {
      return false;
    }
    switch (tag) {
      case kString:
        return bytes(ValueType::kS, events, size);
      case kNumber:
        return number(ValueType::kN, events, size);
      case kBinary:
        return bytes(ValueType::kB, events, size);
      case kFalse:
      case kTrue:
        size += 1;
        send(events, [&](ItemEvents& e) { e.boolean(tag == kTrue); });
        return true;
      case kNull:
        size += 1;
        send(events, [](ItemEvents& e) { e.null(); });
        return true;
      case kMap:
        return depth < kMaxDepth ? map(events, depth + 1, size) : fail("nested too deep");
      case kList:
        return depth < kMaxDepth ? list(events, depth + 1, size) : fail("nested too deep");
      case kStringSet:
        return set(ValueType::kSS, ValueType::kS, &Walker::bytes, events, size);
      case kNumberSet:
        return set(ValueType::kNS, ValueType::kN, &Walker::number, events, size);
      case kBinarySet:
        return set(ValueType::kBS, ValueType::kB, &Walker::bytes, events, size);
      default:
        return fail("unknown tag");
    }
  }

  // A number's text, kept to reuse its memory.
  std::string text_;
};

// Takes every attribute and drops it: a walk that only adds up the size.
struct NoEvents : ItemEvents {
  bool attribute(std::string_view) override { return false; }
  void member(std::string_view) override {}
  void scalar(ValueType, std::string_view) override {}
  void boolean(bool) override {}
  void null() override {}
  void begin(ValueType) override {}
  void end(ValueType) override {}
};

ApiError corrupt(const Reader& reader) {
  return ApiError::internal(std::string("corrupt item: ") + reader.error());
}

}  // namespace

void append_item(std::string& out, const Item& item) {
  append_map(out, item);
}

Result<Item> decode_item(std::string_view bytes) {
  Decoder decoder(bytes);
  Item item;
  if (decoder.map(item, 0) && (decoder.at_end() || decoder.fail("trailing bytes"))) {
    return item;
  }
  return corrupt(decoder);
}

Result<std::size_t> walk_item(std::string_view bytes, ItemEvents& events) {
  Walker walker(bytes);
  std::size_t size = 0;
  if (walker.item(events, size) && (walker.at_end() || walker.fail("trailing bytes"))) {
    return size;
  }
  return corrupt(walker);
}

Result<std::size_t> stored_item_size(std::string_view bytes) {
  NoEvents none;
  return walk_item(bytes, none);
}

Result<std::vector<std::optional<Item>>> decode_items(
    const std::vector<std::optional<std::string>>& stored) {
  std::vector<std::optional<Item>> items(stored.size());
  for (std::size_t i = 0; i < stored.size(); ++i) {
    if (stored[i]) {
      DDB_ASSIGN_OR_RETURN(items[i], decode_item(*stored[i]));
    }
  }
  return items;
}

}  // namespace ddblocal::storage
