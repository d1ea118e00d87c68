// Number: the text of a DynamoDB number in, exact decimal arithmetic out. The input is one or
// two texts separated by '|'. Each that parses must be well formed and print as text that
// parses back to the same number; two that parse must add and subtract without undefined
// behaviour, exactly (a + b - b == a), commutatively, and consistently with their ordering.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "protocol/number.h"
#include "tests/fuzz/fuzz_check.h"

namespace ddblocal::fuzz {
namespace {

// Parses `text`; on success checks the canonical text and returns the number.
Result<Number> parse_checked(std::string_view text) {
  Result<Number> number = Number::parse(text);
  if (!number) {
    check_client_error(number.error());
    return number;
  }
  check(well_formed(*number), "Number::parse made a number that is not well formed");
  const std::string canonical = number->to_string();
  Result<Number> again = Number::parse(canonical);
  if (!again) {
    fail("the canonical text does not parse: " + canonical);
  }
  if (*again != *number || again->to_string() != canonical) {
    fail("the canonical text parses to another number: " + canonical);
  }
  check((*number <=> *again) == 0, "a number does not compare equal to itself");
  return number;
}

Number negated(const Number& n) {
  return n.is_zero() ? n : Number::from_parts(!n.is_negative(), n.digits(), n.exponent());
}

void check_arithmetic(const Number& a, const Number& b) {
  Result<Number> sum = a.add(b);
  Result<Number> sum_swapped = b.add(a);
  check(sum.has_value() == sum_swapped.has_value(), "a + b and b + a disagree on failing");
  if (sum) {
    check(well_formed(*sum), "a sum is not well formed");
    check(*sum == *sum_swapped, "a + b != b + a");
    // Exact arithmetic: undoing the addition gives a back, whenever b fits.
    Result<Number> back = sum->subtract(b);
    if (!back) {
      fail("(a + b) - b fails: " + back.error().message());
    }
    check(*back == a, "(a + b) - b != a");
  } else {
    check_client_error(sum.error());
  }

  Result<Number> difference = a.subtract(b);
  Result<Number> reverse = b.subtract(a);
  check(difference.has_value() == reverse.has_value(), "a - b and b - a disagree on failing");
  if (difference) {
    check(well_formed(*difference), "a difference is not well formed");
    check(*difference == negated(*reverse), "a - b != -(b - a)");
    const std::strong_ordering order = a <=> b;
    if (difference->is_zero()) {
      check(order == 0 && a == b, "a - b == 0, yet a != b");
    } else if (difference->is_negative()) {
      check(order < 0, "a - b < 0, yet a >= b");
    } else {
      check(order > 0, "a - b > 0, yet a <= b");
    }
  } else {
    check_client_error(difference.error());
  }

  Result<Number> zero = a.subtract(a);
  check(zero.has_value() && zero->is_zero(), "a - a != 0");
}

}  // namespace
}  // namespace ddblocal::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ddblocal;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t bar = input.find('|');
  Result<Number> a = fuzz::parse_checked(input.substr(0, bar));
  if (bar == std::string_view::npos) {
    return 0;
  }
  Result<Number> b = fuzz::parse_checked(input.substr(bar + 1));
  if (a && b) {
    fuzz::check_arithmetic(*a, *b);
  }
  return 0;
}
