// CreateBackup, DescribeBackup, ListBackups, DeleteBackup, RestoreTableFromBackup.
#include "protocol/wire/backups.h"

#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"

namespace ddblocal {

Result<std::string> handle_create_backup(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_create_backup(body));
  DDB_ASSIGN_OR_RETURN(auto name, table_name_of(context, request.table_name));
  DDB_ASSIGN_OR_RETURN(auto backup,
                       context.store.create_backup(context.region, name, request.backup_name));
  return wire::write_create_backup_response(backup);
}

Result<std::string> handle_describe_backup(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_describe_backup(body));
  DDB_ASSIGN_OR_RETURN(auto backup, context.store.describe_backup(request.backup_arn));
  return wire::write_backup_description_response(backup);
}

Result<std::string> handle_list_backups(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_list_backups(body));
  if (request.table_name) {
    DDB_ASSIGN_OR_RETURN(auto name, table_name_of(context, *request.table_name));
    request.table_name = std::string(name);
  }
  DDB_ASSIGN_OR_RETURN(auto page,
                       wire::select_backups(context.store.list_backups(), request, context.region));
  return wire::write_list_backups_response(page);
}

Result<std::string> handle_delete_backup(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_delete_backup(body));
  DDB_ASSIGN_OR_RETURN(auto backup, context.store.delete_backup(request.backup_arn));
  return wire::write_backup_description_response(backup);
}

Result<std::string> handle_restore_table_from_backup(RequestContext& context,
                                                     const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_restore_table_from_backup(body));
  DDB_ASSIGN_OR_RETURN(
      auto table,
      context.store.restore_table_from_backup(
          context.region, request.target_table_name, request.backup_arn, [&](const Backup& backup) {
            return wire::apply_restore_overrides(backup.table, request.overrides);
          }));
  return wire::write_table_description_response("TableDescription", table);
}

}  // namespace ddblocal
