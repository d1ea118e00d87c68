// Number: parsing DynamoDB's number text into a normalized decimal (sign, significant digits,
// exponent), printing it back the way DynamoDB does, exact comparison, addition and
// subtraction. No floating point.
#include "protocol/number.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace ddblocal {
namespace {

constexpr std::size_t kMaxSignificantDigits = 38;
// In the 0.<digits> x 10^exponent form: 1e-130 is 0.1e-129, and 1e126 is 0.1e127.
constexpr std::int64_t kMinExponent = -129;
constexpr std::int64_t kMaxExponent = 126;

constexpr char kNotANumber[] = "The parameter cannot be converted to a numeric value";
constexpr char kTooPrecise[] = "Attempting to store more than 38 significant digits in a Number";
constexpr char kOverflow[] =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
constexpr char kUnderflow[] =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";

// DynamoDB echoes the rejected text after the message, except when the text is empty.
ApiError not_a_number(std::string_view text) {
  std::string message = kNotANumber;
  if (!text.empty()) {
    message.append(": ").append(text);
  }
  return ApiError::validation(std::move(message));
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

bool fits_int32(std::int64_t value) {
  return value >= std::numeric_limits<std::int32_t>::min() &&
         value <= std::numeric_limits<std::int32_t>::max();
}

// Reads the run of ASCII digits at text[pos...] and advances pos past it.
std::string_view take_digits(std::string_view text, std::size_t& pos) {
  std::size_t start = pos;
  while (pos < text.size() && is_digit(text[pos])) {
    ++pos;
  }
  return text.substr(start, pos - start);
}

// The magnitude of a nonzero number as one digit per position (most significant first),
// covering the decimal positions from weight high - 1 down to weight low.
std::vector<int> place_digits(const std::string& digits, int exponent, int high, int low) {
  std::vector<int> placed(static_cast<std::size_t>(high - low), 0);
  std::size_t offset = static_cast<std::size_t>(high - exponent);
  for (std::size_t i = 0; i < digits.size(); ++i) {
    placed[offset + i] = digits[i] - '0';
  }
  return placed;
}

}  // namespace

Result<Number> Number::parse(std::string_view text) {
  std::size_t pos = 0;
  bool negative = false;
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    negative = text[pos++] == '-';
  }
  std::string mantissa(take_digits(text, pos));
  std::size_t fraction_length = 0;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    std::string_view fraction = take_digits(text, pos);
    mantissa.append(fraction);
    fraction_length = fraction.size();
  }
  if (mantissa.empty()) {
    return not_a_number(text);
  }

  std::int64_t exponent = 0;
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    bool exponent_negative = false;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
      exponent_negative = text[pos++] == '-';
    }
    std::string_view exponent_digits = take_digits(text, pos);
    if (exponent_digits.empty()) {
      return not_a_number(text);
    }
    exponent_digits.remove_prefix(
        std::min(exponent_digits.find_first_not_of('0'), exponent_digits.size()));
    // More than 10 digits cannot fit in 32 bits; checking first keeps the int64 from overflowing.
    if (exponent_digits.size() > 10) {
      return not_a_number(text);
    }
    for (char c : exponent_digits) {
      exponent = exponent * 10 + (c - '0');
    }
    if (exponent_negative) {
      exponent = -exponent;
    }
  }
  if (pos != text.size()) {
    return not_a_number(text);
  }
  // DynamoDB rejects, as not a number, an exponent or a scale (fraction digits minus exponent)
  // that does not fit in 32 bits, even for zero ("0e2147483648").
  if (!fits_int32(exponent) || !fits_int32(static_cast<std::int64_t>(fraction_length) - exponent)) {
    return not_a_number(text);
  }

  std::size_t first = mantissa.find_first_not_of('0');
  if (first == std::string::npos) {
    return Number();
  }
  std::size_t last = mantissa.find_last_not_of('0');
  // mantissa x 10^(exponent - fraction_length), moved to the 0.<digits> form.
  std::int64_t normalized_exponent = static_cast<std::int64_t>(mantissa.size() - first) -
                                     static_cast<std::int64_t>(fraction_length) + exponent;
  if (last - first + 1 > kMaxSignificantDigits) {
    return ApiError::validation(kTooPrecise);
  }
  if (normalized_exponent > kMaxExponent) {
    return ApiError::validation(kOverflow);
  }
  if (normalized_exponent < kMinExponent) {
    return ApiError::validation(kUnderflow);
  }
  return from_parts(negative, mantissa.substr(first, last - first + 1),
                    static_cast<int>(normalized_exponent));
}

Number Number::from_parts(bool negative, std::string digits, int exponent) {
  Number number;
  if (!digits.empty()) {
    number.negative_ = negative;
    number.digits_ = std::move(digits);
    number.exponent_ = exponent;
  }
  return number;
}

void append_number_text(std::string& out, bool negative, std::string_view digits, int exponent) {
  if (digits.empty()) {
    out.push_back('0');
    return;
  }
  if (negative) {
    out.push_back('-');
  }
  const int length = static_cast<int>(digits.size());
  if (exponent <= 0) {
    out.append("0.").append(-exponent, '0').append(digits);
  } else if (exponent >= length) {
    out.append(digits).append(exponent - length, '0');
  } else {
    out.append(digits.substr(0, exponent)).append(".").append(digits.substr(exponent));
  }
}

std::string Number::to_string() const {
  std::string text;
  append_number_text(text, negative_, digits_, exponent_);
  return text;
}

Result<Number> Number::add(const Number& other) const {
  if (other.is_zero()) {
    return *this;
  }
  if (is_zero()) {
    return other;
  }
  // Both operands on one grid of decimal positions: at most 38 + (126 - (-129)) + 38 of them.
  int high = std::max(exponent_, other.exponent_);
  int low = std::min(exponent_ - static_cast<int>(digits_.size()),
                     other.exponent_ - static_cast<int>(other.digits_.size()));
  std::vector<int> a = place_digits(digits_, exponent_, high, low);
  std::vector<int> b = place_digits(other.digits_, other.exponent_, high, low);

  bool negative = negative_;
  std::vector<int> sum(a.size() + 1, 0);  // sum[0] takes the final carry
  if (negative_ == other.negative_) {
    int carry = 0;
    for (std::size_t i = a.size(); i-- > 0;) {
      int digit = a[i] + b[i] + carry;
      sum[i + 1] = digit % 10;
      carry = digit / 10;
    }
    sum[0] = carry;
  } else {
    // Subtract the smaller magnitude from the larger; the result takes the larger's sign.
    if (a < b) {
      std::swap(a, b);
      negative = other.negative_;
    }
    int borrow = 0;
    for (std::size_t i = a.size(); i-- > 0;) {
      int digit = a[i] - b[i] - borrow;
      borrow = digit < 0 ? 1 : 0;
      sum[i + 1] = digit + 10 * borrow;
    }
  }

  std::size_t first = 0;
  while (first < sum.size() && sum[first] == 0) {
    ++first;
  }
  if (first == sum.size()) {
    return Number();
  }
  std::size_t last = sum.size() - 1;
  while (sum[last] == 0) {
    --last;
  }
  // sum[0] stands for weight high, so the leading digit sum[first] is 0.d x 10^(high + 1 - first).
  int exponent = high + 1 - static_cast<int>(first);
  // Real DynamoDB reports a result that would need rounding with the overflow message
  // (Alternator's test_update_expression_plus_imprecise); DynamoDB Local instead says
  // "DynamoDB only supports precision up to 38 digits".
  if (last - first + 1 > kMaxSignificantDigits || exponent > kMaxExponent) {
    return ApiError::validation(kOverflow);
  }
  if (exponent < kMinExponent) {
    return ApiError::validation(kUnderflow);
  }
  std::string digits;
  for (std::size_t i = first; i <= last; ++i) {
    digits.push_back(static_cast<char>('0' + sum[i]));
  }
  return from_parts(negative, std::move(digits), exponent);
}

Result<Number> Number::subtract(const Number& other) const {
  return add(from_parts(!other.negative_, other.digits_, other.exponent_));
}

std::strong_ordering Number::operator<=>(const Number& other) const {
  auto sign = [](const Number& n) { return n.is_zero() ? 0 : (n.negative_ ? -1 : 1); };
  if (auto by_sign = sign(*this) <=> sign(other); by_sign != 0 || is_zero()) {
    return by_sign;
  }
  // Same sign, both nonzero: compare magnitudes. Without trailing zeros, the digit strings
  // compare lexicographically exactly as the fractions 0.<digits> compare.
  std::strong_ordering magnitude = exponent_ <=> other.exponent_;
  if (magnitude == 0) {
    magnitude = digits_ <=> other.digits_;
  }
  return negative_ ? 0 <=> magnitude : magnitude;
}

}  // namespace ddblocal
