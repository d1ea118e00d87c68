// Handlers: one function per DynamoDB operation, from a parsed request body to the response
// body. Files group them by operation family (tables.cpp, items.cpp, ...).
#pragma once

#include <string>

#include "protocol/result.h"
#include "protocol/wire/json.h"
#include "protocol/wire/table_names.h"
#include "server/handlers/client_request_tokens.h"
#include "server/transfer_jobs.h"
#include "storage/store.h"

namespace ddblocal {

struct RequestContext {
  std::string region;
  // The request's Host header (DescribeEndpoints answers it).
  std::string host;
  storage::Store& store;
  ClientRequestTokens& client_request_tokens;
  TransferJobs& transfer_jobs;
  // The folder standing in for S3 (--s3-root); empty: none.
  const std::string& s3_root;
};

// The name of the table a TableName member (its name, or its ARN) names in the request's
// namespace. A name costs a prefix check.
inline Result<std::string_view> table_name_of(const RequestContext& context,
                                              std::string_view member) {
  return wire::table_name_in_namespace(member, context.region);
}

// The table a TableName member names.
inline Result<std::shared_ptr<const storage::Table>> find_table(RequestContext& context,
                                                                std::string_view member) {
  DDB_ASSIGN_OR_RETURN(std::string_view name, table_name_of(context, member));
  return context.store.find_table(context.region, name);
}

// Answers the JSON response body, or the error DynamoDB would send.
using Handler = Result<std::string> (*)(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_create_table(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_describe_table(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_list_tables(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_update_table(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_delete_table(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_describe_limits(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_describe_endpoints(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_tag_resource(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_untag_resource(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_list_tags_of_resource(RequestContext& context,
                                                 const wire::JsonValue& body);

Result<std::string> handle_put_resource_policy(RequestContext& context,
                                               const wire::JsonValue& body);
Result<std::string> handle_get_resource_policy(RequestContext& context,
                                               const wire::JsonValue& body);
Result<std::string> handle_delete_resource_policy(RequestContext& context,
                                                  const wire::JsonValue& body);

Result<std::string> handle_create_backup(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_describe_backup(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_list_backups(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_delete_backup(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_restore_table_from_backup(RequestContext& context,
                                                     const wire::JsonValue& body);
Result<std::string> handle_describe_continuous_backups(RequestContext& context,
                                                       const wire::JsonValue& body);
Result<std::string> handle_update_continuous_backups(RequestContext& context,
                                                     const wire::JsonValue& body);
Result<std::string> handle_restore_table_to_point_in_time(RequestContext& context,
                                                          const wire::JsonValue& body);

Result<std::string> handle_export_table(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_describe_export(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_list_exports(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_import_table(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_describe_import(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_list_imports(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_put_item(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_get_item(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_update_item(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_delete_item(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_batch_write_item(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_batch_get_item(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_transact_write_items(RequestContext& context,
                                                const wire::JsonValue& body);
Result<std::string> handle_transact_get_items(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_execute_statement(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_batch_execute_statement(RequestContext& context,
                                                   const wire::JsonValue& body);
Result<std::string> handle_execute_transaction(RequestContext& context,
                                               const wire::JsonValue& body);

Result<std::string> handle_query(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_scan(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_update_time_to_live(RequestContext& context,
                                               const wire::JsonValue& body);
Result<std::string> handle_describe_time_to_live(RequestContext& context,
                                                 const wire::JsonValue& body);

// DynamoDB Streams.
Result<std::string> handle_list_streams(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_describe_stream(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_get_shard_iterator(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_get_records(RequestContext& context, const wire::JsonValue& body);

}  // namespace ddblocal
