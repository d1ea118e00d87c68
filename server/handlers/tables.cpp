// CreateTable, DescribeTable, UpdateTable, ListTables, DeleteTable.
#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"
#include "server/handlers/revision_ids.h"

namespace ddblocal {
namespace {

// CreateTable's Tags and ResourcePolicy, kept beside the new table.
Result<void> attach_tags_and_policy(RequestContext& context,
                                    const wire::CreateTableRequest& request) {
  if (request.tags.empty() && !request.resource_policy) {
    return {};
  }
  DDB_ASSIGN_OR_RETURN(auto table,
                       context.store.find_table(context.region, request.schema.table_name));
  if (!request.tags.empty()) {
    DDB_RETURN_IF_ERROR(
        context.store.change_tags(*table, [&](const TagList&) { return request.tags; }));
  }
  if (request.resource_policy) {
    DDB_RETURN_IF_ERROR(context.store.change_resource_policy(
        *table, [&](const std::optional<ResourcePolicy>&) -> Result<std::optional<ResourcePolicy>> {
          return std::optional(ResourcePolicy{*request.resource_policy, new_revision_id()});
        }));
  }
  return {};
}

}  // namespace

Result<std::string> handle_create_table(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_create_table(body));
  DDB_ASSIGN_OR_RETURN(auto table, context.store.create_table(context.region, request.schema));
  DDB_RETURN_IF_ERROR(attach_tags_and_policy(context, request));
  return wire::write_table_description_response("TableDescription", table);
}

Result<std::string> handle_describe_table(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_describe_table(body));
  DDB_ASSIGN_OR_RETURN(auto name, table_name_of(context, request.table_name));
  DDB_ASSIGN_OR_RETURN(auto table, context.store.describe_table(context.region, name));
  return wire::write_table_description_response("Table", table);
}

Result<std::string> handle_update_table(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_update_table(body));
  DDB_ASSIGN_OR_RETURN(auto name, table_name_of(context, request.table_name));
  DDB_ASSIGN_OR_RETURN(
      auto table, context.store.update_table(context.region, name, [&](const TableSchema& current) {
        return wire::apply_table_update(current, request);
      }));
  return wire::write_table_description_response("TableDescription", table);
}

Result<std::string> handle_delete_table(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_delete_table(body));
  DDB_ASSIGN_OR_RETURN(auto name, table_name_of(context, request.table_name));
  DDB_ASSIGN_OR_RETURN(auto table, context.store.delete_table(context.region, name));
  return wire::write_table_description_response("TableDescription", table);
}

Result<std::string> handle_list_tables(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_list_tables(body));
  std::optional<std::string_view> start;
  if (request.exclusive_start_table_name) {
    start = *request.exclusive_start_table_name;
  }
  storage::TablePage page =
      context.store.list_tables(context.region, start, static_cast<std::size_t>(request.limit));
  return wire::write_list_tables_response(page.names, page.last_evaluated);
}

}  // namespace ddblocal
