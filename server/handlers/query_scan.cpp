// Query and Scan: a page of items read from the store, then filtered and projected.
#include <algorithm>

#include "protocol/expressions/evaluate.h"
#include "protocol/expressions/projection.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"
#include "server/handlers/read_target.h"
#include "server/handlers/request_metrics.h"

namespace ddblocal {
namespace {

// What Query and Scan have in common once their reads are done.
struct PageShape {
  const std::optional<expr::Condition>& filter;
  const std::optional<expr::Projection>& projection;
  wire::Select select;
  // ConsistentRead, for the capacity the page consumed.
  capacity::Read read;
  // TableName as the request gave it: the answer names the table so.
  std::string_view table_member;
};

// The table (and index) a Query or Scan reads, once IndexName, the index's rules and
// ExclusiveStartKey are checked.
template <typename Request>
Result<ReadTarget> target_to_read(RequestContext& context, const Request& request) {
  DDB_ASSIGN_OR_RETURN(
      ReadTarget target,
      target_to_read(context, request.table_name, request.index_name,
                     {request.select, request.projection ? &*request.projection : nullptr,
                      request.filter ? &*request.filter : nullptr, request.consistent_read}));
  if (request.exclusive_start_key) {
    DDB_RETURN_IF_ERROR(wire::validate_exclusive_start_key(
        target.table->schema, *request.exclusive_start_key, target.index));
  }
  return target;
}

// Count counts the items that pass the filter; ScannedCount every item read. The page costs
// what it read, before the filter and the projection.
Result<std::string> page_response(RequestContext& context, const ReadTarget& target,
                                  storage::ItemPage page, const PageShape& shape,
                                  capacity::Report report) {
  const TableSchema& schema = target.table->schema;
  RequestMetrics metrics(report, false);
  metrics.name_table(*target.table, shape.table_member);
  metrics.add_page_read(*target.table, target.index, page.bytes, shape.read);
  std::optional<Item> last_evaluated_key;
  if (page.truncated && !page.items.empty()) {
    last_evaluated_key = wire::key_of(schema, page.items.back(), target.index);
  }
  if (reads_table_items(target, shape.select, shape.projection ? &*shape.projection : nullptr,
                        shape.filter ? &*shape.filter : nullptr)) {
    DDB_RETURN_IF_ERROR(read_table_items(context, *target.table, page, shape.read, metrics));
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
                                   last_evaluated_key ? &*last_evaluated_key : nullptr,
                                   metrics.response());
}

}  // namespace

Result<std::string> handle_query(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_query(body));
  DDB_ASSIGN_OR_RETURN(auto target, target_to_read(context, request));
  const TableSchema& schema = target.table->schema;
  // The key condition is on the keys of what is read.
  DDB_ASSIGN_OR_RETURN(auto key_condition,
                       wire::query_key_range(request, key_attributes(schema, target.index)));
  DDB_ASSIGN_OR_RETURN(
      auto page,
      context.store.query(
          *target.table, key_condition,
          page_request(target,
                       request.exclusive_start_key ? &*request.exclusive_start_key : nullptr,
                       request.limit, request.scan_index_forward)));
  return page_response(context, target, std::move(page),
                       {request.filter, request.projection, request.select,
                        capacity::read_of(request.consistent_read), request.table_name},
                       request.return_consumed_capacity);
}

Result<std::string> handle_scan(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_scan(body));
  DDB_ASSIGN_OR_RETURN(auto target, target_to_read(context, request));
  std::optional<storage::ScanSegment> segment;
  if (request.segment && request.total_segments) {
    segment = storage::ScanSegment{static_cast<std::uint64_t>(*request.segment),
                                   static_cast<std::uint64_t>(*request.total_segments)};
  }
  DDB_ASSIGN_OR_RETURN(
      auto page,
      context.store.scan(
          *target.table, segment,
          page_request(target,
                       request.exclusive_start_key ? &*request.exclusive_start_key : nullptr,
                       request.limit, true)));
  return page_response(context, target, std::move(page),
                       {request.filter, request.projection, request.select,
                        capacity::read_of(request.consistent_read), request.table_name},
                       request.return_consumed_capacity);
}

}  // namespace ddblocal
