// Query and Scan: a page of items read from the store, then filtered and projected.
#include <algorithm>

#include "protocol/expressions/evaluate.h"
#include "protocol/expressions/projection.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"
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
};

// The table a Query or Scan reads, and the index when it reads one.
struct ReadTarget {
  std::shared_ptr<const storage::Table> table;
  const SecondaryIndex* index = nullptr;
};

// The table (and index) a Query or Scan reads, once IndexName, the index's rules and
// ExclusiveStartKey are checked.
template <typename Request>
Result<ReadTarget> target_to_read(RequestContext& context, const Request& request) {
  DDB_ASSIGN_OR_RETURN(auto table, context.store.find_table(context.region, request.table_name));
  ReadTarget target{std::move(table)};
  const TableSchema& schema = target.table->schema;
  if (request.index_name) {
    target.index = find_index(schema, *request.index_name);
    if (target.index == nullptr) {
      return ApiError::validation("The table does not have the specified index: " +
                                  *request.index_name);
    }
    if (target.table->indexes[index_position(schema, *target.index)].status ==
        IndexStatus::kCreating) {
      // The service's text, as a CloudFormation user quoted it (cloudformation-coverage-roadmap
      // issue 1075).
      return ApiError::validation("Cannot read from backfilling global secondary index");
    }
    DDB_RETURN_IF_ERROR(wire::validate_index_read(
        schema, *target.index,
        {request.select, request.projection ? &*request.projection : nullptr,
         request.filter ? &*request.filter : nullptr, request.consistent_read}));
  }
  if (request.exclusive_start_key) {
    DDB_RETURN_IF_ERROR(
        wire::validate_exclusive_start_key(schema, *request.exclusive_start_key, target.index));
  }
  return target;
}

// A local index whose projection lacks attributes the read needs reads its items from the
// table instead, as DynamoDB does (a global index refused such a read in target_to_read).
bool reads_table_items(const ReadTarget& target, const PageShape& shape) {
  const SecondaryIndex* index = target.index;
  if (index == nullptr || index->projection == ProjectionType::kAll) {
    return false;
  }
  if (shape.select == wire::Select::kAllAttributes) {
    return true;
  }
  std::vector<std::string> names;
  if (shape.projection) {
    names = expr::attribute_names(shape.projection->paths);
  }
  if (shape.filter) {
    std::vector<std::string> filtered = expr::attribute_names(*shape.filter);
    names.insert(names.end(), filtered.begin(), filtered.end());
  }
  return std::any_of(names.begin(), names.end(), [&](const std::string& name) {
    return !wire::index_projects(target.table->schema, *index, name);
  });
}

// Replaces each index entry of the page by its item in the table (an item deleted since the
// index was read keeps its entry). Each item fetched is a read of its own.
Result<void> read_table_items(RequestContext& context, const storage::Table& table,
                              storage::ItemPage& page, capacity::Read read,
                              RequestMetrics& metrics) {
  std::vector<Item> keys;
  keys.reserve(page.items.size());
  for (const Item& item : page.items) {
    keys.push_back(wire::key_of(table.schema, item));
  }
  std::vector<storage::ItemAddress> addresses;
  for (const Item& key : keys) {
    addresses.push_back({&table, &key});
  }
  DDB_ASSIGN_OR_RETURN(auto items, context.store.get_all(addresses));
  for (std::size_t i = 0; i < items.size(); ++i) {
    metrics.add_item_read(table, items[i], read);
    if (items[i]) {
      page.items[i] = std::move(*items[i]);
    }
  }
  return {};
}

// Count counts the items that pass the filter; ScannedCount every item read. The page costs
// what it read, before the filter and the projection.
Result<std::string> page_response(RequestContext& context, const ReadTarget& target,
                                  storage::ItemPage page, const PageShape& shape,
                                  capacity::Report report) {
  const TableSchema& schema = target.table->schema;
  RequestMetrics metrics(report, false);
  metrics.add_page_read(*target.table, target.index, page.bytes, shape.read);
  std::optional<Item> last_evaluated_key;
  if (page.truncated && !page.items.empty()) {
    last_evaluated_key = wire::key_of(schema, page.items.back(), target.index);
  }
  if (reads_table_items(target, shape)) {
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

storage::PageRequest page_request(const ReadTarget& target,
                                  const std::optional<Item>& exclusive_start_key,
                                  const std::optional<std::int64_t>& limit, bool forward) {
  storage::PageRequest request;
  request.exclusive_start_key = exclusive_start_key ? &*exclusive_start_key : nullptr;
  if (limit) {
    request.limit = static_cast<std::size_t>(*limit);
  }
  request.forward = forward;
  request.index = target.index;
  return request;
}

}  // namespace

Result<std::string> handle_query(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_query(body));
  DDB_ASSIGN_OR_RETURN(auto target, target_to_read(context, request));
  const TableSchema& schema = target.table->schema;
  // The key condition is on the keys of what is read.
  const AttributeDefinition& partition_key =
      target.index ? target.index->partition_key : schema.partition_key;
  const std::optional<AttributeDefinition>& sort_key =
      target.index ? target.index->sort_key : schema.sort_key;
  DDB_ASSIGN_OR_RETURN(auto key_condition, wire::query_key_range(request, partition_key, sort_key));
  DDB_ASSIGN_OR_RETURN(
      auto page, context.store.query(*target.table, key_condition,
                                     page_request(target, request.exclusive_start_key,
                                                  request.limit, request.scan_index_forward)));
  return page_response(context, target, std::move(page),
                       {request.filter, request.projection, request.select,
                        capacity::read_of(request.consistent_read)},
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
      context.store.scan(*target.table, segment,
                         page_request(target, request.exclusive_start_key, request.limit, true)));
  return page_response(context, target, std::move(page),
                       {request.filter, request.projection, request.select,
                        capacity::read_of(request.consistent_read)},
                       request.return_consumed_capacity);
}

}  // namespace ddblocal
