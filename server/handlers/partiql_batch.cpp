// BatchExecuteStatement and ExecuteTransaction: several PartiQL statements, all reads or all
// writes. A batch runs each statement on its own and answers each one's result or Error in its
// place; a transaction reads from one snapshot, or writes all or nothing through the store's
// write_all (as TransactWriteItems does), with ClientRequestToken idempotency.
#include <deque>

#include "protocol/wire/partiql_requests.h"
#include "protocol/wire/partiql_responses.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"
#include "server/handlers/item_changes.h"
#include "server/handlers/item_targets.h"
#include "server/handlers/partiql_statements.h"
#include "server/handlers/request_metrics.h"
#include "server/handlers/transaction_outcome.h"

namespace ddblocal {
namespace {

// A statement of a batch: its operation, or the error that stopped it.
struct BatchStatement {
  std::optional<partiql::Operation> operation;
  wire::BatchStatementResult result;
};

wire::BatchStatementError statement_error(const ApiError& error) {
  std::string code = "ValidationError";
  switch (error.type()) {
    case ErrorType::kConditionalCheckFailed:
      code = "ConditionalCheckFailed";
      break;
    case ErrorType::kDuplicateItem:
      code = "DuplicateItem";
      break;
    case ErrorType::kResourceNotFound:
      code = "ResourceNotFound";
      break;
    case ErrorType::kInternalServerError:
      code = "InternalServerError";
      break;
    default:
      break;
  }
  const Item* item = error.item();
  return {std::move(code), error.message(),
          item != nullptr ? std::make_shared<const Item>(*item) : nullptr};
}

// Whether the statements are reads (SELECT) or writes; DynamoDB refuses a mix.
enum class Kind : std::uint8_t { kNone, kReads, kWrites };
Result<Kind> kind_of(const std::vector<const partiql::Operation*>& operations,
                     std::string_view mixed_message) {
  Kind kind = Kind::kNone;
  for (const partiql::Operation* operation : operations) {
    const Kind this_one = partiql::is_read(*operation) ? Kind::kReads : Kind::kWrites;
    if (kind != Kind::kNone && kind != this_one) {
      return ApiError::validation(std::string(mixed_message));
    }
    kind = this_one;
  }
  return kind;
}

// ---- BatchExecuteStatement ----

constexpr std::string_view kBatch = "BatchExecuteStatement";

// The statements of a batch bound to their items by `bind` (a Result<Bound> of the statement's
// position), each one that fails answering its error in its place; refuses a batch that names
// one item twice.
template <typename Bound>
struct BoundStatements {
  std::deque<Bound> bound;  // a deque: the changes made from them point into them
  std::vector<std::size_t> positions;
};

template <typename Bound, typename Bind>
Result<BoundStatements<Bound>> bind_each(std::vector<BatchStatement>& statements,
                                         ItemTargets& targets, Bind&& bind) {
  BoundStatements<Bound> result;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    if (!statements[i].operation) {
      continue;
    }
    Result<Bound> bound = bind(i);
    if (!bound) {
      statements[i].result.error = statement_error(bound.error());
      continue;
    }
    DDB_RETURN_IF_ERROR(targets.add(bound->table->schema.table_name, bound->key, false));
    result.bound.push_back(std::move(*bound));
    result.positions.push_back(i);
  }
  if (targets.first_repeated()) {
    return ApiError::validation("Provided list of item keys contains duplicates");
  }
  return result;
}

Result<void> batch_reads(RequestContext& context, std::vector<BatchStatement>& statements,
                         const wire::BatchExecuteStatementRequest& request,
                         RequestMetrics& metrics) {
  ItemTargets targets(context);
  DDB_ASSIGN_OR_RETURN(auto gets, bind_each<BoundGet>(statements, targets, [&](std::size_t i) {
                         return bind_get(
                             context, std::get<partiql::Read>(std::move(*statements[i].operation)),
                             kBatch);
                       }));
  DDB_ASSIGN_OR_RETURN(auto items, context.store.get_all(targets.addresses()));
  for (std::size_t j = 0; j < gets.bound.size(); ++j) {
    const std::size_t position = gets.positions[j];
    wire::BatchStatementResult& result = statements[position].result;
    result.table_name = gets.bound[j].table->schema.table_name;
    metrics.add_item_read(*gets.bound[j].table, items[j],
                          capacity::read_of(request.statements[position].consistent_read));
    if (items[j]) {
      result.item = partiql::selected(gets.bound[j].read, std::move(*items[j]));
    }
  }
  return {};
}

Result<void> batch_writes(RequestContext& context, std::vector<BatchStatement>& statements,
                          const wire::BatchExecuteStatementRequest& request,
                          RequestMetrics& metrics) {
  ItemTargets targets(context);
  auto bind = [&](std::size_t i) -> Result<BoundWrite> {
    if (std::holds_alternative<partiql::Check>(*statements[i].operation)) {
      return ApiError::validation(std::string(kExistsOutsideTransaction));
    }
    return bind_write(context, std::move(*statements[i].operation),
                      request.statements[i].return_old_item_on_condition_failure);
  };
  DDB_ASSIGN_OR_RETURN(auto bound, bind_each<BoundWrite>(statements, targets, bind));
  std::deque<BoundWrite>& writes = bound.bound;
  const std::vector<std::size_t>& positions = bound.positions;
  // Each write on its own: one failing leaves the others done.
  for (std::size_t j = 0; j < writes.size(); ++j) {
    wire::BatchStatementResult& result = statements[positions[j]].result;
    result.table_name = writes[j].table->schema.table_name;
    Result<storage::ItemWrite> written =
        context.store.write_item(*writes[j].table, writes[j].key, change_of(writes[j]));
    if (!written) {
      if (written.error().type() == ErrorType::kInternalServerError) {
        return std::move(written).error();
      }
      result.error = statement_error(written.error());
      continue;
    }
    metrics.add_item_write(*writes[j].table, *written);
    result.item = returned_item(writes[j], *written);
  }
  return {};
}

// ---- ExecuteTransaction ----

ApiError statement_invalid(std::size_t position, const ApiError& error) {
  if (error.type() != ErrorType::kValidation) {
    return error;
  }
  return ApiError::validation("Validation failed in TransactStatements[" +
                              std::to_string(position) + "]: " + error.message());
}

bool has_returning(const partiql::Operation& operation) {
  if (const auto* update = std::get_if<partiql::Update>(&operation)) {
    return update->returning != partiql::Returning::kNone;
  }
  const auto* del = std::get_if<partiql::Delete>(&operation);
  return del != nullptr && del->returning != partiql::Returning::kNone;
}

Result<std::string> transaction_reads(RequestContext& context,
                                      std::vector<partiql::Operation>& operations,
                                      const wire::ExecuteTransactionRequest& request) {
  std::deque<BoundGet> gets;
  ItemTargets targets(context);
  for (std::size_t i = 0; i < operations.size(); ++i) {
    auto& read = std::get<partiql::Read>(operations[i]);
    if (read.target.index) {
      return statement_invalid(
          i, ApiError::validation("Reads on indices are not supported within transactions."));
    }
    Result<BoundGet> get = bind_get(context, std::move(read), "ExecuteTransaction");
    if (!get) {
      return statement_invalid(i, get.error());
    }
    DDB_RETURN_IF_ERROR(targets.add(get->table->schema.table_name, get->key, false));
    gets.push_back(std::move(*get));
  }
  DDB_RETURN_IF_ERROR(check_distinct_items(targets));
  DDB_ASSIGN_OR_RETURN(auto items, context.store.get_all(targets.addresses()));
  RequestMetrics metrics(request.return_consumed_capacity, false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    metrics.add_item_read(*gets[i].table, items[i], capacity::Read::kTransactional);
    if (items[i]) {
      items[i] = partiql::selected(gets[i].read, std::move(*items[i]));
    }
  }
  return wire::write_transact_get_response(items, metrics.response());
}

Result<std::string> transaction_writes(RequestContext& context,
                                       std::vector<partiql::Operation>& operations,
                                       const wire::ExecuteTransactionRequest& request) {
  std::deque<BoundWrite> writes;
  std::vector<bool> checks;
  ItemTargets targets(context);
  for (std::size_t i = 0; i < operations.size(); ++i) {
    const bool check = std::holds_alternative<partiql::Check>(operations[i]);
    checks.push_back(check);
    Result<BoundWrite> write =
        bind_write(context, std::move(operations[i]),
                   request.statements[i].return_old_item_on_condition_failure);
    if (!write) {
      // What the item's key schema refuses cancels the transaction, as TransactWriteItems does.
      return write.error().type() == ErrorType::kValidation
                 ? canceled_by_validation(operations.size(), i, write.error())
                 : std::move(write).error();
    }
    if (check && !write->condition) {
      return statement_invalid(
          i, ApiError::validation("EXISTS() must contain a single item read with additional "
                                  "condition"));
    }
    DDB_RETURN_IF_ERROR(targets.add(write->table->schema.table_name, write->key, false));
    writes.push_back(std::move(*write));
  }
  DDB_RETURN_IF_ERROR(check_distinct_items(targets));
  const std::vector<storage::ItemAddress>& addresses = targets.addresses();
  return run_once(
      context, request.client_request_token, request.digest,
      [&](const capacity::Consumption& replay) {
        return wire::write_transaction_writes_response(
            {request.return_consumed_capacity, &replay, {}});
      },
      [&](capacity::Consumption* replay) -> Result<std::string> {
        std::vector<storage::KeyedChange> changes;
        for (std::size_t i = 0; i < writes.size(); ++i) {
          changes.push_back({addresses[i], change_of(writes[i])});
        }
        DDB_ASSIGN_OR_RETURN(auto outcome, context.store.write_all(changes));
        if (!outcome.committed()) {
          DDB_ASSIGN_OR_RETURN(auto reasons, cancellation_reasons(outcome.failures));
          return ApiError::transaction_canceled(std::move(reasons));
        }
        if (replay != nullptr) {
          *replay = replay_consumption(addresses, outcome.writes);
        }
        // As TransactWriteItems: every write and check charged twice.
        RequestMetrics metrics(request.return_consumed_capacity, false);
        for (std::size_t i = 0; i < outcome.writes.size(); ++i) {
          if (checks[i]) {
            metrics.add_condition_check(*addresses[i].table, outcome.writes[i].old_item);
          } else {
            metrics.add_item_write(*addresses[i].table, outcome.writes[i], true);
          }
        }
        return wire::write_transaction_writes_response(metrics.response());
      });
}

}  // namespace

Result<std::string> handle_batch_execute_statement(RequestContext& context,
                                                   const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_batch_execute_statement(body));
  std::vector<BatchStatement> statements(request.statements.size());
  std::vector<const partiql::Operation*> operations;
  for (std::size_t i = 0; i < statements.size(); ++i) {
    Result<partiql::Operation> operation = prepare(request.statements[i]);
    if (operation) {
      statements[i].operation = std::move(*operation);
      operations.push_back(&*statements[i].operation);
    } else {
      statements[i].result.error = statement_error(operation.error());
    }
  }
  DDB_ASSIGN_OR_RETURN(Kind kind, kind_of(operations,
                                          "Read and write requests together in the same batch "
                                          "is not supported."));
  RequestMetrics metrics(request.return_consumed_capacity, false);
  DDB_RETURN_IF_ERROR(kind == Kind::kReads ? batch_reads(context, statements, request, metrics)
                                           : batch_writes(context, statements, request, metrics));
  std::vector<wire::BatchStatementResult> results;
  for (BatchStatement& statement : statements) {
    results.push_back(std::move(statement.result));
  }
  return wire::write_batch_statement_response(results, metrics.response());
}

Result<std::string> handle_execute_transaction(RequestContext& context,
                                               const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_execute_transaction(body));
  std::vector<partiql::Operation> operations;
  std::vector<const partiql::Operation*> pointers;
  for (std::size_t i = 0; i < request.statements.size(); ++i) {
    Result<partiql::Operation> operation = prepare(request.statements[i]);
    if (!operation) {
      return statement_invalid(i, operation.error());
    }
    if (has_returning(*operation)) {
      return statement_invalid(
          i, ApiError::validation("RETURNING clause is not supported in ExecuteTransaction."));
    }
    operations.push_back(std::move(*operation));
  }
  for (const partiql::Operation& operation : operations) {
    pointers.push_back(&operation);
  }
  DDB_ASSIGN_OR_RETURN(Kind kind, kind_of(pointers,
                                          "ExecuteTransaction API does not support both read and "
                                          "write operations in the same request."));
  return kind == Kind::kReads ? transaction_reads(context, operations, request)
                              : transaction_writes(context, operations, request);
}

}  // namespace ddblocal
