// SigV4: the Authorization and X-Amz-Date headers a client sends, and the request they sign.
// The input is lines: the Authorization header, the X-Amz-Date header, the target, then the
// body. verify() must fail only with the front end's authentication errors, never crash; and
// the same request, signed right for the credential the header names (when it names one of
// the right form), must verify, whatever the target, body and header values.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "server/sigv4.h"
#include "tests/fuzz/fuzz_check.h"

namespace ddblocal::fuzz {
namespace {

constexpr std::int64_t kNow = 1733400000;  // 20241205T120000Z
constexpr std::string_view kSecret = "secret";

std::string_view next_line(std::string_view& text) {
  std::size_t end = text.find('\n');
  std::string_view line = text.substr(0, end);
  text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
  return line;
}

bool is_authentication_error(ErrorType type) {
  return type == ErrorType::kMissingAuthenticationToken ||
         type == ErrorType::kIncompleteSignature || type == ErrorType::kInvalidSignature ||
         type == ErrorType::kUnrecognizedClient;
}

std::optional<std::string_view> any_key(std::string_view) {
  return kSecret;
}

// Signs `request` for `key` and `region` now, over host, x-amz-date and x-amz-target.
void check_signed_right(sigv4::SignedRequest request, std::string_view key,
                        std::string_view region) {
  const std::string date = sigv4::format_amz_date(kNow);
  const std::string scope =
      date.substr(0, 8) + "/" + std::string(region) + "/dynamodb/aws4_request";
  sigv4::CredentialScope parts{key, std::string_view(date).substr(0, 8), region, "dynamodb",
                               "aws4_request"};
  request.headers = {
      {"Host", "localhost:8000"}, {"X-Amz-Date", date}, {"X-Amz-Target", request.target}};
  const std::string mac = sigv4::signature(
      kSecret, parts,
      sigv4::string_to_sign(date, scope,
                            sigv4::canonical_request(request, "host;x-amz-date;x-amz-target")));
  const std::string authorization = "AWS4-HMAC-SHA256 Credential=" + std::string(key) + "/" +
                                    scope +
                                    ", SignedHeaders=host;x-amz-date;x-amz-target, "
                                    "Signature=" +
                                    mac;
  request.headers.emplace_back("Authorization", authorization);
  Result<sigv4::CredentialScope> verified = sigv4::verify(request, kNow, any_key);
  if (!verified) {
    fail("a request signed right does not verify: " + verified.error().message());
  }
  check(verified->access_key == key && verified->region == region,
        "verify names another credential");
}

}  // namespace
}  // namespace ddblocal::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace ddblocal;
  std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::string_view authorization = fuzz::next_line(input);
  const std::string_view date = fuzz::next_line(input);
  const std::string_view target = fuzz::next_line(input);
  sigv4::SignedRequest request{
      "POST",
      target,
      {{"Host", "localhost:8000"}, {"X-Amz-Date", date}, {"Authorization", authorization}},
      input};
  Result<sigv4::CredentialScope> verified = sigv4::verify(request, fuzz::kNow, fuzz::any_key);
  if (!verified) {
    fuzz::check(fuzz::is_authentication_error(verified.error().type()),
                "verify failed with an error that is not an authentication error");
    fuzz::check(!verified.error().message().empty(), "an authentication error without a message");
  }
  // A key and region the header names, if they have a form a client could sign with.
  Result<sigv4::Authorization> parsed = sigv4::parse_authorization(authorization, true);
  if (!parsed) {
    return 0;
  }
  Result<sigv4::CredentialScope> scope = sigv4::parse_credential(parsed->credential);
  const auto plain = [](std::string_view text) {
    return !text.empty() && text.find_first_of(", \t/=\n\r") == std::string_view::npos;
  };
  const auto region_like = [](std::string_view text) {
    return !text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") ==
                                std::string_view::npos;
  };
  if (scope && plain(scope->access_key) && region_like(scope->region) &&
      target.find_first_of("\r\n") == std::string_view::npos) {
    fuzz::check_signed_right(request, scope->access_key, scope->region);
  }
  return 0;
}
