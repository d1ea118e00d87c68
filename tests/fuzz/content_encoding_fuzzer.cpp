// Content encodings: request bodies a client compressed (or claims to have compressed) and the
// Accept-Encoding header. The first byte chooses: 'a' the rest is a gzip body, 'b' a deflate
// body, 'c' an Accept-Encoding header, anything else a body to compress and decode back. A
// decoded body never passes the limit; whatever decodes re-encodes to a body that decodes to the
// same bytes; the choice of coding is deterministic and only ever gzip or deflate.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "server/content_encoding.h"
#include "tests/fuzz/fuzz_check.h"

namespace ddblocal::fuzz {
namespace {

// Small, so that inputs reach the limit.
constexpr std::size_t kLimit = 64 * 1024;

void check_round_trip(ContentCoding coding, std::string_view body) {
  std::string encoded = encode_body(coding, body);
  check(!encoded.empty(), "encode_body failed");
  DecodedBody decoded = decode_request_body(coding_name(coding), encoded, body.size());
  check(decoded.outcome == DecodedBody::Outcome::kDecoded, "an encoded body does not decode");
  check(decoded.body == body, "a body does not survive encoding and decoding");
}

void check_decode(std::string_view coding, std::string_view body) {
  DecodedBody decoded = decode_request_body(coding, body, kLimit);
  if (decoded.outcome != DecodedBody::Outcome::kDecoded) {
    check(decoded.body.empty(), "a failed decoding left a body");
    return;
  }
  check(decoded.body.size() <= kLimit, "a decoded body passed the limit");
  check_round_trip(ContentCoding::kGzip, decoded.body);
}

}  // namespace
}  // namespace ddblocal::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ddblocal;
  if (size == 0) {
    return 0;
  }
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  switch (data[0]) {
    case 'a':
      fuzz::check_decode("gzip", rest);
      break;
    case 'b':
      fuzz::check_decode("deflate", rest);
      break;
    case 'c': {
      std::optional<ContentCoding> chosen = preferred_coding(rest);
      fuzz::check(chosen == preferred_coding(rest), "preferred_coding is not deterministic");
      break;
    }
    default:
      fuzz::check_round_trip(ContentCoding::kGzip, rest);
      fuzz::check_round_trip(ContentCoding::kDeflate, rest);
  }
  return 0;
}
