// DescribeContinuousBackups, UpdateContinuousBackups, RestoreTableToPointInTime.
#include <cmath>

#include "protocol/arn.h"
#include "protocol/clock.h"
#include "protocol/wire/backups.h"
#include "protocol/wire/responses.h"
#include "protocol/wire/table_members.h"
#include "server/handlers/handler.h"

namespace ddblocal {
namespace {

// The source table a restore names: SourceTableName, or the table of SourceTableArn (of this
// account and region).
Result<std::string> source_table_of(const RequestContext& context,
                                    const wire::RestoreTableToPointInTimeRequest& request) {
  if (request.source_table_name) {
    return *request.source_table_name;
  }
  std::optional<ParsedArn> parsed = parse_arn(*request.source_table_arn);
  if (!parsed || parsed->kind != ArnResource::kTable || !parsed->table_name) {
    return ApiError::validation("Invalid TableArn: " + *request.source_table_arn);
  }
  if (parsed->account != kAccountId || parsed->region != region_of_namespace(context.region)) {
    return ApiError::table_not_found(*request.source_table_arn);
  }
  return *parsed->table_name;
}

}  // namespace

Result<std::string> handle_describe_continuous_backups(RequestContext& context,
                                                       const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto member, wire::parse_table_name_only(body));
  DDB_ASSIGN_OR_RETURN(auto name, table_name_of(context, member));
  DDB_ASSIGN_OR_RETURN(auto recovery, context.store.describe_point_in_time_recovery(
                                          context.region, name, unix_ms()));
  return wire::write_continuous_backups_response(recovery);
}

Result<std::string> handle_update_continuous_backups(RequestContext& context,
                                                     const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_update_continuous_backups(body));
  DDB_ASSIGN_OR_RETURN(auto name, table_name_of(context, request.table_name));
  DDB_ASSIGN_OR_RETURN(auto recovery, context.store.update_point_in_time_recovery(
                                          context.region, name, request.enabled,
                                          request.recovery_period_days, unix_ms()));
  return wire::write_continuous_backups_response(recovery);
}

Result<std::string> handle_restore_table_to_point_in_time(RequestContext& context,
                                                          const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_restore_table_to_point_in_time(body));
  DDB_ASSIGN_OR_RETURN(std::string source, source_table_of(context, request));
  std::optional<std::int64_t> time_ms;
  if (request.restore_date_time) {
    time_ms = static_cast<std::int64_t>(std::llround(*request.restore_date_time * 1000));
  }
  DDB_ASSIGN_OR_RETURN(auto table, context.store.restore_table_to_point_in_time(
                                       context.region, source, request.target_table_name, time_ms,
                                       unix_ms(), [&](const Backup& backup) {
                                         return wire::apply_restore_overrides(backup.table,
                                                                              request.overrides);
                                       }));
  return wire::write_table_description_response("TableDescription", table);
}

}  // namespace ddblocal
