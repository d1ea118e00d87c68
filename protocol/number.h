// Number: DynamoDB's exact decimal. Up to 38 significant digits, magnitude from 1e-130 to
// below 1e126, zero included. Never converted to a double.
#pragma once

#include <compare>
#include <string>
#include <string_view>

#include "protocol/result.h"

namespace ddblocal {

class Number {
 public:
  // Zero.
  Number() = default;

  // Parses the text of a DynamoDB number ("-12.50", "1e3", "+.5"). Fails with DynamoDB's
  // ValidationException when the text is not a number, has more than 38 significant digits,
  // or is out of range.
  static Result<Number> parse(std::string_view text);

  // Builds a number from parts already normalized as digits()/exponent() describe them.
  // REQUIRES: digits has no leading or trailing '0', at most 38 chars; empty digits means zero.
  static Number from_parts(bool negative, std::string digits, int exponent);

  // The canonical text DynamoDB answers with: no exponent, no leading or trailing zeros,
  // no "+", "-0" as "0" ("1.500e2" -> "150", "-0.0" -> "0").
  std::string to_string() const;

  bool is_zero() const { return digits_.empty(); }
  bool is_negative() const { return negative_; }
  // The significant digits, without leading or trailing zeros; empty for zero.
  const std::string& digits() const { return digits_; }
  // The value is 0.<digits> x 10^exponent() (so 150 is digits "15", exponent 3).
  // Meaningless for zero.
  int exponent() const { return exponent_; }

  // The exact sum and difference, as UpdateExpression's + and - and ADD compute them. Fails
  // with DynamoDB's ValidationException when the exact result is out of range, or needs more
  // than 38 significant digits (DynamoDB rejects rather than rounds, with the overflow message).
  Result<Number> add(const Number& other) const;
  Result<Number> subtract(const Number& other) const;

  std::strong_ordering operator<=>(const Number& other) const;
  bool operator==(const Number& other) const = default;

 private:
  bool negative_ = false;
  std::string digits_;
  int exponent_ = 0;
};

// Appends the canonical text (as Number::to_string) of the number 0.<digits> x 10^exponent,
// negative when asked; empty digits are zero. For readers that hold a number's parts and no
// Number: a stored item written straight to JSON.
void append_number_text(std::string& out, bool negative, std::string_view digits, int exponent);

}  // namespace ddblocal
