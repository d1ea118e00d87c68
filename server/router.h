// Router: answers one HTTP request by the operation its X-Amz-Target names. The HTTP layer
// never looks inside a body; the handlers never see HTTP.
#pragma once

#include "server/asio.h"
#include "server/handlers/client_request_tokens.h"
#include "server/transfer_jobs.h"
#include "storage/store.h"

namespace ddblocal {

class Router {
 public:
  // `s3_root`: the folder standing in for S3 for exports and imports (empty: none).
  explicit Router(storage::Store& store, std::string s3_root = {})
      : store_(store), s3_root_(std::move(s3_root)) {}

  // Never throws: whatever escapes a handler becomes an InternalServerError answer.
  HttpResponse handle(const HttpRequest& request) const;

 private:
  HttpResponse dispatch(const HttpRequest& request) const;

  storage::Store& store_;
  // Shared by every request; synchronized inside.
  mutable ClientRequestTokens client_request_tokens_;
  mutable TransferJobs transfer_jobs_;
  std::string s3_root_;
};

}  // namespace ddblocal
