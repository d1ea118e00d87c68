// Health: DynamoDB's health check (GET / answers "healthy: <host> "), and the client side of it
// that `ddblocal --health-check` runs, so that a container image without a shell or curl can
// check itself.
#pragma once

#include <cstdint>
#include <string>

#include "server/asio.h"

namespace ddblocal {

// 200 with "healthy: " and the request's Host header and a space (DynamoDB's body, trailing space
// included: "healthy: dynamodb.us-east-1.amazonaws.com "); the endpoint's name for a request
// without Host.
HttpResponse health_response(const HttpRequest& request);

// GETs / from the server at host:port (plain HTTP, or HTTPS without checking the certificate) and
// answers whether it said healthy within `timeout`. Prints why not to stderr.
bool probe_health(const std::string& host, std::uint16_t port, bool tls,
                  std::chrono::milliseconds timeout);

}  // namespace ddblocal
