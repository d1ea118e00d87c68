// Query and Scan: a page of items read from the store, then filtered and projected.
#include <algorithm>

#include "protocol/expressions/evaluate.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"
#include "server/handlers/projected_items.h"
#include "server/handlers/read_target.h"
#include "server/handlers/request_metrics.h"

namespace ddblocal {
namespace {

// What Query and Scan have in common in their answers.
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

// Writes each item into the answer as the store reads it, filtered and projected. Without a
// filter, an item goes from its stored encoding straight to JSON when the projection allows
// (ProjectedItems); otherwise it is decoded first.
class AnswerSink : public storage::PageSink {
 public:
  AnswerSink(const PageShape& shape, const storage::Table& table, RequestMetrics& metrics)
      : shape_(shape),
        table_(table),
        metrics_(metrics),
        projected_(shape.projection),
        answer_(!count_only()) {}

  Result<void> accept(const storage::StoredItem& item) override {
    if (item.from_table) {
      metrics_.add_item_read(table_, item.size, shape_.read);
    }
    if (!shape_.filter && projected_.streams()) {
      ++count_;
      return count_only() ? Result<void>() : projected_.write(item, answer_);
    }
    DDB_ASSIGN_OR_RETURN(Item decoded, item.decode());
    if (shape_.filter && !expr::evaluate(*shape_.filter, &decoded)) {
      return {};
    }
    ++count_;
    if (!count_only()) {
      projected_.write(decoded, answer_);
    }
    return {};
  }

  // Count counts the items that pass the filter; ScannedCount every item read.
  std::string finish(const storage::PageSummary& page, const Item* last_evaluated_key,
                     const wire::ResponseMetrics& metrics) {
    return answer_.finish(count_, page.count, last_evaluated_key, metrics);
  }

 private:
  bool count_only() const { return shape_.select == wire::Select::kCount; }

  const PageShape& shape_;
  const storage::Table& table_;
  RequestMetrics& metrics_;
  ProjectedItems projected_;
  wire::PageResponseWriter answer_;
  std::size_t count_ = 0;
};

// Reads a page of `request` (a Query or Scan, in `forward` key order) into the answer through
// `read`, the store's query or scan of a page request. The page costs what it read, before the
// filter and the projection.
template <typename Request, typename Read>
Result<std::string> read_answer(const ReadTarget& target, const Request& request, bool forward,
                                const Read& read) {
  const PageShape shape{request.filter, request.projection, request.select,
                        capacity::read_of(request.consistent_read), request.table_name};
  RequestMetrics metrics(request.return_consumed_capacity, false);
  metrics.name_table(*target.table, shape.table_member);
  AnswerSink sink(shape, *target.table, metrics);
  const storage::PageRequest page_read = page_request(
      target, request.exclusive_start_key ? &*request.exclusive_start_key : nullptr, request.limit,
      forward,
      reads_table_items(target, shape.select, shape.projection ? &*shape.projection : nullptr,
                        shape.filter ? &*shape.filter : nullptr));
  DDB_ASSIGN_OR_RETURN(storage::PageSummary page, read(page_read, sink));
  DDB_RETURN_IF_ERROR(check_start_in_range(page));
  metrics.add_page_read(*target.table, target.index, page.bytes, shape.read);
  std::optional<Item> last_evaluated_key;
  if (page.last_item) {
    last_evaluated_key = wire::key_of(target.table->schema, *page.last_item, target.index);
  }
  return sink.finish(page, last_evaluated_key ? &*last_evaluated_key : nullptr, metrics.response());
}

}  // namespace

Result<std::string> handle_query(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_query(body));
  DDB_ASSIGN_OR_RETURN(auto target, target_to_read(context, request));
  const TableSchema& schema = target.table->schema;
  // The key condition is on the keys of what is read.
  DDB_ASSIGN_OR_RETURN(auto key_condition,
                       wire::query_key_range(request, key_attributes(schema, target.index)));
  const storage::QueryRange range = query_range_of(std::move(key_condition));
  return read_answer(target, request, request.scan_index_forward,
                     [&](const storage::PageRequest& page, storage::PageSink& sink) {
                       return context.store.query(*target.table, range, page, sink);
                     });
}

Result<std::string> handle_scan(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_scan(body));
  DDB_ASSIGN_OR_RETURN(auto target, target_to_read(context, request));
  std::optional<storage::ScanSegment> segment;
  if (request.segment && request.total_segments) {
    segment = storage::ScanSegment{static_cast<std::uint64_t>(*request.segment),
                                   static_cast<std::uint64_t>(*request.total_segments)};
  }
  return read_answer(target, request, true,
                     [&](const storage::PageRequest& page, storage::PageSink& sink) {
                       return context.store.scan(*target.table, segment, page, sink);
                     });
}

}  // namespace ddblocal
