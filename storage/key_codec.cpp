// Item keys in RocksDB: an order-preserving byte encoding of key values, the partition hash,
// and the item key that joins them. The format, written to disk (do not change it):
//
//   item_key     := table_uid:fixed64be partition_hash:fixed64be key_value [key_value]
//   key_value    := string | binary | number    (the table's schema says which)
//   string       := { escaped_byte } 0x00 0x00  (a binary is encoded the same way)
//   escaped_byte := 0x00 0xFF                   (a 0x00 byte of the value)
//                 | 0x01..0xFF                  (any other byte, as is)
//   number       := kNegative ~exponent ~digits (~: every byte inverted)
//                 | kZero
//                 | kPositive exponent digits
//   exponent     := fixed16be(exponent + 0x8000)  (the value is 0.<digits> x 10^exponent)
//   digits       := { 2*P+1 } 2*P   (P = 10*d1 + d2, the digits in pairs; an odd last digit is
//                                    paired with 0. Only the last pair's byte is even.)
//
// Why memcmp order is DynamoDB's order: a string's terminator 0x00 0x00 sorts below any byte
// that can follow in a longer string (0x00 0xFF or 0x01..0xFF), so a prefix sorts first. A
// positive number's magnitude orders by exponent, then by digits compared as a fraction. A digit
// string that is a prefix of a longer one sorts first, as 0.12 < 0.123 must: its last pair is
// padded with 0, so it is no larger than the longer one's pair there, and when the pairs are
// equal its byte is even where the longer one's is odd. A negative number inverts those bytes,
// and inversion reverses memcmp order because no encoding is a prefix of another. The same
// property lets a sort key follow a partition key directly.
//
//   partition_hash := the first 8 bytes, big-endian, of MD5("Outliers" | hashed_bytes), or, for
//                     a multi-attribute partition key (global secondary indexes), of
//                     MD5(key_value { key_value }) over its values in key schema order
//   hashed_bytes   := the UTF-8 bytes of an S, the bytes of a B, the oracle_number of an N
//   oracle_number  := 0x80                                       (zero)
//                   | (0xC0 + (E + a) / 2) { P + 1 }             (positive)
//                   | ~(0xC0 + (E + a) / 2) { 101 - P } [0x66]   (negative; 0x66 when < 20 P)
//     where the value is +-0.<digits> x 10^E, a is 1 when E is odd (a 0 digit is put before the
//     digits, so that they pair up into base-100 digits P; an odd last digit is paired with 0).
//
// That hash is DynamoDB's order of partitions, as recorded by test suites run against the real
// service (dynalite's scan tests; Dynoxide reproduces it): Scan returns partitions in the order
// of the digest, so ddblocal's Scan pages hold the items DynamoDB's would. Format version 2;
// version 1 used XXH64 (format_version.h tells them apart, and opening migrates).
#include "storage/key_codec.h"

#include <array>
#include <memory>
#include <span>
#include <string_view>

#include <openssl/evp.h>

namespace ddblocal::storage {
namespace {

// Number sign tags. Written to disk: do not reorder.
constexpr char kNegative = 0x01;
constexpr char kZero = 0x02;
constexpr char kPositive = 0x03;

constexpr int kExponentBias = 0x8000;

void append_fixed64_be(std::string& out, std::uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>(value >> shift));
  }
}

// The escaped bytes without the terminator: what every string starting with `bytes` starts with.
void append_escaped_prefix(std::string& out, std::string_view bytes) {
  for (std::size_t zero; (zero = bytes.find('\0')) != std::string_view::npos;) {
    out.append(bytes.substr(0, zero)).append("\x00\xff", 2);
    bytes.remove_prefix(zero + 1);
  }
  out.append(bytes);
}

void append_escaped(std::string& out, std::string_view bytes) {
  append_escaped_prefix(out, bytes);
  out.append("\x00\x00", 2);
}

void append_number(std::string& out, const Number& number) {
  if (number.is_zero()) {
    out.push_back(kZero);
    return;
  }
  out.push_back(number.is_negative() ? kNegative : kPositive);
  std::size_t start = out.size();
  auto biased = static_cast<std::uint16_t>(number.exponent() + kExponentBias);
  out.push_back(static_cast<char>(biased >> 8));
  out.push_back(static_cast<char>(biased));
  const std::string& digits = number.digits();
  for (std::size_t i = 0; i < digits.size(); i += 2) {
    int low = i + 1 < digits.size() ? digits[i + 1] - '0' : 0;
    int pair = (digits[i] - '0') * 10 + low;
    bool last = i + 2 >= digits.size();
    out.push_back(static_cast<char>(2 * pair + (last ? 0 : 1)));
  }
  if (number.is_negative()) {
    for (std::size_t i = start; i < out.size(); ++i) {
      out[i] = static_cast<char>(~out[i]);
    }
  }
}

// A number in the Oracle NUMBER format that DynamoDB hashes partition keys with (see the
// grammar above).
void append_oracle_number(std::string& out, const Number& number) {
  if (number.is_zero()) {
    out.push_back(static_cast<char>(0x80));
    return;
  }
  const int exponent = number.exponent();
  const bool odd = exponent % 2 != 0;
  std::string digits = odd ? "0" + number.digits() : number.digits();
  if (digits.size() % 2 != 0) {
    digits.push_back('0');
  }
  const bool negative = number.is_negative();
  const auto head = static_cast<unsigned char>(0xC0 + (exponent + (odd ? 1 : 0)) / 2);
  out.push_back(static_cast<char>(negative ? ~head : head));
  for (std::size_t i = 0; i < digits.size(); i += 2) {
    const int pair = (digits[i] - '0') * 10 + (digits[i + 1] - '0');
    out.push_back(static_cast<char>(negative ? 101 - pair : pair + 1));
  }
  if (negative && digits.size() / 2 < 20) {
    out.push_back(static_cast<char>(102));
  }
}

// One MD5 context per thread, made once: hashing a key allocates nothing.
EVP_MD_CTX& md5_context() {
  thread_local std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                               EVP_MD_CTX_free);
  return *context;
}

// The first 8 bytes, big-endian, of the MD5 digest of `bytes`.
std::uint64_t md5_prefix(std::string_view bytes) {
  EVP_MD_CTX& context = md5_context();
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  // Fails only where MD5 is missing (an OpenSSL restricted to FIPS algorithms), and then for
  // every key alike: all partitions hash to 0 and are ordered by key instead.
  if (EVP_DigestInit_ex(&context, EVP_md5(), nullptr) != 1 ||
      EVP_DigestUpdate(&context, bytes.data(), bytes.size()) != 1 ||
      EVP_DigestFinal_ex(&context, digest.data(), &length) != 1) {
    return 0;
  }
  std::uint64_t hash = 0;
  for (int i = 0; i < 8; ++i) {
    hash = hash << 8 | digest[i];
  }
  return hash;
}

}  // namespace

void append_key_value(std::string& out, const AttributeValue& value) {
  if (const auto* string = value.get_if<std::string>()) {
    append_escaped(out, *string);
  } else if (const auto* binary = value.get_if<Binary>()) {
    append_escaped(out, binary->bytes);
  } else {
    append_number(out, *value.get_if<Number>());
  }
}

std::uint64_t partition_hash(const AttributeValue& partition_key) {
  std::string hashed = "Outliers";
  if (const auto* string = partition_key.get_if<std::string>()) {
    hashed.append(*string);
  } else if (const auto* binary = partition_key.get_if<Binary>()) {
    hashed.append(binary->bytes);
  } else {
    append_oracle_number(hashed, *partition_key.get_if<Number>());
  }
  return md5_prefix(hashed);
}

std::uint64_t composite_partition_hash(std::span<const AttributeValue* const> partition_key) {
  if (partition_key.size() == 1) {
    return partition_hash(*partition_key.front());
  }
  std::string hashed;
  for (const AttributeValue* value : partition_key) {
    append_key_value(hashed, *value);
  }
  return md5_prefix(hashed);
}

void append_key_prefix(std::string& out, const AttributeValue& prefix) {
  if (const auto* string = prefix.get_if<std::string>()) {
    append_escaped_prefix(out, *string);
  } else {
    append_escaped_prefix(out, prefix.get_if<Binary>()->bytes);
  }
}

std::string encode_partition_prefix(std::uint64_t table_uid, const AttributeValue& partition_key) {
  std::string key;
  key.reserve(kItemKeyPrefixBytes + 32);
  append_fixed64_be(key, table_uid);
  append_fixed64_be(key, partition_hash(partition_key));
  append_key_value(key, partition_key);
  return key;
}

std::string encode_composite_partition_prefix(
    std::uint64_t table_uid, std::span<const AttributeValue* const> partition_key) {
  if (partition_key.size() == 1) {
    return encode_partition_prefix(table_uid, *partition_key.front());
  }
  std::string key;
  append_fixed64_be(key, table_uid);
  append_fixed64_be(key, composite_partition_hash(partition_key));
  for (const AttributeValue* value : partition_key) {
    append_key_value(key, *value);
  }
  return key;
}

std::string encode_item_key(std::uint64_t table_uid, const AttributeValue& partition_key,
                            const AttributeValue* sort_key) {
  std::string key = encode_partition_prefix(table_uid, partition_key);
  if (sort_key != nullptr) {
    append_key_value(key, *sort_key);
  }
  return key;
}

std::string encode_hash_bound(std::uint64_t table_uid, std::uint64_t hash) {
  std::string key;
  append_fixed64_be(key, table_uid);
  append_fixed64_be(key, hash);
  return key;
}

std::string prefix_end(std::string prefix) {
  while (!prefix.empty()) {
    if (static_cast<unsigned char>(prefix.back()) != 0xFF) {
      prefix.back() = static_cast<char>(prefix.back() + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

std::string encode_table_prefix(std::uint64_t table_uid) {
  std::string prefix;
  append_fixed64_be(prefix, table_uid);
  return prefix;
}

}  // namespace ddblocal::storage
