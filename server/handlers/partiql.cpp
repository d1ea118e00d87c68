// ExecuteStatement: one PartiQL statement. A SELECT runs as the Queries its WHERE allows (or a
// Scan), pages with Limit and NextToken; INSERT, UPDATE and DELETE run as one conditional write
// of one item, as PutItem, UpdateItem and DeleteItem do.
// Each consumes what the Query, Scan or write it runs as would.
#include "protocol/expressions/evaluate.h"
#include "protocol/wire/partiql_requests.h"
#include "protocol/wire/partiql_responses.h"
#include "server/handlers/handler.h"
#include "server/handlers/partiql_statements.h"
#include "server/handlers/read_target.h"
#include "server/handlers/request_metrics.h"

namespace ddblocal {
namespace {

// Where a page of a SELECT starts: which query (0 for a Scan), after which key (none: from the
// start of that query).
struct Position {
  std::size_t query = 0;
  std::optional<Item> after;
};

// How many reads the plan makes: its Queries, or one Scan.
std::size_t reads_of(const partiql::ReadPlan& plan) {
  return plan.scan ? 1 : plan.queries.size();
}

Result<Position> start_of(const wire::ExecuteStatementRequest& request,
                          const partiql::ReadPlan& plan, const ReadTarget& target) {
  if (!request.next_token) {
    return Position{};
  }
  DDB_ASSIGN_OR_RETURN(wire::PageToken token,
                       wire::decode_page_token(*request.next_token, request.digest));
  const ApiError invalid = ApiError::validation("Invalid NextToken");
  if (token.query >= reads_of(plan)) {
    return invalid;
  }
  Position position{token.query, std::nullopt};
  if (!token.exclusive_start_key.empty()) {
    if (!wire::validate_exclusive_start_key(target.table->schema, token.exclusive_start_key,
                                            target.index)) {
      return invalid;
    }
    position.after = std::move(token.exclusive_start_key);
  }
  return position;
}

// Reads one page of the SELECT from `position`: the items its WHERE keeps, shaped by its SELECT
// list, and where the next page starts (nullopt after the last).
struct SelectPage {
  std::vector<Item> items;
  std::optional<Position> next;
};

Result<SelectPage> read_page(RequestContext& context, const partiql::Read& read,
                             const partiql::ReadPlan& plan, const ReadTarget& target,
                             wire::Select select, Position position,
                             std::optional<std::int64_t> limit, capacity::Read consistency,
                             RequestMetrics& metrics) {
  SelectPage result;
  std::size_t bytes = 0;
  const bool fetch_items =
      reads_table_items(target, select, &read.projection, read.where ? &*read.where : nullptr);
  for (std::size_t query = position.query; query < reads_of(plan); ++query) {
    const Item* after = query == position.query && position.after ? &*position.after : nullptr;
    const storage::PageRequest request =
        page_request(target, after, limit, plan.forward, fetch_items);
    storage::ItemCollector page;
    DDB_ASSIGN_OR_RETURN(
        storage::PageSummary summary,
        plan.scan ? context.store.scan(*target.table, std::nullopt, request, page)
                  : context.store.query(*target.table, query_range_of(plan.queries[query]), request,
                                        page));
    DDB_RETURN_IF_ERROR(check_start_in_range(summary));
    metrics.add_page_read(*target.table, target.index, summary.bytes, consistency);
    for (std::size_t size : page.table_reads) {
      metrics.add_item_read(*target.table, size, consistency);
    }
    std::optional<Item> last_key;
    if (summary.last_item) {
      last_key = wire::key_of(target.table->schema, *summary.last_item, target.index);
    }
    if (limit) {
      *limit -= static_cast<std::int64_t>(summary.count);
    }
    bytes += page.bytes;
    for (Item& item : page.items) {
      if (!read.where || expr::evaluate(*read.where, &item)) {
        result.items.push_back(partiql::selected(read, std::move(item)));
      }
    }
    if (last_key) {
      result.next = Position{query, std::move(last_key)};
      return result;
    }
    // DynamoDB's page ends at its Limit or at 1 MB, across the Queries of a statement too.
    if ((limit && *limit <= 0) || bytes >= storage::kMaxPageBytes) {
      if (query + 1 < reads_of(plan)) {
        result.next = Position{query + 1, std::nullopt};
      }
      return result;
    }
  }
  return result;
}

Result<std::string> run_select(RequestContext& context,
                               const wire::ExecuteStatementRequest& request,
                               const partiql::Read& read) {
  const bool star = read.projection.paths.empty();
  const wire::Select select = !star               ? wire::Select::kSpecificAttributes
                              : read.target.index ? wire::Select::kAllProjectedAttributes
                                                  : wire::Select::kAllAttributes;
  DDB_ASSIGN_OR_RETURN(
      ReadTarget target,
      target_to_read(context, read.target.table, read.target.index,
                     {select, star ? nullptr : &read.projection,
                      read.where ? &*read.where : nullptr, request.statement.consistent_read}));
  const KeyAttributes keys = key_attributes(target.table->schema, target.index);
  DDB_ASSIGN_OR_RETURN(partiql::ReadPlan plan, partiql::plan_read(read, keys));
  DDB_ASSIGN_OR_RETURN(Position position, start_of(request, plan, target));
  RequestMetrics metrics(request.return_consumed_capacity, false);
  DDB_ASSIGN_OR_RETURN(
      SelectPage page,
      read_page(context, read, plan, target, select, std::move(position), request.limit,
                capacity::read_of(request.statement.consistent_read), metrics));
  std::optional<std::string> next_token;
  if (page.next) {
    next_token = wire::encode_page_token(
        {request.digest, page.next->query, page.next->after.value_or(Item{})});
  }
  return wire::write_statement_response(page.items, next_token ? &*next_token : nullptr,
                                        metrics.response());
}

}  // namespace

Result<std::string> handle_execute_statement(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_execute_statement(body));
  DDB_ASSIGN_OR_RETURN(partiql::Operation operation, prepare(request.statement));
  if (const auto* read = std::get_if<partiql::Read>(&operation)) {
    return run_select(context, request, *read);
  }
  if (std::holds_alternative<partiql::Check>(operation)) {
    return ApiError::validation(std::string(kExistsOutsideTransaction));
  }
  DDB_ASSIGN_OR_RETURN(BoundWrite write,
                       bind_write(context, std::move(operation),
                                  request.statement.return_old_item_on_condition_failure));
  DDB_ASSIGN_OR_RETURN(storage::ItemWrite result,
                       context.store.write_item(*write.table, write.key, change_of(write)));
  RequestMetrics metrics(request.return_consumed_capacity, false);
  metrics.add_item_write(*write.table, result);
  std::vector<Item> items;
  if (std::optional<Item> returned = returned_item(write, result)) {
    items.push_back(std::move(*returned));
  }
  return wire::write_statement_response(items, nullptr, metrics.response());
}

}  // namespace ddblocal
