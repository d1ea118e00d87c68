// TransactWriteItems and TransactGetItems: all-or-nothing writes and snapshot reads of up to
// 100 items across tables, on the store's write_all and get_all.
#include <algorithm>

#include "protocol/expressions/projection.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"
#include "server/handlers/item_changes.h"
#include "server/handlers/item_targets.h"
#include "server/handlers/request_metrics.h"

namespace ddblocal {
namespace {

// A transaction names each item once: DynamoDB refuses two actions (or two Gets) on one item.
Result<void> check_distinct_items(const ItemTargets& targets) {
  if (targets.first_repeated()) {
    return ApiError::validation(
        "Transaction request cannot include multiple operations on one item");
  }
  return {};
}

// A canceled transaction where action `failed` broke a rule before anything was read: that
// action's reason is the rule, every other action's "None".
ApiError canceled_by_validation(std::size_t actions, std::size_t failed, const ApiError& error) {
  std::vector<CancellationReason> reasons(actions, CancellationReason{"None", "", nullptr});
  reasons[failed] = {"ValidationError", error.message(), nullptr};
  return ApiError::transaction_canceled(std::move(reasons));
}

// The key checks of one action, which DynamoDB reports as the action's cancellation reason.
Result<void> validate_action(const TableSchema& schema, const wire::TransactWrite& action,
                             const Item& key) {
  if (action.action == wire::TransactionAction::kPut) {
    return wire::validate_item_keys(schema, action.item);
  }
  DDB_RETURN_IF_ERROR(wire::validate_key(schema, key));
  if (action.update) {
    DDB_RETURN_IF_ERROR(wire::validate_update_keys(schema, *action.update));
  }
  return {};
}

storage::ItemChange change_of(const wire::TransactWrite& action,
                              const storage::ItemAddress& address) {
  const Item& key = *address.key;
  const WriteCondition condition =
      write_condition(action.condition, action.return_old_item_on_condition_failure);
  switch (action.action) {
    case wire::TransactionAction::kConditionCheck:
      return check_change(condition);
    case wire::TransactionAction::kPut:
      return put_change(condition, action.item);
    case wire::TransactionAction::kDelete:
      return delete_change(condition);
    case wire::TransactionAction::kUpdate:
      return update_change(condition, address.table->schema, key, action.update);
  }
  return check_change(condition);
}

// The reasons of a transaction some of whose changes failed. Fails instead with an error
// that is not an action's fault (storage).
Result<std::vector<CancellationReason>> cancellation_reasons(
    const std::vector<std::optional<ApiError>>& failures) {
  std::vector<CancellationReason> reasons;
  for (const std::optional<ApiError>& failure : failures) {
    if (!failure) {
      reasons.push_back({"None", "", nullptr});
    } else if (failure->type() == ErrorType::kConditionalCheckFailed) {
      const Item* item = failure->item();
      reasons.push_back({"ConditionalCheckFailed", failure->message(),
                         item != nullptr ? std::make_shared<const Item>(*item) : nullptr});
    } else if (failure->type() == ErrorType::kValidation) {
      reasons.push_back({"ValidationError", failure->message(), nullptr});
    } else {
      return *failure;
    }
  }
  return reasons;
}

// What a retry under the same ClientRequestToken consumes: a transactional read of each item
// the transaction wrote or checked, as large as the write was charged (Developer Guide,
// "Capacity management for transactions": a repeated call returns the read capacity units
// consumed in reading the items).
capacity::Consumption replay_consumption(const std::vector<storage::ItemAddress>& addresses,
                                         const std::vector<storage::ItemWrite>& writes) {
  capacity::Consumption replay;
  for (std::size_t i = 0; i < writes.size(); ++i) {
    const std::size_t before = writes[i].old_item ? item_size(*writes[i].old_item) : 0;
    const std::size_t after = writes[i].new_item ? item_size(*writes[i].new_item) : 0;
    replay.of(addresses[i].table->schema.table_name).table.read +=
        capacity::read_units(std::max(before, after), capacity::Read::kTransactional);
  }
  return replay;
}

// The metrics of a committed transaction: every write and check charged twice on its table,
// once on each index entry it changed (Developer Guide, "Capacity management for
// transactions"; the index rule as captured against the service, /work/notes/capacity.md).
Result<void> measure_transaction(RequestContext& context,
                                 const wire::TransactWriteItemsRequest& request,
                                 const std::vector<storage::ItemAddress>& addresses,
                                 const std::vector<storage::ItemWrite>& writes,
                                 RequestMetrics& metrics) {
  for (std::size_t i = 0; i < writes.size(); ++i) {
    const storage::Table& table = *addresses[i].table;
    if (request.actions[i].action == wire::TransactionAction::kConditionCheck) {
      metrics.add_condition_check(table, writes[i].old_item);
      continue;
    }
    metrics.add_item_write(table, writes[i], true);
    DDB_RETURN_IF_ERROR(metrics.add_item_collection(context.store, table, *addresses[i].key));
  }
  return {};
}

// Runs a transaction whose actions are parsed and whose tables exist. With `replay`, also
// computes what a retry of it under its ClientRequestToken consumes.
Result<std::string> run_transaction(RequestContext& context,
                                    const wire::TransactWriteItemsRequest& request,
                                    const std::vector<storage::ItemAddress>& addresses,
                                    capacity::Consumption* replay) {
  std::vector<storage::KeyedChange> changes;
  for (std::size_t i = 0; i < request.actions.size(); ++i) {
    changes.push_back({addresses[i], change_of(request.actions[i], addresses[i])});
  }
  DDB_ASSIGN_OR_RETURN(auto outcome, context.store.write_all(changes));
  if (!outcome.committed()) {
    DDB_ASSIGN_OR_RETURN(auto reasons, cancellation_reasons(outcome.failures));
    return ApiError::transaction_canceled(std::move(reasons));
  }
  if (replay != nullptr) {
    *replay = replay_consumption(addresses, outcome.writes);
  }
  RequestMetrics metrics(request.return_consumed_capacity, request.return_item_collection_metrics);
  DDB_RETURN_IF_ERROR(measure_transaction(context, request, addresses, outcome.writes, metrics));
  return wire::write_transact_write_response(metrics.response());
}

}  // namespace

Result<std::string> handle_transact_write_items(RequestContext& context,
                                                const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_transact_write_items(body));
  ItemTargets targets(context);
  for (const wire::TransactWrite& action : request.actions) {
    DDB_RETURN_IF_ERROR(targets.add(action.table_name, action.item,
                                    action.action == wire::TransactionAction::kPut));
  }
  DDB_RETURN_IF_ERROR(check_distinct_items(targets));
  const std::vector<storage::ItemAddress>& addresses = targets.addresses();
  for (std::size_t i = 0; i < request.actions.size(); ++i) {
    if (auto valid =
            validate_action(addresses[i].table->schema, request.actions[i], *addresses[i].key);
        !valid) {
      return canceled_by_validation(request.actions.size(), i, valid.error());
    }
  }
  if (!request.client_request_token) {
    return run_transaction(context, request, addresses, nullptr);
  }
  const std::string& token = *request.client_request_token;
  ClientRequestTokens& tokens = context.client_request_tokens;
  switch (tokens.claim(token, request.digest, ClientRequestTokens::Clock::now())) {
    case ClientRequestTokens::Claim::kRepeat: {
      const capacity::Consumption replay = tokens.replay_of(token);
      return wire::write_transact_write_response({request.return_consumed_capacity, &replay, {}});
    }
    case ClientRequestTokens::Claim::kMismatch:
      return ApiError::idempotent_parameter_mismatch(
          "DynamoDB rejected the request because you retried a request with a different payload "
          "but with an idempotent token that was already used.");
    case ClientRequestTokens::Claim::kInProgress:
      return ApiError::transaction_in_progress(
          "The transaction with the given request token is already in progress.");
    case ClientRequestTokens::Claim::kNew:
      break;
  }
  capacity::Consumption replay;
  Result<std::string> answer = run_transaction(context, request, addresses, &replay);
  tokens.finish(token, answer.has_value(), ClientRequestTokens::Clock::now(), std::move(replay));
  return answer;
}

Result<std::string> handle_transact_get_items(RequestContext& context,
                                              const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_transact_get_items(body));
  ItemTargets targets(context);
  for (const wire::GetItemRequest& get : request.gets) {
    DDB_RETURN_IF_ERROR(targets.add(get.table_name, get.key, false));
  }
  DDB_RETURN_IF_ERROR(check_distinct_items(targets));
  const std::vector<storage::ItemAddress>& addresses = targets.addresses();
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    if (auto valid = wire::validate_key(addresses[i].table->schema, *addresses[i].key); !valid) {
      return canceled_by_validation(addresses.size(), i, valid.error());
    }
  }
  DDB_ASSIGN_OR_RETURN(auto items, context.store.get_all(addresses));
  RequestMetrics metrics(request.return_consumed_capacity, false);
  for (std::size_t i = 0; i < items.size(); ++i) {
    metrics.add_item_read(*addresses[i].table, items[i], capacity::Read::kTransactional);
    if (items[i] && request.gets[i].projection) {
      items[i] = expr::project(*items[i], request.gets[i].projection->paths);
    }
  }
  return wire::write_transact_get_response(items, metrics.response());
}

}  // namespace ddblocal
