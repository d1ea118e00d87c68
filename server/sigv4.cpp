#include "server/sigv4.h"

#include <algorithm>
#include <array>
#include <cstdio>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "server/header_text.h"

namespace ddblocal::sigv4 {
namespace {

constexpr std::string_view kTerminator = "aws4_request";
constexpr std::string_view kSignatureMismatch =
    "The request signature we calculated does not match the signature you provided. Check your "
    "AWS Secret Access Key and signing method. Consult the service documentation for details.";

std::string hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(size * 2, '\0');
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = kDigits[bytes[i] >> 4];
    out[2 * i + 1] = kDigits[bytes[i] & 0xf];
  }
  return out;
}

std::string hmac_sha256(std::string_view key, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> out{};
  unsigned int size = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
       reinterpret_cast<const unsigned char*>(data.data()), data.size(), out.data(), &size);
  return std::string(reinterpret_cast<const char*>(out.data()), size);
}

std::optional<std::string_view> header_value(const SignedRequest& request, std::string_view name) {
  for (const auto& [key, value] : request.headers) {
    if (equals_ignoring_case(key, name)) {
      return value;
    }
  }
  return std::nullopt;
}

// Parts of the Authorization header are separated by commas, blanks or both (boto3 writes ", ";
// some clients only ","), so an empty part between separators is skipped.
std::vector<std::string_view> split_parts(std::string_view text) {
  std::vector<std::string_view> parts;
  while (!text.empty()) {
    std::size_t start = text.find_first_not_of(", \t");
    if (start == std::string_view::npos) {
      break;
    }
    text.remove_prefix(start);
    std::size_t end = text.find_first_of(", \t");
    parts.push_back(text.substr(0, end));
    text.remove_prefix(end == std::string_view::npos ? text.size() : end);
  }
  return parts;
}

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int number_of(std::string_view digits) {
  int value = 0;
  for (char c : digits) {
    value = value * 10 + (c - '0');
  }
  return value;
}

// Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(int year, int month, int day) {
  year -= month <= 2;
  const int era = (year >= 0 ? year : year - 399) / 400;
  const int year_of_era = year - era * 400;
  const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return static_cast<std::int64_t>(era) * 146097 + day_of_era - 719468;
}

std::optional<std::int64_t> seconds_of(int year, int month, int day, int hour, int minute,
                                       int second) {
  static constexpr std::array<int, 12> kDaysInMonth = {31, 29, 31, 30, 31, 30,
                                                       31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDaysInMonth[month - 1] || hour > 23 ||
      minute > 59 || second > 60) {
    return std::nullopt;
  }
  return days_from_civil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

// "20130609T100015Z".
std::optional<std::int64_t> parse_basic_iso8601(std::string_view text) {
  if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z' || !all_digits(text.substr(0, 8)) ||
      !all_digits(text.substr(9, 6))) {
    return std::nullopt;
  }
  return seconds_of(number_of(text.substr(0, 4)), number_of(text.substr(4, 2)),
                    number_of(text.substr(6, 2)), number_of(text.substr(9, 2)),
                    number_of(text.substr(11, 2)), number_of(text.substr(13, 2)));
}

// "Sun, 09 Jun 2013 10:00:15 GMT".
std::optional<std::int64_t> parse_rfc1123(std::string_view text) {
  static constexpr std::string_view kMonths = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (text.size() != 29 || text.substr(3, 2) != ", " || text[7] != ' ' || text[11] != ' ' ||
      text[16] != ' ' || text[19] != ':' || text[22] != ':' || text.substr(25) != " GMT") {
    return std::nullopt;
  }
  std::size_t month = kMonths.find(text.substr(8, 3));
  std::string_view day = text.substr(5, 2);
  std::string_view year = text.substr(12, 4);
  std::string_view hour = text.substr(17, 2);
  std::string_view minute = text.substr(20, 2);
  std::string_view second = text.substr(23, 2);
  if (month == std::string_view::npos || month % 3 != 0) {
    return std::nullopt;
  }
  for (std::string_view digits : {day, year, hour, minute, second}) {
    if (!all_digits(digits)) {
      return std::nullopt;
    }
  }
  return seconds_of(number_of(year), static_cast<int>(month / 3) + 1, number_of(day),
                    number_of(hour), number_of(minute), number_of(second));
}

// RFC 3986 percent-encoding of everything but unreserved characters (and '/' when kept).
std::string uri_encode(std::string_view text, bool keep_slash) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (unsigned char c : text) {
    const bool unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved || (keep_slash && c == '/')) {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kDigits[c >> 4]);
      out.push_back(kDigits[c & 0xf]);
    }
  }
  return out;
}

// The path with "." and ".." segments resolved and repeated slashes collapsed, as the SDKs
// normalize it before signing; "/" when empty. A trailing slash stays.
std::string normalized_path(std::string_view path) {
  std::vector<std::string_view> segments;
  const bool trailing_slash = path.size() > 1 && path.back() == '/';
  while (!path.empty()) {
    std::string_view segment = next_item(path, '/');
    if (segment == "..") {
      if (!segments.empty()) {
        segments.pop_back();
      }
    } else if (!segment.empty() && segment != ".") {
      segments.push_back(segment);
    }
  }
  std::string out;
  for (std::string_view segment : segments) {
    out.append("/").append(segment);
  }
  if (out.empty() || trailing_slash) {
    out.push_back('/');
  }
  return out;
}

// Query parameters sorted, each as "name=value" (already percent-encoded by the client).
std::string canonical_query(std::string_view query) {
  std::vector<std::string> pairs;
  while (!query.empty()) {
    std::string_view pair = next_item(query, '&');
    if (pair.empty()) {
      continue;
    }
    pairs.emplace_back(pair);
    if (pair.find('=') == std::string_view::npos) {
      pairs.back().push_back('=');
    }
  }
  std::sort(pairs.begin(), pairs.end());
  std::string out;
  for (const std::string& pair : pairs) {
    out.append(out.empty() ? "" : "&").append(pair);
  }
  return out;
}

// A header value trimmed, with each run of blanks inside made one space.
void append_collapsed(std::string& out, std::string_view value) {
  value = trim_blanks(value);
  bool in_blanks = false;
  for (char c : value) {
    const bool blank = c == ' ' || c == '\t';
    if (!blank) {
      out.push_back(c);
    } else if (!in_blanks) {
      out.push_back(' ');
    }
    in_blanks = blank;
  }
}

// Whatever the scope gets wrong, in one message, as DynamoDB lists it; empty when it is right.
std::string scope_problems(const CredentialScope& scope, std::string_view amz_date) {
  std::vector<std::string> problems;
  const bool valid_region =
      !scope.region.empty() && std::all_of(scope.region.begin(), scope.region.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      });
  if (!valid_region) {
    problems.push_back(
        concat("Credential should be scoped to a valid region, not '", scope.region, "'."));
  }
  if (scope.service != kService) {
    problems.push_back(concat("Credential should be scoped to correct service: '", kService, "'."));
  }
  if (scope.terminator != kTerminator) {
    problems.push_back(concat("Credential should be scoped with a valid terminator: '", kTerminator,
                              "', not '", scope.terminator, "'."));
  }
  if (scope.date != amz_date.substr(0, 8)) {
    problems.push_back(
        concat("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date "
               "from HTTP: '",
               scope.date, "' != '", amz_date.substr(0, 8), "', from '", amz_date, "'."));
  }
  std::string message;
  for (const std::string& problem : problems) {
    message.append(message.empty() ? "" : " ").append(problem);
  }
  return message;
}

std::optional<ApiError> skew_problem(std::int64_t request_time, std::int64_t now) {
  if (request_time < now - kMaxClockSkewSeconds) {
    return ApiError::invalid_signature(concat(
        "Signature expired: ", format_amz_date(request_time), " is now earlier than ",
        format_amz_date(now - kMaxClockSkewSeconds), " (", format_amz_date(now), " - 15 min.)"));
  }
  if (request_time > now + kMaxClockSkewSeconds) {
    return ApiError::invalid_signature(concat(
        "Signature not yet current: ", format_amz_date(request_time), " is still later than ",
        format_amz_date(now + kMaxClockSkewSeconds), " (", format_amz_date(now), " + 15 min.)"));
  }
  return std::nullopt;
}

bool signs_host(std::string_view signed_headers) {
  while (!signed_headers.empty()) {
    if (equals_ignoring_case(next_item(signed_headers, ';'), "host")) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<Authorization> parse_authorization(std::string_view header, bool has_date) {
  const std::string_view text = trim_blanks(header);
  if (!text.starts_with("AWS4-")) {
    return ApiError::missing_authentication_token();
  }
  std::size_t algorithm_end = text.find_first_of(", \t");
  Authorization authorization;
  authorization.algorithm = text.substr(0, algorithm_end);
  std::optional<std::string_view> credential;
  std::optional<std::string_view> signed_headers;
  std::optional<std::string_view> signature;
  std::string_view rest =
      algorithm_end == std::string_view::npos ? std::string_view() : text.substr(algorithm_end);
  for (std::string_view part : split_parts(rest)) {
    std::size_t equals = part.find('=');
    if (equals == std::string_view::npos) {
      return ApiError::incomplete_signature(
          concat("'", part,
                 "' not a valid key=value pair (missing equal-sign) in Authorization "
                 "header: '",
                 text, "'."));
    }
    std::string_view key = part.substr(0, equals);
    std::string_view value = part.substr(equals + 1);
    if (key == "Credential") {
      credential = value;
    } else if (key == "SignedHeaders") {
      signed_headers = value;
    } else if (key == "Signature") {
      signature = value;
    }
  }
  std::string missing;
  for (auto [name, value] : {std::pair{"Credential", credential}, std::pair{"Signature", signature},
                             std::pair{"SignedHeaders", signed_headers}}) {
    if (!value || (value->empty() && std::string_view(name) != "SignedHeaders")) {
      missing.append("Authorization header requires '").append(name).append("' parameter. ");
    }
  }
  if (!has_date) {
    missing.append(
        "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
  }
  if (!missing.empty()) {
    return ApiError::incomplete_signature(concat(missing, "Authorization=", text));
  }
  authorization.credential = *credential;
  authorization.signed_headers = *signed_headers;
  authorization.signature = *signature;
  return authorization;
}

Result<CredentialScope> parse_credential(std::string_view credential) {
  while (!credential.empty() && credential.back() == '/') {
    credential.remove_suffix(1);
  }
  std::vector<std::string_view> parts;
  for (std::string_view rest = credential; !rest.empty();) {
    parts.push_back(next_item(rest, '/'));
  }
  if (parts.size() != 5) {
    return ApiError::incomplete_signature(
        concat("Credential must have exactly 5 slash-delimited elements, e.g. "
               "keyid/date/region/service/term, got '",
               credential, "'"));
  }
  return CredentialScope{parts[0], parts[1], parts[2], parts[3], parts[4]};
}

std::optional<std::int64_t> parse_request_time(std::string_view text) {
  text = trim_blanks(text);
  if (std::optional<std::int64_t> seconds = parse_basic_iso8601(text)) {
    return seconds;
  }
  return parse_rfc1123(text);
}

std::string format_amz_date(std::int64_t seconds) {
  // civil_from_days (Howard Hinnant).
  std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  std::int64_t in_day = seconds - days * 86400;
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const std::int64_t day_of_era = days - era * 146097;
  const std::int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::int64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::int64_t month_index = (5 * day_of_year + 2) / 153;
  const std::int64_t day = day_of_year - (153 * month_index + 2) / 5 + 1;
  const std::int64_t month = month_index < 10 ? month_index + 3 : month_index - 9;
  const std::int64_t year = year_of_era + era * 400 + (month <= 2);
  char text[112];
  std::snprintf(text, sizeof text, "%04lld%02lld%02lldT%02lld%02lld%02lldZ",
                static_cast<long long>(year), static_cast<long long>(month),
                static_cast<long long>(day), static_cast<long long>(in_day / 3600),
                static_cast<long long>(in_day / 60 % 60), static_cast<long long>(in_day % 60));
  return text;
}

std::string canonical_request(const SignedRequest& request, std::string_view signed_headers) {
  std::string_view target = request.target;
  std::string_view path = next_item(target, '?');
  std::string out;
  out.append(request.method).push_back('\n');
  out.append(uri_encode(normalized_path(path), true)).push_back('\n');
  out.append(canonical_query(target)).push_back('\n');
  for (std::string_view names = signed_headers; !names.empty();) {
    std::string_view name = next_item(names, ';');
    out.append(name).push_back(':');
    bool first = true;
    for (const auto& [key, value] : request.headers) {
      if (equals_ignoring_case(key, name)) {
        out.append(first ? "" : ",");
        append_collapsed(out, value);
        first = false;
      }
    }
    out.push_back('\n');
  }
  out.push_back('\n');
  out.append(signed_headers).push_back('\n');
  out.append(sha256_hex(request.body));
  return out;
}

std::string string_to_sign(std::string_view amz_date, std::string_view scope,
                           std::string_view canonical_request) {
  std::string out(kAlgorithm);
  out.append("\n").append(amz_date).append("\n").append(scope).append("\n");
  out.append(sha256_hex(canonical_request));
  return out;
}

std::string signature(std::string_view secret, const CredentialScope& scope,
                      std::string_view string_to_sign) {
  std::string key = hmac_sha256(concat("AWS4", secret), scope.date);
  key = hmac_sha256(key, scope.region);
  key = hmac_sha256(key, scope.service);
  key = hmac_sha256(key, scope.terminator);
  std::string mac = hmac_sha256(key, string_to_sign);
  return hex(reinterpret_cast<const unsigned char*>(mac.data()), mac.size());
}

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &size, EVP_sha256(), nullptr);
  return hex(digest.data(), size);
}

bool signatures_equal(std::string_view a, std::string_view b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

Result<CredentialScope> verify(const SignedRequest& request, std::int64_t now_seconds,
                               const SecretLookup& secret_of) {
  std::optional<std::string_view> header = header_value(request, "authorization");
  if (!header) {
    return ApiError::missing_authentication_token();
  }
  std::optional<std::string_view> date = header_value(request, "x-amz-date");
  if (!date) {
    date = header_value(request, "date");
  }
  DDB_ASSIGN_OR_RETURN(Authorization authorization, parse_authorization(*header, date.has_value()));
  std::optional<std::int64_t> request_time = parse_request_time(*date);
  if (!request_time) {
    return ApiError::incomplete_signature(concat("Date must be in ISO-8601 'basic format'. Got '",
                                                 *date,
                                                 "'. See http://en.wikipedia.org/wiki/ISO_8601"));
  }
  if (std::optional<ApiError> skew = skew_problem(*request_time, now_seconds)) {
    return *skew;
  }
  if (!signs_host(authorization.signed_headers)) {
    return ApiError::invalid_signature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  }
  if (authorization.algorithm != kAlgorithm) {
    return ApiError::incomplete_signature(concat("Unsupported AWS 'algorithm': '",
                                                 authorization.algorithm,
                                                 "' (only AWS4-HMAC-SHA256 for now). "));
  }
  DDB_ASSIGN_OR_RETURN(CredentialScope scope, parse_credential(authorization.credential));
  const std::string amz_date = format_amz_date(*request_time);
  if (std::string problems = scope_problems(scope, amz_date); !problems.empty()) {
    return ApiError::invalid_signature(std::move(problems));
  }
  std::optional<std::string_view> secret = secret_of(scope.access_key);
  if (!secret) {
    return ApiError::unrecognized_client();
  }
  const std::string scope_text =
      concat(scope.date, "/", scope.region, "/", scope.service, "/", scope.terminator);
  const std::string expected =
      signature(*secret, scope,
                string_to_sign(amz_date, scope_text,
                               canonical_request(request, authorization.signed_headers)));
  if (!signatures_equal(expected, authorization.signature)) {
    return ApiError::invalid_signature(std::string(kSignatureMismatch));
  }
  return scope;
}

}  // namespace ddblocal::sigv4
