// AWS Signature Version 4, as DynamoDB checks it: the Authorization header's parts, the
// canonical request, the string to sign and the signature (HMAC-SHA256 through OpenSSL), with
// DynamoDB's error type and message for each way a request can fail (texts recorded from the
// service in dynalite's and Alternator's tests). Free of Beast: a request is a plain view, so
// that a fuzz target drives it alone.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "protocol/result.h"

namespace ddblocal::sigv4 {

inline constexpr std::string_view kAlgorithm = "AWS4-HMAC-SHA256";
inline constexpr std::string_view kService = "dynamodb";
// How far X-Amz-Date may be from the server's clock, either way.
inline constexpr std::int64_t kMaxClockSkewSeconds = 15 * 60;

// "AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...", split.
struct Authorization {
  std::string_view algorithm;
  std::string_view credential;
  std::string_view signed_headers;
  std::string_view signature;
};

// The credential "AKID/20240101/us-east-1/dynamodb/aws4_request", split.
struct CredentialScope {
  std::string_view access_key;
  std::string_view date;
  std::string_view region;
  std::string_view service;
  std::string_view terminator;
};

// What a request is made of, for its signature. Header names in any case; a name may repeat.
struct SignedRequest {
  std::string_view method;
  std::string_view target;  // path and query, as on the request line
  std::vector<std::pair<std::string_view, std::string_view>> headers;
  std::string_view body;  // as sent (still compressed, if it is)
};

// Splits an Authorization header. MissingAuthenticationTokenException when it does not begin
// with "AWS4-"; IncompleteSignatureException when a part is not key=value or Credential,
// Signature or SignedHeaders is missing, or `has_date` is false (the request has neither
// X-Amz-Date nor Date), all missing parts named in one message.
Result<Authorization> parse_authorization(std::string_view header, bool has_date);

// Splits a credential (trailing slashes ignored); IncompleteSignatureException unless it has
// exactly 5 parts.
Result<CredentialScope> parse_credential(std::string_view credential);

// Seconds since the Unix epoch of an X-Amz-Date ("20130609T100015Z", ISO 8601 basic format) or a
// Date header (RFC 1123, "Sun, 09 Jun 2013 10:00:15 GMT"); nullopt when it is neither.
std::optional<std::int64_t> parse_request_time(std::string_view text);
// "20130609T100015Z" for a time in seconds since the Unix epoch.
std::string format_amz_date(std::int64_t seconds);

// The canonical request of SigV4 for `request`, over the headers `signed_headers` names (";"
// separated, lower case, in order).
std::string canonical_request(const SignedRequest& request, std::string_view signed_headers);
// "AWS4-HMAC-SHA256\n<amz date>\n<scope>\n<hex SHA-256 of the canonical request>".
std::string string_to_sign(std::string_view amz_date, std::string_view scope,
                           std::string_view canonical_request);
// Hex HMAC-SHA256 of `string_to_sign` under the key derived from `secret` and the scope.
std::string signature(std::string_view secret, const CredentialScope& scope,
                      std::string_view string_to_sign);
// Lower-case hex SHA-256 of `data`.
std::string sha256_hex(std::string_view data);
// Compares two signatures in time that does not depend on where they differ.
bool signatures_equal(std::string_view a, std::string_view b);

// The secret of an access key, or nullopt for a key that is not known.
using SecretLookup = std::function<std::optional<std::string_view>(std::string_view access_key)>;

// Checks the request's signature as DynamoDB does, in DynamoDB's order: the header's form, the
// date's form and skew (kMaxClockSkewSeconds from `now_seconds`), Host among the signed headers,
// the algorithm, the credential's form and scope (service "dynamodb", a region, "aws4_request",
// the request's date), the access key, the signature. Returns the credential scope of a request
// signed right, or the error to answer.
Result<CredentialScope> verify(const SignedRequest& request, std::int64_t now_seconds,
                               const SecretLookup& secret_of);

}  // namespace ddblocal::sigv4
