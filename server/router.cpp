#include "server/router.h"

#include <algorithm>
#include <exception>

#include <spdlog/spdlog.h>

#include "protocol/wire/json.h"
#include "server/response.h"

namespace ddblocal {
namespace {

constexpr std::string_view kTargetPrefix = "DynamoDB_20120810.";

const std::unordered_map<std::string_view, Handler>& handlers() {
  static const std::unordered_map<std::string_view, Handler> table = {
      {"BatchGetItem", &handle_batch_get_item},
      {"BatchWriteItem", &handle_batch_write_item},
      {"CreateTable", &handle_create_table},
      {"DeleteTable", &handle_delete_table},
      {"DeleteItem", &handle_delete_item},
      {"DescribeTable", &handle_describe_table},
      {"GetItem", &handle_get_item},
      {"ListTables", &handle_list_tables},
      {"PutItem", &handle_put_item},
      {"Query", &handle_query},
      {"Scan", &handle_scan},
      {"TransactGetItems", &handle_transact_get_items},
      {"TransactWriteItems", &handle_transact_write_items},
      {"UpdateItem", &handle_update_item},
      {"UpdateTable", &handle_update_table},
  };
  return table;
}

// The operation X-Amz-Target names ("DynamoDB_20120810.PutItem" -> "PutItem"), or empty.
std::string_view operation_of(std::string_view target) {
  return target.starts_with(kTargetPrefix) ? target.substr(kTargetPrefix.size())
                                           : std::string_view();
}

RoutedResponse error_response(const ApiError& error, const HttpRequest& request,
                              std::optional<std::size_t> operation = std::nullopt) {
  return {make_error_response(error, request), operation, error.type()};
}

}  // namespace

Router::Router(storage::Store& store, const Authenticator& authenticator)
    : store_(store), authenticator_(authenticator) {
  for (const auto& [name, handler] : handlers()) {
    operation_names_.push_back(name);
  }
  std::sort(operation_names_.begin(), operation_names_.end());
  for (std::size_t i = 0; i < operation_names_.size(); ++i) {
    routes_.emplace(operation_names_[i], Route{handlers().at(operation_names_[i]), i});
  }
}

RoutedResponse Router::handle(const HttpRequest& request, std::string_view body) const {
  try {
    return dispatch(request, body);
  } catch (const std::exception& error) {
    spdlog::error("internal error in {}: {}", std::string(request["X-Amz-Target"]), error.what());
  } catch (...) {
    spdlog::error("internal error: unknown exception");
  }
  return error_response(ApiError::internal("Internal server error"), request);
}

RoutedResponse Router::dispatch(const HttpRequest& request, std::string_view body) const {
  // A body that is not JSON is refused before anything else, but an empty one only after the
  // target and the signature (dynalite's tests, recorded against DynamoDB).
  wire::JsonDocument document;
  Result<void> parsed = body.empty() ? Result<void>() : wire::parse_request_body(body, document);
  if (!parsed) {
    return error_response(parsed.error(), request);
  }
  auto route = routes_.find(operation_of(to_std(request["X-Amz-Target"])));
  if (route == routes_.end()) {
    return error_response(ApiError::unknown_operation(), request);
  }
  const std::size_t operation = route->second.index;
  Result<std::string> tables_namespace = authenticator_.tables_namespace(request);
  if (!tables_namespace) {
    return error_response(tables_namespace.error(), request, operation);
  }
  if (body.empty()) {
    parsed = wire::parse_request_body(body, document);
    if (!parsed) {
      return error_response(parsed.error(), request, operation);
    }
  }
  RequestContext context{std::move(*tables_namespace), store_, client_request_tokens_};
  Result<std::string> answer = route->second.handler(context, document);
  if (!answer) {
    return error_response(answer.error(), request, operation);
  }
  return {make_response(http::status::ok, std::move(*answer), request), operation, std::nullopt};
}

}  // namespace ddblocal
