// Content encodings of request and response bodies: gzip and deflate (zlib), as DynamoDB's front
// end decodes a request sent with Content-Encoding and compresses a large answer for a client
// whose Accept-Encoding asks for it. Pure functions over bytes (zlib only), so that a fuzz
// target links them without the server.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ddblocal {

enum class ContentCoding { kGzip, kDeflate };

// "gzip" or "deflate": the Content-Encoding header's value.
std::string_view coding_name(ContentCoding coding);

struct DecodedBody {
  enum class Outcome {
    kDecoded,
    kUnsupported,  // a coding other than gzip, deflate or identity
    kCorrupt,      // not valid data of its coding (an empty body included)
    kTooLarge,     // decodes to more than the limit
  };
  Outcome outcome = Outcome::kDecoded;
  std::string body;  // when kDecoded
};

// Decodes a request body sent with `Content-Encoding: content_encoding` (one coding, any case).
// gzip may hold several members one after another (RFC 1952); bytes after the last member that
// do not begin another one are ignored, as DynamoDB (Java's GZIPInputStream) ignores them.
// deflate is the zlib format (RFC 1950), as HTTP defines it. Decoding stops as soon as the
// output passes `max_bytes`, so a small bomb costs no more than the limit.
DecodedBody decode_request_body(std::string_view content_encoding, std::string_view body,
                                std::size_t max_bytes);

// The coding to answer in for this Accept-Encoding header, as DynamoDB chooses it (recorded in
// Alternator's test_compressed_response.py): the highest quality among gzip and deflate, named or
// through "*"; a named coding wins a tie with "*", then the earlier one; q=0 refuses a coding;
// a q outside [0, 1] is clamped, one that is not a number counts as 1; entries that are not a
// single token are ignored; "identity" plays no part. nullopt: answer uncompressed.
std::optional<ContentCoding> preferred_coding(std::string_view accept_encoding);

// `body` compressed with `coding` at zlib's fastest level (a local server's client is near: speed
// matters more than bytes); empty if zlib fails, and the caller answers uncompressed.
std::string encode_body(ContentCoding coding, std::string_view body);

// DynamoDB compresses an answer only from this size on (Alternator's tests, recorded against it).
inline constexpr std::size_t kMinCompressedResponseBytes = 4096;

}  // namespace ddblocal
