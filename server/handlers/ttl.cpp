// UpdateTimeToLive, DescribeTimeToLive.
#include "protocol/wire/ttl.h"

#include "server/handlers/handler.h"

namespace ddblocal {

Result<std::string> handle_update_time_to_live(RequestContext& context,
                                               const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_update_time_to_live(body));
  DDB_ASSIGN_OR_RETURN(auto name, table_name_of(context, request.table_name));
  DDB_RETURN_IF_ERROR(context.store.update_time_to_live(
      context.region, name, [&](const std::optional<std::string>& current) {
        return wire::apply_time_to_live_update(current, request);
      }));
  return wire::write_update_time_to_live_response(request);
}

Result<std::string> handle_describe_time_to_live(RequestContext& context,
                                                 const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_describe_time_to_live(body));
  DDB_ASSIGN_OR_RETURN(auto name, table_name_of(context, request.table_name));
  DDB_ASSIGN_OR_RETURN(auto attribute, context.store.describe_time_to_live(context.region, name));
  return wire::write_describe_time_to_live_response(attribute);
}

}  // namespace ddblocal
