// The HTTP responses DynamoDB sends: JSON 1.0 bodies with a request id and the body's CRC32.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "protocol/api_error.h"
#include "server/asio.h"

namespace ddblocal {

// DynamoDB's largest request (BatchWriteItem, TransactWriteItems) is 16 MB; a longer body is
// refused from its Content-Length, before it is read, and a compressed one once it decodes to
// more.
inline constexpr std::uint64_t kMaxRequestBodyBytes = 16 * 1024 * 1024;

// A response with `body` and the headers every DynamoDB answer carries: Content-Type
// application/x-amz-json-1.0, x-amzn-RequestId (the current request's id, see RequestIdScope),
// x-amz-crc32 (CRC32 of the body, which the AWS SDKs check) and Content-Length.
HttpResponse make_response(http::status status, std::string body, const HttpRequest& request);
// The error's JSON body with its HTTP status.
HttpResponse make_error_response(const ApiError& error, const HttpRequest& request);
// A response that is not JSON (the health check, a page not found, a CORS preflight), with the
// same request id and CRC32 headers; no Content-Type when `content_type` is empty.
HttpResponse make_plain_response(http::status status, std::string body, const HttpRequest& request,
                                 std::string_view content_type);

// 413 for a request body over the limit (kMaxRequestBodyBytes), as sent or once decoded.
HttpResponse make_too_large_response(const HttpRequest& request);

// Sets x-amz-crc32 and Content-Length for the body as it is now (after compressing it).
void seal_body(HttpResponse& response);

// The id of the request this thread answers while a RequestIdScope lives: a fresh UUID, sent as
// x-amzn-RequestId and written in the log lines the request causes.
class RequestIdScope {
 public:
  RequestIdScope();
  ~RequestIdScope();
  RequestIdScope(const RequestIdScope&) = delete;
  RequestIdScope& operator=(const RequestIdScope&) = delete;
  const std::string& id() const { return id_; }

 private:
  std::string id_;
  const std::string* outer_;
};

// The current request's id; empty outside a RequestIdScope.
std::string_view current_request_id();

}  // namespace ddblocal
