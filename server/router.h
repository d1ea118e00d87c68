// Router: answers one DynamoDB request by the operation its X-Amz-Target names, in DynamoDB's
// order of checks: the body must be JSON (SerializationException), the target an operation
// (UnknownOperationException), the request signed (the Authenticator's errors); then the
// operation's handler runs. The HTTP layer never looks inside a body; the handlers never see
// HTTP.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "server/asio.h"
#include "server/authenticator.h"
#include "server/handlers/client_request_tokens.h"
#include "server/handlers/handler.h"
#include "server/transfer_jobs.h"
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
  // `s3_root`: the folder standing in for S3 for exports and imports (empty: none).
  Router(storage::Store& store, const Authenticator& authenticator, std::string s3_root = {});

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
  // By X-Amz-Target ("DynamoDB_20120810.PutItem"), looked up without a copy.
  struct TargetHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view target) const {
      return std::hash<std::string_view>{}(target);
    }
  };
  std::unordered_map<std::string, Route, TargetHash, std::equal_to<>> routes_;
  std::vector<std::string_view> operation_names_;
  // Shared by every request; synchronized inside.
  mutable ClientRequestTokens client_request_tokens_;
  mutable TransferJobs transfer_jobs_;
  std::string s3_root_;
};

}  // namespace ddblocal
