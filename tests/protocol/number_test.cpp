// Tests for Number: parsing and its error messages, the canonical text DynamoDB answers with
// (pairs observed from DynamoDB Local), exact ordering, addition and subtraction checked against
// native integers, and the errors of out-of-range or inexact results.
#include "protocol/number.h"

#include <random>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

const std::string kNotANumber = "The parameter cannot be converted to a numeric value";
const std::string kTooPrecise = "Attempting to store more than 38 significant digits in a Number";
const std::string kOverflow =
    "Number overflow. Attempting to store a number with magnitude larger than supported range";
const std::string kUnderflow =
    "Number underflow. Attempting to store a number with magnitude smaller than supported range";

Number parse_ok(std::string_view text) {
  Result<Number> result = Number::parse(text);
  EXPECT_TRUE(result.has_value()) << "text: " << text << " error: " << result.error().message();
  return result.has_value() ? result.value() : Number();
}

std::string parse_error(std::string_view text) {
  Result<Number> result = Number::parse(text);
  if (result.has_value()) {
    ADD_FAILURE() << "accepted: " << text;
    return "";
  }
  EXPECT_EQ(result.error().type(), ErrorType::kValidation);
  return result.error().message();
}

TEST(Number, PrintsWhatDynamoDbReturns) {
  // Each pair is what a PutItem then GetItem on DynamoDB Local returned.
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"1.0", "1"},
      {"-0", "0"},
      {"0.000", "0"},
      {"1e2", "100"},
      {"1E+2", "100"},
      {"1.50", "1.5"},
      {"0.001", "0.001"},
      {"-1.23e-5", "-0.0000123"},
      {"123456789012345678901234567890123456780", "123456789012345678901234567890123456780"},
      {"1e125", "1" + std::string(125, '0')},
      {"9.9999999999999999999999999999999999999E+125", std::string(38, '9') + std::string(88, '0')},
      {"1e-130", "0." + std::string(129, '0') + "1"},
      {"1E-130", "0." + std::string(129, '0') + "1"},
      {"0.1000e-129", "0." + std::string(129, '0') + "1"},
      {"00012", "12"},
      {"+1", "1"},
      {"+.5", "0.5"},
      {".5", "0.5"},
      {"5.", "5"},
      {"1.e3", "1000"},
      {"-.5e1", "-5"},
      {"1E-1", "0.1"},
      {"-12.3400", "-12.34"},
      {"0e999999", "0"},
      {"-0.0e-5", "0"},
      {"1e+0125", "1" + std::string(125, '0')},
      {"1e0000000000000000000000000000000000000000000000000000001", "10"},
      {"99999999999999999999999999999999999999e88", std::string(38, '9') + std::string(88, '0')},
      {"1." + std::string(50, '0'), "1"},
      {std::string(55, '0') + "1", "1"},
      {"-17.4E37", "-174" + std::string(36, '0')},
      {"3.1415926535897932384626433832795028841", "3.1415926535897932384626433832795028841"},
  };
  for (const auto& [text, expected] : cases) {
    EXPECT_EQ(parse_ok(text).to_string(), expected) << "text: " << text;
  }
}

TEST(Number, NormalizesToDigitsAndExponent) {
  Number n = parse_ok("1.500e2");
  EXPECT_EQ(n.digits(), "15");
  EXPECT_EQ(n.exponent(), 3);
  EXPECT_FALSE(n.is_negative());

  Number small = parse_ok("-0.00120");
  EXPECT_EQ(small.digits(), "12");
  EXPECT_EQ(small.exponent(), -2);
  EXPECT_TRUE(small.is_negative());

  Number zero = parse_ok("-0.0e7");
  EXPECT_TRUE(zero.is_zero());
  EXPECT_FALSE(zero.is_negative());
  EXPECT_EQ(zero, Number());
  EXPECT_EQ(parse_ok("120"), parse_ok("1.2e2"));
}

TEST(Number, RejectsTextThatIsNotANumber) {
  const std::vector<std::string> cases = {
      "abc",      "1.2.3",     "NaN",  "-NaN",
      "Infinity", "-Infinity", "0x10", ".",
      "e5",       " 1",        "1 ",   "\t1",
      "1\n",      " ",         "-",    "+",
      "-e1",      "1e",        "1e+",  "1e1.5",
      "1e-+1",    "--1",       "+-1",  "1_000",
      "1,5",      "1d",        "1f",   "\xd9\xa1" /* Arabic-Indic digit one */,
      "1e5x",
  };
  for (const std::string& text : cases) {
    EXPECT_EQ(parse_error(text), kNotANumber + ": " + text);
  }
  EXPECT_EQ(parse_error(""), kNotANumber);
}

TEST(Number, RejectsExponentsBeyondThirtyTwoBitsAsNotANumber) {
  for (const std::string text :
       {"1e999999999999", "1e2147483648", "1e-2147483649", "0e2147483648", "0e99999999999999",
        "1e1000000000000000000000000000", "1e-2147483648", "0.01e-2147483647"}) {
    EXPECT_EQ(parse_error(text), kNotANumber + ": " + text);
  }
  // Exponents that fit are range errors, computed without overflow.
  EXPECT_EQ(parse_error("1e2147483647"), kOverflow);
  EXPECT_EQ(parse_error("1.5e2147483647"), kOverflow);
  EXPECT_EQ(parse_error("123.4e2147483647"), kOverflow);
  EXPECT_EQ(parse_error("1e-2147483647"), kUnderflow);
}

TEST(Number, LimitsSignificantDigitsToThirtyEight) {
  const std::string digits38 = "12345678901234567890123456789012345678";
  EXPECT_EQ(parse_ok(digits38).digits(), digits38);
  EXPECT_EQ(parse_ok("000." + digits38 + "000e10").digits(), digits38);
  EXPECT_EQ(parse_error(digits38 + "9"), kTooPrecise);
  EXPECT_EQ(parse_error("-1.23456789012345678901234567890123456789"), kTooPrecise);
  EXPECT_EQ(parse_error("314159265358979323846264338327950288419e30"), kTooPrecise);
  // The precision check comes before the range check.
  EXPECT_EQ(parse_error(digits38 + "1e200"), kTooPrecise);
  EXPECT_EQ(parse_error(digits38 + "1e-200"), kTooPrecise);
  EXPECT_EQ(parse_error("9.99999999999999999999999999999999999999e125"), kTooPrecise);
}

TEST(Number, LimitsMagnitudeToSupportedRange) {
  EXPECT_EQ(parse_error("1e126"), kOverflow);
  EXPECT_EQ(parse_error("-1e126"), kOverflow);
  EXPECT_EQ(parse_error("11e125"), kOverflow);
  EXPECT_EQ(parse_error("1e-131"), kUnderflow);
  EXPECT_EQ(parse_error("-1e-131"), kUnderflow);
  EXPECT_EQ(parse_error("0.9e-130"), kUnderflow);
  EXPECT_EQ(parse_error("9.99999e-131"), kUnderflow);
  EXPECT_EQ(parse_ok("-9.99999999e125").exponent(), 126);
  EXPECT_EQ(parse_ok("-1e-130").exponent(), -129);
}

TEST(Number, HandlesVeryLongText) {
  EXPECT_EQ(parse_error("1" + std::string(5000, '0')), kOverflow);
  EXPECT_EQ(parse_error("0." + std::string(5000, '0') + "1"), kUnderflow);
  EXPECT_TRUE(parse_ok(std::string(5000, '0')).is_zero());
  EXPECT_EQ(parse_ok(std::string(5000, '0') + "7." + std::string(5000, '0')).to_string(), "7");
  EXPECT_EQ(parse_error(std::string(5000, '9')), kTooPrecise);
}

TEST(Number, OrdersBySignThenMagnitude) {
  const std::vector<std::string> ascending = {
      "-9.9e125", "-1e100", "-151", "-150", "-15", "-1", "-0.5",  "-1e-130", "0",
      "1e-130",   "0.015",  "0.15", "1",    "1.5", "15", "150.1", "151",     "9.9e125",
  };
  for (std::size_t i = 0; i < ascending.size(); ++i) {
    for (std::size_t j = 0; j < ascending.size(); ++j) {
      EXPECT_EQ(parse_ok(ascending[i]) <=> parse_ok(ascending[j]), i <=> j)
          << ascending[i] << " vs " << ascending[j];
    }
  }
  EXPECT_EQ(parse_ok("-0") <=> parse_ok("0.000"), std::strong_ordering::equal);
}

// Random numbers m x 10^e (|e| <= shift) as text, each with the native integer
// m x 10^(e + shift) that stands for it exactly.
class RandomOperands {
 public:
  RandomOperands(std::uint64_t seed, int shift)
      : rng_(seed), shift_(shift), exponent_(-shift, shift) {}

  // Every other draw has a small mantissa, which makes ties and near ties common.
  std::pair<std::string, __int128> draw(int i) {
    std::int64_t m = i % 2 == 0 ? small_(rng_) : mantissa_(rng_);
    int e = exponent_(rng_);
    __int128 native = m;
    for (int k = 0; k < e + shift_; ++k) {
      native *= 10;
    }
    return {std::to_string(m) + "e" + std::to_string(e), native};
  }

 private:
  std::mt19937_64 rng_;
  int shift_;
  std::uniform_int_distribution<std::int64_t> mantissa_{-1'000'000'000'000'000,
                                                        1'000'000'000'000'000};
  std::uniform_int_distribution<int> small_{-20, 20};
  std::uniform_int_distribution<int> exponent_;
};

// Random m x 10^e pairs, written in varied forms, ordered exactly as the native integers
// m x 10^(e + kShift) order.
TEST(Number, OrderingMatchesNativeIntegerArithmetic) {
  RandomOperands operands(20240611, 6);
  for (int i = 0; i < 20000; ++i) {
    auto [a_text, a] = operands.draw(i);
    auto [b_text, b] = operands.draw(i);
    Number x = parse_ok(a_text);
    Number y = parse_ok(b_text);
    ASSERT_EQ(x <=> y, a <=> b) << a_text << " vs " << b_text;
    ASSERT_EQ(x == y, a == b) << a_text << " vs " << b_text;
    ASSERT_EQ(parse_ok(x.to_string()), x) << a_text;
  }
}

TEST(Number, FromPartsRoundTripsThroughText) {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> length(1, 38);
  std::uniform_int_distribution<int> digit(0, 9);
  std::uniform_int_distribution<int> exponent(-129, 126);
  for (int i = 0; i < 5000; ++i) {
    std::string digits;
    for (int n = length(rng); static_cast<int>(digits.size()) < n;) {
      digits.push_back(static_cast<char>('0' + digit(rng)));
    }
    digits.front() = static_cast<char>('1' + digit(rng) % 9);
    digits.back() = static_cast<char>('1' + digit(rng) % 9);
    Number built = Number::from_parts(i % 2 == 1, digits, exponent(rng));
    Number reparsed = parse_ok(built.to_string());
    ASSERT_EQ(reparsed, built) << built.to_string();
    ASSERT_EQ(reparsed.digits(), digits);
    ASSERT_EQ(reparsed.exponent(), built.exponent());
    ASSERT_EQ(reparsed.is_negative(), i % 2 == 1);
  }
}

Number add_ok(std::string_view a, std::string_view b) {
  Result<Number> sum = parse_ok(a).add(parse_ok(b));
  EXPECT_TRUE(sum.has_value()) << a << " + " << b << ": " << sum.error().message();
  return sum.has_value() ? sum.value() : Number();
}

Number subtract_ok(std::string_view a, std::string_view b) {
  Result<Number> difference = parse_ok(a).subtract(parse_ok(b));
  EXPECT_TRUE(difference.has_value()) << a << " - " << b << ": " << difference.error().message();
  return difference.has_value() ? difference.value() : Number();
}

std::string arithmetic_error(const Result<Number>& result) {
  if (result.has_value()) {
    ADD_FAILURE() << "accepted, gave " << result.value().to_string();
    return "";
  }
  EXPECT_EQ(result.error().type(), ErrorType::kValidation);
  return result.error().message();
}

TEST(Number, AddsAndSubtractsExactly) {
  // Each row is what UpdateItem SET a = :a + :b (or - :b) stored on DynamoDB Local.
  struct Row {
    std::string a, b, sum, difference;
  };
  const std::vector<Row> rows = {
      {"1", "-1", "0", "2"},
      {"99999999999999999999999999999999999999", "1", "1" + std::string(38, '0'),
       "99999999999999999999999999999999999998"},
      {"1e125", "9e125", "", "-8" + std::string(125, '0')},
      {"1e37", "1", "10000000000000000000000000000000000001", std::string(37, '9')},
      {"1", "1e-37", "1.0000000000000000000000000000000000001",
       "0.9999999999999999999999999999999999999"},
      {"1e-130", "1e-130", "0." + std::string(129, '0') + "2", "0"},
      {"1e-129", "-0.9e-129", "0." + std::string(129, '0') + "1",
       "0." + std::string(128, '0') + "19"},
      {"1e38", "-1", std::string(38, '9'), ""},
      {"0", "-5.5", "-5.5", "5.5"},
      {"12.5", "0", "12.5", "12.5"},
      {"0.1", "0.2", "0.3", "-0.1"},
      {"-0.3", "0.1", "-0.2", "-0.4"},
      {"1E+2", "-1E+2", "0", "200"},
      {"1.0000000000000000000000000000000000001e-100", "1e-100",
       "0." + std::string(99, '0') + "20000000000000000000000000000000000001", ""},
  };
  for (const Row& row : rows) {
    if (!row.sum.empty()) {
      EXPECT_EQ(add_ok(row.a, row.b).to_string(), row.sum) << row.a << " + " << row.b;
    }
    if (!row.difference.empty()) {
      EXPECT_EQ(subtract_ok(row.a, row.b).to_string(), row.difference) << row.a << " - " << row.b;
    }
  }
}

TEST(Number, ArithmeticResultsKeepTheInvariants) {
  Number sum = add_ok("0.75", "0.25");
  EXPECT_EQ(sum.digits(), "1");
  EXPECT_EQ(sum.exponent(), 1);
  Number zero = subtract_ok("-7.5", "-7.50");
  EXPECT_TRUE(zero.is_zero());
  EXPECT_FALSE(zero.is_negative());
  EXPECT_EQ(zero, Number());
  EXPECT_TRUE(subtract_ok("3", "5").is_negative());
  EXPECT_EQ(subtract_ok("150", "50").digits(), "1");
}

TEST(Number, RejectsResultsOutOfRange) {
  // DynamoDB Local, SET a = :a + :b with these operands.
  EXPECT_EQ(arithmetic_error(parse_ok("1e125").add(parse_ok("9e125"))), kOverflow);
  EXPECT_EQ(arithmetic_error(parse_ok("-1e125").add(parse_ok("-9e125"))), kOverflow);
  EXPECT_EQ(arithmetic_error(parse_ok("9e125").subtract(parse_ok("-9e125"))), kOverflow);
  EXPECT_EQ(arithmetic_error(
                parse_ok("9.9999999999999999999999999999999999999E+125").add(parse_ok("1e88"))),
            kOverflow);
  EXPECT_EQ(
      arithmetic_error(
          parse_ok("1.0000000000000000000000000000000000001e-100").subtract(parse_ok("1e-100"))),
      kUnderflow);
  EXPECT_EQ(arithmetic_error(
                parse_ok("-1.0000000000000000000000000000000000001e-100").add(parse_ok("1e-100"))),
            kUnderflow);
}

TEST(Number, RejectsInexactResultsWithTheOverflowMessage) {
  // DynamoDB rejects rather than rounds. Real DynamoDB says "Number overflow..." for 1e50 + 1
  // (Alternator's test_update_expression_plus_imprecise); DynamoDB Local says "DynamoDB only
  // supports precision up to 38 digits" for all of these.
  const std::vector<std::pair<std::string, std::string>> sums = {
      {"1e50", "1"},
      {"1", "1e-40"},
      {"1", "-1e-40"},
      {"1e38", "1"},
      {"1", "1e-38"},
      {"1e39", "-1"},
      {"12345678901234567890123456789012345678", "0.5"},
      {"1e-129", "1e-40"},
  };
  for (const auto& [a, b] : sums) {
    EXPECT_EQ(arithmetic_error(parse_ok(a).add(parse_ok(b))), kOverflow) << a << " + " << b;
  }
  EXPECT_EQ(arithmetic_error(parse_ok("1e50").subtract(parse_ok("1"))), kOverflow);
  EXPECT_EQ(arithmetic_error(parse_ok("1e38").subtract(parse_ok("-1"))), kOverflow);
}

std::string int128_text(__int128 value) {
  if (value == 0) {
    return "0";
  }
  bool negative = value < 0;
  std::string text;
  for (; value != 0; value /= 10) {
    int digit = static_cast<int>(value % 10);
    text.insert(text.begin(), static_cast<char>('0' + (negative ? -digit : digit)));
  }
  return negative ? "-" + text : text;
}

// Random m x 10^e operands, small enough that every result is exact and fits in __int128: their
// sum and difference must equal the native integer results scaled back by 10^-kShift.
TEST(Number, ArithmeticMatchesNativeIntegerArithmetic) {
  constexpr int kShift = 8;
  RandomOperands operands(515, kShift);
  auto scaled = [&](__int128 native) {
    return parse_ok(int128_text(native) + "e-" + std::to_string(kShift));
  };
  for (int i = 0; i < 20000; ++i) {
    auto [a_text, a] = operands.draw(i);
    auto [b_text, b] = operands.draw(i);
    ASSERT_EQ(add_ok(a_text, b_text), scaled(a + b)) << a_text << " + " << b_text;
    ASSERT_EQ(subtract_ok(a_text, b_text), scaled(a - b)) << a_text << " - " << b_text;
  }
}

TEST(Number, FromPartsWithNoDigitsIsZero) {
  Number zero = Number::from_parts(true, "", 5);
  EXPECT_TRUE(zero.is_zero());
  EXPECT_FALSE(zero.is_negative());
  EXPECT_EQ(zero, Number());
  EXPECT_EQ(zero.to_string(), "0");
}

}  // namespace
}  // namespace ddblocal
