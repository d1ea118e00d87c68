#include "server/front_end.h"

#include <chrono>
#include <exception>

#include <spdlog/spdlog.h>

#include "server/content_encoding.h"
#include "server/header_text.h"
#include "server/health.h"
#include "server/http_session.h"
#include "server/response.h"

namespace ddblocal {
namespace {

constexpr std::string_view kAmzJson10 = "application/x-amz-json-1.0";
constexpr std::string_view kAmzJson11 = "application/x-amz-json-1.1";
constexpr std::string_view kJson = "application/json";

// The media type of a Content-Type header: "application/json" of "application/json; charset=x".
std::string_view media_type(std::string_view content_type) {
  return trim_blanks(next_item(content_type, ';'));
}

// DynamoDB reads a body as JSON 1.0 or plain JSON (and ddblocal, like DynamoDB Local, 1.1 too).
bool is_json(std::string_view content_type) {
  std::string_view media = media_type(content_type);
  return equals_ignoring_case(media, kAmzJson10) || equals_ignoring_case(media, kAmzJson11) ||
         equals_ignoring_case(media, kJson);
}

// DynamoDB's answer to a method, path or content type it does not serve.
RoutedResponse not_found(const HttpRequest& request) {
  return {
      make_plain_response(http::status::not_found, "<UnknownOperationException/>\n", request, ""),
      std::nullopt, std::nullopt};
}

RoutedResponse plain(HttpResponse response) {
  return {std::move(response), std::nullopt, std::nullopt};
}

}  // namespace

FrontEnd::FrontEnd(const Router& router, const CorsPolicy& cors, Metrics& metrics,
                   storage::Store& store)
    : router_(router), cors_(cors), metrics_(metrics), store_(store) {}

HttpResponse FrontEnd::answer(const HttpRequest& request) const {
  const auto start = std::chrono::steady_clock::now();
  RequestIdScope request_id;
  RoutedResponse routed;
  try {
    routed = route(request);
    finish(request, routed.response);
  } catch (const std::exception& error) {
    spdlog::error("internal error: {}", error.what());
    ApiError internal = ApiError::internal("Internal server error");
    routed = {make_error_response(internal, request), std::nullopt, internal.type()};
  }
  metrics_.record(routed.operation, routed.error, std::chrono::steady_clock::now() - start);
  if (spdlog::should_log(spdlog::level::debug)) {
    spdlog::debug("{} {} {} -> {}", to_std(request.method_string()), to_std(request.target()),
                  to_std(request["X-Amz-Target"]), routed.response.result_int());
  }
  return std::move(routed.response);
}

RoutedResponse FrontEnd::route(const HttpRequest& request) const {
  std::string_view path = to_std(request.target());
  path = next_item(path, '?');
  switch (request.method()) {
    case http::verb::options:
      return cors_.allows(to_std(request[http::field::origin])) ? plain(cors_.preflight(request))
                                                                : not_found(request);
    case http::verb::get:
      if (path == "/") {
        return plain(health_response(request));
      }
      if (path == "/metrics") {
        return plain(make_plain_response(http::status::ok, metrics_.render(store_), request,
                                         "text/plain; version=0.0.4"));
      }
      return not_found(request);
    case http::verb::post:
      break;
    default:
      return not_found(request);
  }
  if (!request.body().empty() && !is_json(to_std(request[http::field::content_type]))) {
    return not_found(request);
  }
  auto encoding = request.find(http::field::content_encoding);
  if (encoding == request.end()) {
    return router_.handle(request, request.body());
  }
  DecodedBody decoded =
      decode_request_body(to_std(encoding->value()), request.body(), kMaxRequestBodyBytes);
  switch (decoded.outcome) {
    case DecodedBody::Outcome::kDecoded:
      return router_.handle(request, decoded.body);
    case DecodedBody::Outcome::kTooLarge:
      return {make_too_large_response(request), std::nullopt, ErrorType::kValidation};
    case DecodedBody::Outcome::kUnsupported:
    case DecodedBody::Outcome::kCorrupt:
      break;
  }
  ApiError failure = ApiError::internal_failure();
  return {make_error_response(failure, request), std::nullopt, failure.type()};
}

void FrontEnd::finish(const HttpRequest& request, HttpResponse& response) const {
  if (response.body().size() >= kMinCompressedResponseBytes) {
    auto accepted = request.find(http::field::accept_encoding);
    std::optional<ContentCoding> coding;
    if (accepted != request.end()) {
      coding = preferred_coding(to_std(accepted->value()));
    }
    if (coding) {
      std::string compressed = encode_body(*coding, response.body());
      if (!compressed.empty()) {
        response.body() = std::move(compressed);
        response.set(http::field::content_encoding, to_beast(coding_name(*coding)));
        // The SDKs check x-amz-crc32 against the bytes as sent (the AWS SDK for Java v2's
        // calculateCrc32FromCompressedData for DynamoDB).
        seal_body(response);
      }
    }
  }
  if (request.method() != http::verb::options) {
    std::string_view origin = to_std(request[http::field::origin]);
    if (cors_.allows(origin)) {
      cors_.add_headers(response, origin);
    }
  }
  // DynamoDB answers JSON 1.0 in kind, anything else as plain JSON.
  std::string_view media = media_type(to_std(request[http::field::content_type]));
  if (to_std(response[http::field::content_type]) == kAmzJson10 &&
      !equals_ignoring_case(media, kAmzJson10) && !equals_ignoring_case(media, kAmzJson11)) {
    response.set(http::field::content_type, to_beast(kJson));
  }
}

}  // namespace ddblocal
