// AttributeValue: one DynamoDB value of any of the ten types (S, N, B, BOOL, NULL, M, L, SS,
// NS, BS), and Item, the attributes of one item by name.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "protocol/item_fwd.h"
#include "protocol/number.h"

namespace ddblocal {

using AttributeList = std::vector<AttributeValue>;

struct Binary {
  std::string bytes;
  bool operator==(const Binary&) const = default;
};
struct Null {
  bool operator==(const Null&) const = default;
};
// Set members are kept sorted (strings and binaries by unsigned bytes, numbers numerically)
// and unique, so that equal sets compare equal.
struct StringSet {
  std::vector<std::string> members;
  bool operator==(const StringSet&) const = default;
};
struct NumberSet {
  std::vector<Number> members;
  bool operator==(const NumberSet&) const = default;
};
struct BinarySet {
  std::vector<std::string> members;
  bool operator==(const BinarySet&) const = default;
};

// The alternatives of AttributeValue::Variant, in order.
enum class ValueType : std::uint8_t { kS, kN, kB, kBool, kNull, kM, kL, kSS, kNS, kBS };

class AttributeValue {
 public:
  using Variant = std::variant<std::string, Number, Binary, bool, Null, AttributeMap, AttributeList,
                               StringSet, NumberSet, BinarySet>;

  AttributeValue() : value_(Null{}) {}
  template <typename T>
  requires std::is_constructible_v<Variant, T&&> AttributeValue(T&& value)
      : value_(std::forward<T>(value)) {}

  ValueType type() const { return static_cast<ValueType>(value_.index()); }
  const Variant& variant() const { return value_; }
  Variant& variant() { return value_; }
  template <typename T>
  const T* get_if() const {
    return std::get_if<T>(&value_);
  }

  bool operator==(const AttributeValue& other) const { return value_ == other.value_; }

 private:
  Variant value_;
};

// DynamoDB's wire name of a type: "S", "N", "B", "BOOL", "NULL", "M", "L", "SS", "NS", "BS".
const char* type_name(ValueType type);

// The size DynamoDB charges for a value or an item, as the Developer Guide's "Item sizes and
// formats" counts it: UTF-8 bytes of names and strings, raw bytes of binaries, about one byte
// per two significant digits of a number plus one, one byte for BOOL and NULL, three bytes plus
// one per element for M and L.
std::size_t value_size(const AttributeValue& value);
std::size_t item_size(const Item& item);

// The parts of those rules, for readers that size values they hold in another form (a stored
// item read without decoding it).
namespace value_sizes {
// Maps and lists cost 3 bytes, plus 1 byte per element (and a map element's name).
inline constexpr std::size_t kContainerOverhead = 3;
inline constexpr std::size_t kElementOverhead = 1;
// The number 0.<digits> x 10^exponent of `digit_count` significant digits (0 for zero).
std::size_t number_size(bool negative, std::size_t digit_count, int exponent);
}  // namespace value_sizes

}  // namespace ddblocal
