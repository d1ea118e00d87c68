// DescribeLimits and DescribeEndpoints: what the account may use and where to reach it.
#include "protocol/arn.h"
#include "protocol/wire/control_requests.h"
#include "server/handlers/handler.h"

namespace ddblocal {

Result<std::string> handle_describe_limits(RequestContext&, const wire::JsonValue&) {
  return wire::write_describe_limits();
}

// The endpoint is this server, as the client reached it (the Host header); an HTTP/1.0
// request without one gets the service's name for the region.
Result<std::string> handle_describe_endpoints(RequestContext& context, const wire::JsonValue&) {
  return wire::write_describe_endpoints(
      context.host.empty()
          ? "dynamodb." + std::string(region_of_namespace(context.region)) + ".amazonaws.com"
          : context.host);
}

}  // namespace ddblocal
