#include "server/content_encoding.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

using Outcome = DecodedBody::Outcome;

constexpr std::size_t kLimit = 1 << 20;

TEST(ContentEncoding, RoundTripsGzipAndDeflate) {
  const std::string body = R"({"TableName":"t","Item":{"p":{"S":"x"}}})";
  for (ContentCoding coding : {ContentCoding::kGzip, ContentCoding::kDeflate}) {
    std::string encoded = encode_body(coding, body);
    ASSERT_FALSE(encoded.empty());
    DecodedBody decoded = decode_request_body(coding_name(coding), encoded, kLimit);
    EXPECT_EQ(decoded.outcome, Outcome::kDecoded);
    EXPECT_EQ(decoded.body, body);
  }
}

TEST(ContentEncoding, GzipStartsWithItsMagicAndDeflateWithZlibsHeader) {
  std::string gzip = encode_body(ContentCoding::kGzip, "hello");
  std::string deflate = encode_body(ContentCoding::kDeflate, "hello");
  EXPECT_EQ(static_cast<unsigned char>(gzip[0]), 0x1f);
  EXPECT_EQ(static_cast<unsigned char>(gzip[1]), 0x8b);
  EXPECT_EQ(static_cast<unsigned char>(deflate[0]) & 0x0f, 8);  // CM = deflate
}

TEST(ContentEncoding, ReadsTheCodingInAnyCaseAndIdentityAsIs) {
  std::string encoded = encode_body(ContentCoding::kGzip, "{}");
  EXPECT_EQ(decode_request_body(" GZip ", encoded, kLimit).body, "{}");
  DecodedBody identity = decode_request_body("identity", "{}", kLimit);
  EXPECT_EQ(identity.outcome, Outcome::kDecoded);
  EXPECT_EQ(identity.body, "{}");
}

TEST(ContentEncoding, RefusesAnUnknownCoding) {
  EXPECT_EQ(decode_request_body("br", "{}", kLimit).outcome, Outcome::kUnsupported);
  EXPECT_EQ(decode_request_body("garbage", "{}", kLimit).outcome, Outcome::kUnsupported);
  EXPECT_EQ(decode_request_body("gzip, br", "{}", kLimit).outcome, Outcome::kUnsupported);
}

TEST(ContentEncoding, RefusesBrokenData) {
  std::string encoded = encode_body(ContentCoding::kGzip, R"({"TableName":"t"})");
  EXPECT_EQ(decode_request_body("gzip", "", kLimit).outcome, Outcome::kCorrupt);
  EXPECT_EQ(decode_request_body("gzip", R"({"TableName":"t"})", kLimit).outcome, Outcome::kCorrupt);
  EXPECT_EQ(decode_request_body("gzip", encoded.substr(0, encoded.size() - 1), kLimit).outcome,
            Outcome::kCorrupt);
  EXPECT_EQ(decode_request_body("gzip", encoded.substr(0, 12), kLimit).outcome, Outcome::kCorrupt);
  std::string flipped = encoded;
  flipped[flipped.size() - 5] ^= 0x55;  // the CRC32 of the trailer
  EXPECT_EQ(decode_request_body("gzip", flipped, kLimit).outcome, Outcome::kCorrupt);
  EXPECT_EQ(decode_request_body("deflate", encoded, kLimit).outcome, Outcome::kCorrupt);
}

// Alternator's test_gzip_request_two_gzips, against DynamoDB: members one after another.
TEST(ContentEncoding, ReadsConcatenatedGzipMembers) {
  std::string encoded = encode_body(ContentCoding::kGzip, R"({"Table)") +
                        encode_body(ContentCoding::kGzip, R"(Name":"t"})");
  DecodedBody decoded = decode_request_body("gzip", encoded, kLimit);
  EXPECT_EQ(decoded.outcome, Outcome::kDecoded);
  EXPECT_EQ(decoded.body, R"({"TableName":"t"})");
}

// Alternator's test_gzip_request_with_extra_junk: DynamoDB ignores bytes after the last member.
TEST(ContentEncoding, IgnoresJunkAfterTheLastGzipMember) {
  DecodedBody decoded =
      decode_request_body("gzip", encode_body(ContentCoding::kGzip, "{}") + "junk", kLimit);
  EXPECT_EQ(decoded.outcome, Outcome::kDecoded);
  EXPECT_EQ(decoded.body, "{}");
}

TEST(ContentEncoding, StopsABombAtTheLimit) {
  const std::string large(4 * kLimit, ' ');
  for (ContentCoding coding : {ContentCoding::kGzip, ContentCoding::kDeflate}) {
    std::string bomb = encode_body(coding, large);
    EXPECT_LT(bomb.size(), 64u * 1024);
    EXPECT_EQ(decode_request_body(coding_name(coding), bomb, kLimit).outcome, Outcome::kTooLarge);
  }
  std::string exact = encode_body(ContentCoding::kGzip, std::string(kLimit, 'x'));
  EXPECT_EQ(decode_request_body("gzip", exact, kLimit).outcome, Outcome::kDecoded);
  EXPECT_EQ(decode_request_body("gzip", exact, kLimit - 1).outcome, Outcome::kTooLarge);
  EXPECT_EQ(decode_request_body("identity", "{}", 1).outcome, Outcome::kTooLarge);
}

std::optional<ContentCoding> gzip() {
  return ContentCoding::kGzip;
}
std::optional<ContentCoding> deflate() {
  return ContentCoding::kDeflate;
}

// Every case of Alternator's test_compressed_response_accept_encodings, which DynamoDB passes.
TEST(PreferredCoding, ChoosesAsDynamoDbDoes) {
  const std::vector<std::pair<std::string, std::optional<ContentCoding>>> cases = {
      {"gzip", gzip()},
      {"deflate", deflate()},
      {"identity", std::nullopt},
      {"", std::nullopt},
      {"br", std::nullopt},
      {"zstd", std::nullopt},
      {"compress", std::nullopt},
      {"x-gzip", std::nullopt},
      {"gzip, deflate", gzip()},
      {"br, identity, deflate, gzip", deflate()},
      {"GZIP, identity", gzip()},
      {"dog, gzip ,, cat", gzip()},
      {"gzip;q=0.8, deflate;q=0.5", gzip()},
      {"br, gzip;q=0, deflate; q = 0.5 , identity;q=0", deflate()},
      {"*", gzip()},
      {"*, deflate;q=0.5", gzip()},
      {"*, deflate", deflate()},
      {"*, identity", gzip()},
      {"*, gzip;q=0.5", deflate()},
      {"gzip ;q=0", std::nullopt},
      {"identity;q=0", std::nullopt},
      {"*;q=0", std::nullopt},
      {"*;q=0.5,identity", gzip()},
      {"gzip;q=0.5,identity;q=0.8", gzip()},
      {"br;q=0.8,identity;q=0.5,*;q=0", std::nullopt},
      {"\"gzip\"", std::nullopt},
      {"gzip br", std::nullopt},
      {"gzip:q=1", std::nullopt},
      {"deflate;q=0.5, gzip;q=31", gzip()},
      {"gzip;q=31,deflate;q=51", gzip()},
      {"deflate;q=0.5, gzip;q=0.2", deflate()},
      {"deflate;q=0.5, gzip;q=1;q=0.2", gzip()},
      {"deflate;q=0.5,gzip;q=0.", deflate()},
      {"deflate;q=0.5,gzip;q=0.x", gzip()},
      {"deflate;q=-0.5,gzip;q=0.2", gzip()},
      {"gzip;nq=1;q=0 ", std::nullopt},
      {"gzip;q=0, gzip;q=1, gzip;q=0", gzip()},
      {"br,identity;q=0.5,gzip;q=0.0001", gzip()},
  };
  for (const auto& [header, expected] : cases) {
    EXPECT_EQ(preferred_coding(header), expected) << header;
  }
}

}  // namespace
}  // namespace ddblocal
