// CreateTable, DescribeTable, ListTables, DeleteTable.
#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"

namespace ddblocal {
namespace {

Result<std::string> description_response(std::string_view member,
                                         Result<TableDescription> description) {
  if (!description) {
    return std::move(description).error();
  }
  return wire::write_table_description_response(member, *description);
}

}  // namespace

Result<std::string> handle_create_table(RequestContext& context, const wire::JsonValue& body) {
  Result<wire::CreateTableRequest> request = wire::parse_create_table(body);
  if (!request) {
    return std::move(request).error();
  }
  return description_response("TableDescription",
                              context.store.create_table(context.region, request->schema));
}

Result<std::string> handle_describe_table(RequestContext& context, const wire::JsonValue& body) {
  Result<wire::DescribeTableRequest> request = wire::parse_describe_table(body);
  if (!request) {
    return std::move(request).error();
  }
  return description_response("Table",
                              context.store.describe_table(context.region, request->table_name));
}

Result<std::string> handle_delete_table(RequestContext& context, const wire::JsonValue& body) {
  Result<wire::DeleteTableRequest> request = wire::parse_delete_table(body);
  if (!request) {
    return std::move(request).error();
  }
  return description_response("TableDescription",
                              context.store.delete_table(context.region, request->table_name));
}

Result<std::string> handle_list_tables(RequestContext& context, const wire::JsonValue& body) {
  Result<wire::ListTablesRequest> request = wire::parse_list_tables(body);
  if (!request) {
    return std::move(request).error();
  }
  std::optional<std::string_view> start;
  if (request->exclusive_start_table_name) {
    start = *request->exclusive_start_table_name;
  }
  storage::TablePage page =
      context.store.list_tables(context.region, start, static_cast<std::size_t>(request->limit));
  return wire::write_list_tables_response(page.names, page.last_evaluated);
}

}  // namespace ddblocal
