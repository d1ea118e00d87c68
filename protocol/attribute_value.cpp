// AttributeValue's free functions: the wire names of the types, and the sizes DynamoDB charges
// for values and items (which decide the 400 KB item limit).
#include "protocol/attribute_value.h"

namespace ddblocal {
namespace {

using value_sizes::kContainerOverhead;
using value_sizes::kElementOverhead;

std::size_t number_size(const Number& number) {
  return value_sizes::number_size(number.is_negative(), number.digits().size(), number.exponent());
}

// The members of a string or binary set, byte for byte.
std::size_t bytes_of(const std::vector<std::string>& members) {
  std::size_t size = 0;
  for (const std::string& member : members) {
    size += member.size();
  }
  return size;
}

}  // namespace

// DynamoDB stores a number as base-100 digit pairs aligned on the decimal point, plus one byte,
// plus one more for a negative number. Checked against DynamoDB Local byte for byte: "15" and
// "0.15" take 2 bytes, "1.5" takes 3 (digit pairs 01|50), "-1" takes 3, zero takes 1, a
// 38-digit integer 20.
std::size_t value_sizes::number_size(bool negative, std::size_t digit_count, int exponent) {
  if (digit_count == 0) {
    return 1;
  }
  // In the 0.<digits> x 10^exponent form, an odd exponent means the first pair starts with a
  // padding digit.
  const std::size_t padded = digit_count + (exponent % 2 != 0 ? 1 : 0);
  return 1 + (padded + 1) / 2 + (negative ? 1 : 0);
}

const char* type_name(ValueType type) {
  switch (type) {
    case ValueType::kS:
      return "S";
    case ValueType::kN:
      return "N";
    case ValueType::kB:
      return "B";
    case ValueType::kBool:
      return "BOOL";
    case ValueType::kNull:
      return "NULL";
    case ValueType::kM:
      return "M";
    case ValueType::kL:
      return "L";
    case ValueType::kSS:
      return "SS";
    case ValueType::kNS:
      return "NS";
    case ValueType::kBS:
      return "BS";
  }
  return "NULL";
}

std::size_t value_size(const AttributeValue& value) {
  struct Visitor {
    std::size_t operator()(const std::string& s) const { return s.size(); }
    std::size_t operator()(const Number& n) const { return number_size(n); }
    std::size_t operator()(const Binary& b) const { return b.bytes.size(); }
    std::size_t operator()(bool) const { return 1; }
    std::size_t operator()(const Null&) const { return 1; }
    std::size_t operator()(const AttributeMap& map) const {
      std::size_t size = kContainerOverhead;
      for (const auto& [name, element] : map) {
        size += kElementOverhead + name.size() + value_size(element);
      }
      return size;
    }
    std::size_t operator()(const AttributeList& list) const {
      std::size_t size = kContainerOverhead;
      for (const AttributeValue& element : list) {
        size += kElementOverhead + value_size(element);
      }
      return size;
    }
    // Sets cost the sum of their members, with no overhead.
    std::size_t operator()(const StringSet& set) const { return bytes_of(set.members); }
    std::size_t operator()(const BinarySet& set) const { return bytes_of(set.members); }
    std::size_t operator()(const NumberSet& set) const {
      std::size_t size = 0;
      for (const Number& member : set.members) {
        size += number_size(member);
      }
      return size;
    }
  };
  return std::visit(Visitor{}, value.variant());
}

std::size_t item_size(const Item& item) {
  std::size_t size = 0;
  for (const auto& [name, value] : item) {
    size += name.size() + value_size(value);
  }
  return size;
}

}  // namespace ddblocal
