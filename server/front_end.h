// FrontEnd: DynamoDB's HTTP surface around the router. In DynamoDB's order (dynalite's and
// Alternator's tests, recorded against the service): a CORS preflight (OPTIONS from an allowed
// Origin) is answered; GET / is the health check and GET /metrics ddblocal's metrics; any other
// method or path, or a body whose Content-Type is not JSON, gets DynamoDB's 404
// <UnknownOperationException/>; a gzip or deflate body is decoded (refused with 500
// InternalFailure when broken, 413 when it decodes to more than the request limit); then the
// router answers. The answer is compressed when the client's Accept-Encoding asks and it is big
// enough, carries CORS headers for an allowed Origin, and is counted in the metrics.
#pragma once

#include <cstddef>

#include "server/asio.h"
#include "server/cors.h"
#include "server/metrics.h"
#include "server/router.h"
#include "storage/store.h"

namespace ddblocal {

class FrontEnd {
 public:
  FrontEnd(const Router& router, const CorsPolicy& cors, Metrics& metrics, storage::Store& store);

  // The answer to one request. Never throws.
  HttpResponse answer(const HttpRequest& request) const;

 private:
  RoutedResponse route(const HttpRequest& request) const;
  void finish(const HttpRequest& request, HttpResponse& response) const;

  const Router& router_;
  const CorsPolicy& cors_;
  Metrics& metrics_;
  storage::Store& store_;
};

}  // namespace ddblocal
