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
#include "server/handlers/transaction_outcome.h"

namespace ddblocal {
namespace {

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
    metrics.name_table(table, request.actions[i].table_name);
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
  const std::vector<storage::ItemAddress>& addresses = targets.addresses();
  // An empty string or binary key fails the whole request, before the one-item rule
  // (paritysuite/dynamodb-conformance PR #60, four regions, 2026); other key faults are the
  // action's cancellation reason.
  for (std::size_t i = 0; i < request.actions.size(); ++i) {
    DDB_RETURN_IF_ERROR(
        wire::validate_key_values_not_empty(addresses[i].table->schema, *addresses[i].key));
  }
  DDB_RETURN_IF_ERROR(check_distinct_items(targets));
  for (std::size_t i = 0; i < request.actions.size(); ++i) {
    if (auto valid =
            validate_action(addresses[i].table->schema, request.actions[i], *addresses[i].key);
        !valid) {
      return canceled_by_validation(request.actions.size(), i, valid.error());
    }
  }
  return run_once(
      context, request.client_request_token, request.digest,
      [&](const capacity::Consumption& replay) {
        return wire::write_transact_write_response({request.return_consumed_capacity, &replay, {}});
      },
      [&](capacity::Consumption* replay) {
        return run_transaction(context, request, addresses, replay);
      });
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
    metrics.name_table(*addresses[i].table, request.gets[i].table_name);
    metrics.add_item_read(*addresses[i].table, items[i], capacity::Read::kTransactional);
    if (items[i] && request.gets[i].projection) {
      items[i] = expr::project(*items[i], request.gets[i].projection->paths);
    }
  }
  return wire::write_transact_get_response(items, metrics.response());
}

}  // namespace ddblocal
