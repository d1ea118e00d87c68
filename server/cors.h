// CORS, so that a browser app can call ddblocal as it calls DynamoDB: any origin by default
// (DynamoDB's and DynamoDB Local's "*"), or only those of an allow-list (--cors). A request from
// an origin the policy does not allow is answered as if it carried no Origin header.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "server/asio.h"

namespace ddblocal {

class CorsPolicy {
 public:
  // "*" for any origin, or origins separated by commas ("https://app.example.com,
  // http://localhost:3000"); a "*" among them allows any origin too.
  explicit CorsPolicy(std::string_view allowed_origins);

  // Whether a request with this Origin header gets CORS headers (false for no Origin).
  bool allows(std::string_view origin) const;

  // The answer to a preflight (OPTIONS from an allowed origin), as DynamoDB gives it: 200 with an
  // empty body, the requested method and headers echoed as allowed, cached for 2 days.
  HttpResponse preflight(const HttpRequest& request) const;

  // Adds Access-Control-Allow-Origin and Access-Control-Expose-Headers to the answer to a request
  // from an allowed `origin`.
  void add_headers(HttpResponse& response, std::string_view origin) const;

 private:
  bool any_origin_ = false;
  std::vector<std::string> origins_;
};

}  // namespace ddblocal
