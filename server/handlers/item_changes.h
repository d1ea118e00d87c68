// The changes PutItem, UpdateItem, DeleteItem and the actions of TransactWriteItems make to
// one item, as storage::ItemChange functions: the condition checked against the item as it
// is, then the replacement computed. Shared so that a transaction's Put behaves exactly as a
// PutItem.
#pragma once

#include <optional>

#include "protocol/expressions/ast.h"
#include "protocol/wire/requests.h"
#include "storage/store.h"

namespace ddblocal {

// What a write checks before it applies: its ConditionExpression (none when null; it outlives
// the change), and whether a failure carries the item back (ReturnValuesOnConditionCheckFailure
// ALL_OLD). The default checks nothing.
struct WriteCondition {
  const expr::Condition* condition = nullptr;
  bool return_old_item = false;
};

inline WriteCondition write_condition(const std::optional<expr::Condition>& condition,
                                      bool return_old_item) {
  return {condition ? &*condition : nullptr, return_old_item};
}

// Replaces the item with `item`.
storage::ItemChange put_change(WriteCondition condition, const Item& item);
// Applies `update` to the item, or to `key` alone when the item is absent (an update made of
// REMOVE actions alone creates nothing); fails when the result exceeds the item size limit or
// gives an index key of `schema` a value it cannot have.
storage::ItemChange update_change(WriteCondition condition, const TableSchema& schema,
                                  const Item& key,
                                  const std::optional<expr::UpdateExpression>& update);
// Writes `item` when there is no item with its key; else DuplicateItemException (a PartiQL
// INSERT).
storage::ItemChange insert_change(const Item& item);
// Removes the item.
storage::ItemChange delete_change(WriteCondition condition);
// Changes nothing (a transaction's ConditionCheck).
storage::ItemChange check_change(WriteCondition condition);

// What ReturnValues asks a write to return of the item: all of it before or after the write,
// or (UPDATED_OLD, UPDATED_NEW) the paths `update` wrote, before or after; nullopt for NONE or
// when there is nothing to show.
std::optional<Item> returned_attributes(wire::ReturnValues return_values,
                                        const storage::ItemWrite& write,
                                        const std::optional<expr::UpdateExpression>& update);

}  // namespace ddblocal
