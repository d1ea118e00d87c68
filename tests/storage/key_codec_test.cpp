// Tests of the item key encoding: that memcmp order of encoded key values is DynamoDB's order
// (over edge cases and random pairs), that encodings compose into composite keys, that the
// partition hash is stable, and that a table's keys stay inside its prefix range.
#include "storage/key_codec.h"

#include <algorithm>
#include <compare>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal::storage {
namespace {

std::string encode(const AttributeValue& value) {
  std::string out;
  append_key_value(out, value);
  return out;
}

// The order RocksDB's default comparator gives, and DynamoDB's order of S and B.
std::strong_ordering compare_bytes(std::string_view a, std::string_view b) {
  auto as_unsigned = [](char c) { return static_cast<unsigned char>(c); };
  return std::lexicographical_compare_three_way(
      a.begin(), a.end(), b.begin(), b.end(),
      [&](char x, char y) { return as_unsigned(x) <=> as_unsigned(y); });
}

bool bytes_less(std::string_view a, std::string_view b) {
  return compare_bytes(a, b) < 0;
}

std::string hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text;
  for (char c : bytes) {
    text.push_back(kDigits[static_cast<unsigned char>(c) >> 4]);
    text.push_back(kDigits[c & 0x0f]);
  }
  return text;
}

std::string describe(const AttributeValue& value) {
  if (const auto* number = value.get_if<Number>()) {
    return number->to_string();
  }
  if (const auto* binary = value.get_if<Binary>()) {
    return "B:" + hex(binary->bytes);
  }
  return "S:" + hex(*value.get_if<std::string>());
}

std::strong_ordering dynamodb_order(const AttributeValue& a, const AttributeValue& b) {
  if (const auto* number = a.get_if<Number>()) {
    return *number <=> *b.get_if<Number>();
  }
  if (const auto* binary = a.get_if<Binary>()) {
    return compare_bytes(binary->bytes, b.get_if<Binary>()->bytes);
  }
  return compare_bytes(*a.get_if<std::string>(), *b.get_if<std::string>());
}

::testing::AssertionResult order_matches(const AttributeValue& a, const AttributeValue& b) {
  std::string ea = encode(a), eb = encode(b);
  if (compare_bytes(ea, eb) == dynamodb_order(a, b)) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure()
         << describe(a) << " -> " << hex(ea) << " vs " << describe(b) << " -> " << hex(eb);
}

void expect_order_over_all_pairs(const std::vector<AttributeValue>& values) {
  for (const AttributeValue& a : values) {
    for (const AttributeValue& b : values) {
      ASSERT_TRUE(order_matches(a, b));
    }
  }
}

// Short byte strings over an alphabet of the bytes the escape treats specially, so that
// prefixes and equal values come up often.
std::string random_bytes(std::mt19937_64& rng) {
  static constexpr char kAlphabet[] = {'\x00', '\x01', '\x7f', '\x80', '\xfe', '\xff', 'a'};
  std::string bytes(rng() % 7, '\0');
  for (char& c : bytes) {
    c = kAlphabet[rng() % sizeof(kAlphabet)];
  }
  return bytes;
}

// Normalized numbers: one in eight zero; digit counts from 1 to 38, often short so that
// prefixes come up; exponents mostly near zero so that equal exponents come up, else anywhere
// in DynamoDB's range.
Number random_number(std::mt19937_64& rng) {
  if (rng() % 8 == 0) {
    return Number();
  }
  std::size_t count = rng() % 2 ? 1 + rng() % 4 : 1 + rng() % 38;
  std::string digits(count, '0');
  for (char& d : digits) {
    d = static_cast<char>('0' + rng() % 10);
  }
  digits.front() = static_cast<char>('1' + rng() % 9);
  digits.back() = static_cast<char>('1' + rng() % 9);
  int exponent = rng() % 4 ? static_cast<int>(rng() % 7) - 3 : static_cast<int>(rng() % 256) - 129;
  return Number::from_parts(rng() % 2 == 0, std::move(digits), exponent);
}

Number parse(std::string_view text) {
  return Number::parse(text).value();
}

TEST(KeyCodec, StringEdgeCasesOrderByUnsignedBytes) {
  std::vector<AttributeValue> values;
  for (const char* text : {"", "a", "ab", "abc", "b", "ba", "\x7f", "\x80", "\xc3\xa9", "\xff",
                           "\xff\xff", "a\xff", "A", "Z"}) {
    values.emplace_back(std::string(text));
  }
  for (std::string text :
       {std::string("\0", 1), std::string("\0\0", 2), std::string("a\0", 2), std::string("a\0b", 3),
        std::string("a\0\xff", 3), std::string("\0\xff", 2), std::string("\x01", 1),
        std::string("\0\x01", 2)}) {
    values.emplace_back(text);
  }
  expect_order_over_all_pairs(values);
}

TEST(KeyCodec, BinaryEdgeCasesOrderByUnsignedBytes) {
  std::vector<AttributeValue> values;
  for (std::string bytes :
       {std::string(), std::string("\0", 1), std::string("\0\0", 2), std::string("\0\xff", 2),
        std::string("\x01", 1), std::string("\xff", 1), std::string("\xff\0", 2),
        std::string("\xff\xff", 2), std::string("ab", 2)}) {
    values.emplace_back(Binary{bytes});
  }
  expect_order_over_all_pairs(values);
}

TEST(KeyCodec, NumberEdgeCasesOrderNumerically) {
  std::vector<AttributeValue> values;
  const std::string nines(38, '9');
  for (const std::string& text :
       std::vector<std::string>{"0",
                                "1",
                                "-1",
                                "2",
                                "-2",
                                "10",
                                "-10",
                                "11",
                                "99",
                                "100",
                                "101",
                                "0.1",
                                "0.12",
                                "0.123",
                                "0.1201",
                                "0.13",
                                "0.2",
                                "-0.1",
                                "-0.12",
                                "-0.123",
                                "-0.13",
                                "1.5",
                                "-1.5",
                                "1e-130",
                                "-1e-130",
                                "2e-130",
                                "1e-129",
                                "1e125",
                                "-1e125",
                                "9.9e125",
                                "-9.9e125",
                                "0." + nines + "e126",
                                "-0." + nines + "e126",
                                "0." + nines + "e-129",
                                "12345678901234567890123456789012345678",
                                "-12345678901234567890123456789012345678",
                                "12345678901234567890123456789012345679",
                                "1234567890123456789012345678901234567e1"}) {
    values.emplace_back(parse(text));
  }
  expect_order_over_all_pairs(values);
}

TEST(KeyCodec, RandomStringPairsOrderByUnsignedBytes) {
  std::mt19937_64 rng(1);
  for (int i = 0; i < 20000; ++i) {
    ASSERT_TRUE(order_matches(random_bytes(rng), random_bytes(rng)));
  }
}

TEST(KeyCodec, RandomBinaryPairsOrderByUnsignedBytes) {
  std::mt19937_64 rng(2);
  for (int i = 0; i < 20000; ++i) {
    ASSERT_TRUE(order_matches(Binary{random_bytes(rng)}, Binary{random_bytes(rng)}));
  }
}

TEST(KeyCodec, RandomNumberPairsOrderNumerically) {
  std::mt19937_64 rng(3);
  for (int i = 0; i < 50000; ++i) {
    Number a = random_number(rng);
    // Half the pairs share a's exponent and a prefix of its digits, the hard cases.
    Number b = random_number(rng);
    if (i % 2 == 0 && !a.is_zero() && !b.is_zero()) {
      std::string digits = a.digits().substr(0, 1 + rng() % a.digits().size());
      digits.erase(digits.find_last_not_of('0') + 1);
      b = Number::from_parts(a.is_negative(), digits + b.digits(), a.exponent());
      if (b.digits().size() > 38) {
        b = Number::from_parts(a.is_negative(), digits, a.exponent());
      }
    }
    ASSERT_TRUE(order_matches(a, b));
  }
}

TEST(KeyCodec, EqualValuesEncodeEqually) {
  EXPECT_EQ(encode(parse("1.50")), encode(parse("15e-1")));
  EXPECT_EQ(encode(parse("-0.0")), encode(parse("0")));
  EXPECT_EQ(encode(std::string("a\0b", 3)), encode(std::string("a\0b", 3)));
}

// Concatenated key values order as (partition, sort) pairs: each encoding ends where it must.
TEST(KeyCodec, ConcatenatedValuesOrderAsPairs) {
  std::mt19937_64 rng(4);
  for (int i = 0; i < 20000; ++i) {
    AttributeValue pk_a = random_bytes(rng), pk_b = random_bytes(rng);
    AttributeValue sk_a = random_number(rng), sk_b = random_number(rng);
    std::strong_ordering expected = dynamodb_order(pk_a, pk_b);
    if (expected == 0) {
      expected = dynamodb_order(sk_a, sk_b);
    }
    ASSERT_EQ(compare_bytes(encode(pk_a) + encode(sk_a), encode(pk_b) + encode(sk_b)), expected)
        << describe(pk_a) << "/" << describe(sk_a) << " vs " << describe(pk_b) << "/"
        << describe(sk_b);
  }
}

TEST(KeyCodec, KeyValuesAreSelfDelimiting) {
  AttributeValue a = std::string("a"), ab = std::string("ab");
  AttributeValue bc = std::string("bc"), c = std::string("c");
  std::string a_bc = encode(a) + encode(bc);
  std::string ab_c = encode(ab) + encode(c);
  EXPECT_NE(a_bc, ab_c);
  EXPECT_TRUE(bytes_less(a_bc, ab_c));  // "a" < "ab" decides, whatever follows
  EXPECT_NE(encode_item_key(1, a, &bc), encode_item_key(1, ab, &c));
}

TEST(KeyCodec, ItemKeysOfOnePartitionOrderBySortKey) {
  std::mt19937_64 rng(5);
  for (AttributeValue partition : {AttributeValue(std::string("p")), AttributeValue(parse("7")),
                                   AttributeValue(Binary{std::string("\0", 1)})}) {
    for (int i = 0; i < 5000; ++i) {
      AttributeValue sk_a = Binary{random_bytes(rng)}, sk_b = Binary{random_bytes(rng)};
      ASSERT_EQ(
          compare_bytes(encode_item_key(9, partition, &sk_a), encode_item_key(9, partition, &sk_b)),
          dynamodb_order(sk_a, sk_b));
    }
  }
}

TEST(KeyCodec, ItemKeyLayout) {
  AttributeValue pk = std::string("user#1"), sk = parse("-3.25");
  std::uint64_t uid = 0x0102030405060708;
  std::string key = encode_item_key(uid, pk, &sk);
  std::uint64_t hash = partition_hash(pk);
  std::string hash_be;
  for (int shift = 56; shift >= 0; shift -= 8) {
    hash_be.push_back(static_cast<char>(hash >> shift));
  }
  EXPECT_EQ(key.substr(0, 8), std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8));
  EXPECT_EQ(key.substr(8, kItemKeyPrefixBytes - 8), hash_be);
  EXPECT_EQ(key.substr(kItemKeyPrefixBytes), encode(pk) + encode(sk));
  EXPECT_EQ(encode_item_key(uid, pk, nullptr), key.substr(0, kItemKeyPrefixBytes) + encode(pk));
}

// The hash is on disk: a change to it would scatter existing items. These values pin it (the
// first 8 bytes of MD5 over "Outliers" and the bytes key_codec.cpp's grammar describes,
// computed with Python's hashlib).
TEST(KeyCodec, PartitionHashIsStable) {
  EXPECT_EQ(partition_hash(std::string("0")), 0x92b36372adfb6180ULL);
  EXPECT_EQ(partition_hash(std::string("\xc3\xa4\xc3\xa1\xc3\xb6\xc3\xbc")), 0xafc23a431bf63913ULL);
  EXPECT_EQ(partition_hash(parse("1")), 0xc3a0310aed78739bULL);
  EXPECT_EQ(partition_hash(parse("10")), 0x3c465f5ad8c28afaULL);
  EXPECT_EQ(partition_hash(parse("-1")), 0x0267df4c95559d50ULL);
  EXPECT_EQ(partition_hash(parse("123.456")), 0x5a80605772ada056ULL);
  EXPECT_EQ(partition_hash(parse("-0.5")), 0xb979203b9f2b611bULL);
  EXPECT_EQ(partition_hash(Binary{std::string("\x01\x02\x03", 3)}), 0x546e0583b1cb0c83ULL);
  EXPECT_EQ(partition_hash(Binary{std::string("\0", 1)}), 0xf71f23f3e334c4e5ULL);
}

// The orders dynalite's scan tests recorded, tests written to pass against DynamoDB itself:
// partitions come in the order of their hashes.
std::vector<AttributeValue> by_hash(std::vector<AttributeValue> keys) {
  std::stable_sort(keys.begin(), keys.end(), [](const AttributeValue& a, const AttributeValue& b) {
    return partition_hash(a) < partition_hash(b);
  });
  return keys;
}

TEST(KeyCodec, PartitionHashOrdersStringsAsDynamoDbScans) {
  std::vector<AttributeValue> keys;
  for (const char* key : {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "aardman", "hello",
                          "zapf", "\xc3\xa4\xc3\xa1\xc3\xb6\xc3\xbc"}) {
    keys.push_back(std::string(key));
  }
  std::vector<AttributeValue> expected;
  for (const char* key : {"2", "8", "9", "1", "6", "hello", "0", "5", "4",
                          "\xc3\xa4\xc3\xa1\xc3\xb6\xc3\xbc", "aardman", "7", "3", "zapf"}) {
    expected.push_back(std::string(key));
  }
  EXPECT_EQ(by_hash(keys), expected);
}

TEST(KeyCodec, PartitionHashOrdersNumbersAsDynamoDbScans) {
  std::vector<AttributeValue> keys;
  for (const char* key :
       {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-0.09", "999.9", "0.012345", "-999.9"}) {
    keys.push_back(parse(key));
  }
  std::vector<AttributeValue> expected;
  for (const char* key :
       {"7", "999.9", "8", "3", "2", "-999.9", "9", "4", "-0.09", "6", "1", "0", "0.012345", "5"}) {
    expected.push_back(parse(key));
  }
  EXPECT_EQ(by_hash(keys), expected);
}

TEST(KeyCodec, PartitionHashOfEqualValuesIsEqual) {
  EXPECT_EQ(partition_hash(parse("1.50")), partition_hash(parse("15e-1")));
  EXPECT_EQ(partition_hash(parse("150")), partition_hash(parse("1.5e2")));
  EXPECT_EQ(partition_hash(parse("1E+2")), partition_hash(parse("100.0")));
  EXPECT_EQ(partition_hash(parse("-0.0")), partition_hash(parse("0")));
  EXPECT_NE(partition_hash(parse("1.5")), partition_hash(parse("-1.5")));
  EXPECT_NE(partition_hash(parse("1.5")), partition_hash(parse("15")));
}

// DynamoDB hashes a key's bytes, not its type: a string and a binary of the same bytes hash
// alike (a table's partition key has one type, so they never meet).
TEST(KeyCodec, PartitionHashIsOfTheKeysBytes) {
  EXPECT_EQ(partition_hash(std::string("1")), partition_hash(Binary{"1"}));
  EXPECT_NE(partition_hash(std::string("1")), partition_hash(parse("1")));
  // 38 digits, negative: no terminator byte after 19 or more base-100 digits.
  EXPECT_NE(partition_hash(parse("-12345678901234567890123456789012345678")),
            partition_hash(parse("-1234567890123456789012345678901234567")));
}

TEST(KeyCodec, TableKeysLieWithinTablePrefixRange) {
  std::mt19937_64 rng(6);
  constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
  for (std::uint64_t uid : {std::uint64_t{1}, std::uint64_t{255}, std::uint64_t{256},
                            std::uint64_t{0xffffffff}, kMax - 1}) {
    std::string low = encode_table_prefix(uid), high = encode_table_prefix(uid + 1);
    ASSERT_EQ(low.size(), 8u);
    ASSERT_TRUE(bytes_less(encode_table_prefix(uid - 1), low));
    ASSERT_TRUE(bytes_less(low, high));
    for (int i = 0; i < 200; ++i) {
      AttributeValue pk = random_bytes(rng), sk = random_number(rng);
      std::string key = encode_item_key(uid, pk, &sk);
      ASSERT_EQ(key.substr(0, 8), low);
      ASSERT_FALSE(bytes_less(key, low));
      ASSERT_TRUE(bytes_less(key, high));
      ASSERT_TRUE(bytes_less(encode_item_key(uid - 1, pk, &sk), low));
      ASSERT_FALSE(bytes_less(encode_item_key(uid + 1, pk, &sk), high));
    }
  }
}

}  // namespace
}  // namespace ddblocal::storage
