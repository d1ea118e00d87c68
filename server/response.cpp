#include "server/response.h"

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>
#include <zlib.h>

#include "protocol/wire/responses.h"
#include "server/header_text.h"

namespace ddblocal {
namespace {

thread_local const std::string* current_id = nullptr;

// A version 4 UUID from a per-thread Mersenne Twister seeded once from the system's entropy:
// boost's default generator asks the kernel (getrandom) for every id, a system call per request.
std::string new_request_id() {
  thread_local boost::uuids::random_generator_mt19937 generator;
  return boost::uuids::to_string(generator());
}

}  // namespace

RequestIdScope::RequestIdScope() : id_(new_request_id()), outer_(current_id) {
  current_id = &id_;
}

RequestIdScope::~RequestIdScope() {
  current_id = outer_;
}

std::string_view current_request_id() {
  return current_id == nullptr ? std::string_view() : std::string_view(*current_id);
}

void seal_body(HttpResponse& response) {
  const std::string& body = response.body();
  uLong crc =
      crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  response.set("x-amz-crc32", std::to_string(crc));
  response.prepare_payload();
}

HttpResponse make_plain_response(http::status status, std::string body, const HttpRequest& request,
                                 std::string_view content_type) {
  HttpResponse response(status, request.version());
  if (!content_type.empty()) {
    response.set(http::field::content_type, to_beast(content_type));
  }
  response.set("x-amzn-RequestId", current_id != nullptr ? *current_id : new_request_id());
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  seal_body(response);
  return response;
}

HttpResponse make_response(http::status status, std::string body, const HttpRequest& request) {
  return make_plain_response(status, std::move(body), request, "application/x-amz-json-1.0");
}

HttpResponse make_error_response(const ApiError& error, const HttpRequest& request) {
  return make_response(static_cast<http::status>(error.http_status()),
                       wire::write_error_body(error), request);
}

HttpResponse make_too_large_response(const HttpRequest& request) {
  HttpResponse response = make_error_response(
      ApiError::validation(concat("Request body exceeds the limit of ",
                                  std::to_string(kMaxRequestBodyBytes), " bytes")),
      request);
  response.result(http::status::payload_too_large);
  return response;
}

}  // namespace ddblocal
