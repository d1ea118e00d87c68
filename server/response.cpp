#include "server/response.h"

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>
#include <zlib.h>

#include "protocol/wire/responses.h"

namespace ddblocal {
namespace {

std::string new_request_id() {
  thread_local boost::uuids::random_generator generator;
  return boost::uuids::to_string(generator());
}

}  // namespace

HttpResponse make_response(http::status status, std::string body, const HttpRequest& request) {
  HttpResponse response(status, request.version());
  uLong crc =
      crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  response.set(http::field::content_type, "application/x-amz-json-1.0");
  response.set("x-amzn-RequestId", new_request_id());
  response.set("x-amz-crc32", std::to_string(crc));
  response.keep_alive(request.keep_alive());
  response.body() = std::move(body);
  response.prepare_payload();
  return response;
}

HttpResponse make_error_response(const ApiError& error, const HttpRequest& request) {
  return make_response(static_cast<http::status>(error.http_status()),
                       wire::write_error_body(error), request);
}

}  // namespace ddblocal
