#include "protocol/time_to_live.h"

#include <limits>

namespace ddblocal {
namespace {

// The integer part of a non-negative number, saturated at the largest int64.
std::int64_t integer_part(const Number& number) {
  if (number.is_zero() || number.exponent() <= 0) {
    return 0;
  }
  constexpr int kMaxDigits = std::numeric_limits<std::int64_t>::digits10;
  if (number.exponent() > kMaxDigits) {
    return std::numeric_limits<std::int64_t>::max();
  }
  std::int64_t value = 0;
  const std::string& digits = number.digits();
  for (int i = 0; i < number.exponent(); ++i) {
    const std::size_t at = static_cast<std::size_t>(i);
    value = value * 10 + (at < digits.size() ? digits[at] - '0' : 0);
  }
  return value;
}

}  // namespace

std::optional<std::int64_t> expiry_time(const Item& item, const std::string& attribute,
                                        std::int64_t now) {
  auto it = item.find(attribute);
  const Number* number = it == item.end() ? nullptr : it->second.get_if<Number>();
  if (number == nullptr || number->is_negative()) {
    return std::nullopt;
  }
  const std::int64_t expiry = integer_part(*number);
  if (expiry < now - kMaxExpiredAgeSeconds) {
    return std::nullopt;
  }
  return expiry;
}

}  // namespace ddblocal
