// Router: answers one DynamoDB request by the operation its X-Amz-Target names, in DynamoDB's
// order of checks: the body must be JSON (SerializationException), the target an operation
// (UnknownOperationException), the request signed (the Authenticator's errors); then the
// operation's handler runs. The HTTP layer never looks inside a body; the handlers never see
// HTTP.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/asio.h"
#include "server/authenticator.h"
#include "server/handlers/client_request_tokens.h"
#include "server/handlers/handler.h"
#include "storage/store.h"

namespace ddblocal {

// A router's answer, and what the metrics count of it.
struct RoutedResponse {
  HttpResponse response;
  // Which of Router::operations() ran, if the target named one.
  std::optional<std::size_t> operation;
  // The error answered, if any.
  std::optional<ErrorType> error;
};

class Router {
 public:
  Router(storage::Store& store, const Authenticator& authenticator);

  // `body` is the request's body once decoded (request.body() is as sent, for the signature).
  // Never throws: whatever escapes a handler becomes an InternalServerError answer.
  RoutedResponse handle(const HttpRequest& request, std::string_view body) const;

  // The name of every operation, in a fixed order (RoutedResponse::operation indexes it).
  const std::vector<std::string_view>& operations() const { return operation_names_; }

 private:
  struct Route {
    Handler handler;
    std::size_t index;
  };
  RoutedResponse dispatch(const HttpRequest& request, std::string_view body) const;

  storage::Store& store_;
  const Authenticator& authenticator_;
  std::unordered_map<std::string_view, Route> routes_;
  std::vector<std::string_view> operation_names_;
  // Shared by every request; synchronized inside.
  mutable ClientRequestTokens client_request_tokens_;
};

}  // namespace ddblocal
