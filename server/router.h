// Router: answers one HTTP request by the operation its X-Amz-Target names. The HTTP layer
// never looks inside a body; the handlers never see HTTP.
#pragma once

#include "server/asio.h"
#include "server/handlers/client_request_tokens.h"
#include "storage/store.h"

namespace ddblocal {

class Router {
 public:
  explicit Router(storage::Store& store) : store_(store) {}

  // Never throws: whatever escapes a handler becomes an InternalServerError answer.
  HttpResponse handle(const HttpRequest& request) const;

 private:
  HttpResponse dispatch(const HttpRequest& request) const;

  storage::Store& store_;
  // Shared by every request; synchronized inside.
  mutable ClientRequestTokens client_request_tokens_;
};

}  // namespace ddblocal
