// The HTTP responses DynamoDB sends: JSON 1.0 bodies with a request id and the body's CRC32.
#pragma once

#include <string>

#include "protocol/api_error.h"
#include "server/asio.h"

namespace ddblocal {

// A response with `body` and the headers every DynamoDB answer carries: Content-Type
// application/x-amz-json-1.0, x-amzn-RequestId (a fresh UUID), x-amz-crc32 (CRC32 of the body,
// which the AWS SDKs check) and Content-Length.
HttpResponse make_response(http::status status, std::string body, const HttpRequest& request);
// The error's JSON body with its HTTP status.
HttpResponse make_error_response(const ApiError& error, const HttpRequest& request);

}  // namespace ddblocal
