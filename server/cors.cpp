#include "server/cors.h"

#include <algorithm>

#include "server/header_text.h"
#include "server/response.h"

namespace ddblocal {
namespace {

// How long a browser may cache a preflight's answer: DynamoDB's 172800 s (recorded in dynalite's
// tests).
constexpr std::string_view kPreflightMaxAgeSeconds = "172800";
// The response headers a browser app may read: the ones the AWS SDKs look at.
constexpr std::string_view kExposedHeaders =
    "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,x-amz-crc32,Date";

}  // namespace

CorsPolicy::CorsPolicy(std::string_view allowed_origins) {
  while (!allowed_origins.empty()) {
    std::string_view origin = trim_blanks(next_item(allowed_origins, ','));
    if (origin == "*") {
      any_origin_ = true;
    } else if (!origin.empty()) {
      origins_.emplace_back(origin);
    }
  }
}

bool CorsPolicy::allows(std::string_view origin) const {
  if (origin.empty()) {
    return false;
  }
  return any_origin_ || std::find(origins_.begin(), origins_.end(), origin) != origins_.end();
}

HttpResponse CorsPolicy::preflight(const HttpRequest& request) const {
  HttpResponse response = make_plain_response(http::status::ok, "", request, "");
  add_headers(response, to_std(request[http::field::origin]));
  if (auto method = request.find(http::field::access_control_request_method);
      method != request.end()) {
    response.set(http::field::access_control_allow_methods, method->value());
  }
  if (auto headers = request.find(http::field::access_control_request_headers);
      headers != request.end()) {
    response.set(http::field::access_control_allow_headers, headers->value());
  }
  response.set(http::field::access_control_max_age, to_beast(kPreflightMaxAgeSeconds));
  return response;
}

void CorsPolicy::add_headers(HttpResponse& response, std::string_view origin) const {
  if (any_origin_) {
    response.set(http::field::access_control_allow_origin, "*");
  } else {
    response.set(http::field::access_control_allow_origin, to_beast(origin));
    response.set(http::field::vary, "Origin");
  }
  response.set(http::field::access_control_expose_headers, to_beast(kExposedHeaders));
}

}  // namespace ddblocal
