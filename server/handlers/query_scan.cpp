// Query and Scan: a page of items read from the store, then filtered and projected.
#include "protocol/expressions/evaluate.h"
#include "protocol/expressions/key_condition.h"
#include "protocol/expressions/projection.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"

namespace ddblocal {
namespace {

// What Query and Scan have in common once their reads are done.
struct PageShape {
  const std::optional<expr::Condition>& filter;
  const std::optional<expr::Projection>& projection;
  wire::Select select;
};

// Count counts the items that pass the filter; ScannedCount every item read.
std::string page_response(const TableSchema& schema, storage::ItemPage page,
                          const PageShape& shape) {
  std::optional<Item> last_evaluated_key;
  if (page.truncated && !page.items.empty()) {
    last_evaluated_key = wire::key_of(schema, page.items.back());
  }
  const std::size_t scanned_count = page.items.size();
  std::vector<Item> matching;
  for (Item& item : page.items) {
    if (shape.filter && !expr::evaluate(*shape.filter, &item)) {
      continue;
    }
    matching.push_back(shape.projection ? expr::project(item, shape.projection->paths)
                                        : std::move(item));
  }
  const bool count_only = shape.select == wire::Select::kCount;
  return wire::write_page_response(count_only ? nullptr : &matching, matching.size(), scanned_count,
                                   last_evaluated_key ? &*last_evaluated_key : nullptr);
}

// The table a Query or Scan reads, once IndexName and ExclusiveStartKey are checked.
Result<std::shared_ptr<const storage::Table>> table_to_read(
    RequestContext& context, const std::string& table_name,
    const std::optional<std::string>& index_name, const std::optional<Item>& exclusive_start_key) {
  DDB_ASSIGN_OR_RETURN(auto table, context.store.find_table(context.region, table_name));
  if (index_name) {
    return ApiError::validation("The table does not have the specified index: " + *index_name);
  }
  if (exclusive_start_key) {
    DDB_RETURN_IF_ERROR(wire::validate_exclusive_start_key(table->schema, *exclusive_start_key));
  }
  return table;
}

storage::PageRequest page_request(const std::optional<Item>& exclusive_start_key,
                                  const std::optional<std::int64_t>& limit, bool forward) {
  storage::PageRequest request;
  request.exclusive_start_key = exclusive_start_key ? &*exclusive_start_key : nullptr;
  if (limit) {
    request.limit = static_cast<std::size_t>(*limit);
  }
  request.forward = forward;
  return request;
}

}  // namespace

Result<std::string> handle_query(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_query(body));
  DDB_ASSIGN_OR_RETURN(auto table, table_to_read(context, request.table_name, request.index_name,
                                                 request.exclusive_start_key));
  const TableSchema& schema = table->schema;
  DDB_ASSIGN_OR_RETURN(
      auto key_condition,
      expr::to_key_condition(request.key_condition, schema.partition_key, schema.sort_key));
  if (request.filter) {
    DDB_RETURN_IF_ERROR(
        expr::check_filter_keys(*request.filter, schema.partition_key, schema.sort_key));
  }
  DDB_ASSIGN_OR_RETURN(auto page,
                       context.store.query(*table, key_condition,
                                           page_request(request.exclusive_start_key, request.limit,
                                                        request.scan_index_forward)));
  return page_response(schema, std::move(page),
                       {request.filter, request.projection, request.select});
}

Result<std::string> handle_scan(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_scan(body));
  DDB_ASSIGN_OR_RETURN(auto table, table_to_read(context, request.table_name, request.index_name,
                                                 request.exclusive_start_key));
  std::optional<storage::ScanSegment> segment;
  if (request.segment && request.total_segments) {
    segment = storage::ScanSegment{static_cast<std::uint64_t>(*request.segment),
                                   static_cast<std::uint64_t>(*request.total_segments)};
  }
  DDB_ASSIGN_OR_RETURN(auto page, context.store.scan(*table, segment,
                                                     page_request(request.exclusive_start_key,
                                                                  request.limit, true)));
  return page_response(table->schema, std::move(page),
                       {request.filter, request.projection, request.select});
}

}  // namespace ddblocal
