#include "server/handlers/item_changes.h"

#include "protocol/expressions/evaluate.h"
#include "protocol/expressions/projection.h"
#include "protocol/expressions/update.h"

namespace ddblocal {
namespace {

using ItemChangeResult = Result<std::optional<Item>>;

// Succeeds when there is no condition or it holds for the item as it is. Otherwise
// ConditionalCheckFailedException, carrying the item when the client asked for it.
Result<void> check_condition(WriteCondition condition, const std::optional<Item>& old_item) {
  if (condition.condition == nullptr ||
      expr::evaluate(*condition.condition, old_item ? &*old_item : nullptr)) {
    return {};
  }
  return ApiError::conditional_check_failed(
      condition.return_old_item && old_item ? std::make_shared<const Item>(*old_item) : nullptr);
}

// An update made of REMOVE actions alone does not create a missing item (Alternator's
// test_update_expression.py, checked against DynamoDB).
bool removes_only(const std::optional<expr::UpdateExpression>& update) {
  return update && update->set.empty() && update->add.empty() && update->del.empty();
}

}  // namespace

storage::ItemChange put_change(WriteCondition condition, const Item& item) {
  return [condition, &item](const std::optional<Item>& old_item) -> ItemChangeResult {
    DDB_RETURN_IF_ERROR(check_condition(condition, old_item));
    return std::optional<Item>(item);
  };
}

storage::ItemChange update_change(WriteCondition condition, const TableSchema& schema,
                                  const Item& key,
                                  const std::optional<expr::UpdateExpression>& update) {
  return
      [condition, &schema, &key, &update](const std::optional<Item>& old_item) -> ItemChangeResult {
        DDB_RETURN_IF_ERROR(check_condition(condition, old_item));
        if (!old_item && removes_only(update)) {
          return std::optional<Item>();
        }
        Item item = old_item ? *old_item : key;
        if (update) {
          DDB_ASSIGN_OR_RETURN(item, expr::apply_update(*update, std::move(item)));
        }
        if (item_size(item) > wire::kMaxItemBytes) {
          return ApiError::validation("Item size to update has exceeded the maximum allowed size");
        }
        DDB_RETURN_IF_ERROR(wire::validate_index_keys(schema, item, old_item ? &*old_item : &key));
        return std::optional<Item>(std::move(item));
      };
}

storage::ItemChange insert_change(const Item& item) {
  return [&item](const std::optional<Item>& old_item) -> ItemChangeResult {
    if (old_item) {
      return ApiError::duplicate_item();
    }
    return std::optional<Item>(item);
  };
}

storage::ItemChange delete_change(WriteCondition condition) {
  return [condition](const std::optional<Item>& old_item) -> ItemChangeResult {
    DDB_RETURN_IF_ERROR(check_condition(condition, old_item));
    return std::optional<Item>();
  };
}

storage::ItemChange check_change(WriteCondition condition) {
  return [condition](const std::optional<Item>& old_item) -> ItemChangeResult {
    DDB_RETURN_IF_ERROR(check_condition(condition, old_item));
    return old_item;
  };
}

std::optional<Item> returned_attributes(wire::ReturnValues return_values,
                                        const storage::ItemWrite& write,
                                        const std::optional<expr::UpdateExpression>& update) {
  std::optional<Item> shown;
  switch (return_values) {
    case wire::ReturnValues::kNone:
      break;
    case wire::ReturnValues::kAllOld:
      shown = write.old_item;
      break;
    case wire::ReturnValues::kAllNew:
      shown = write.new_item;
      break;
    case wire::ReturnValues::kUpdatedOld:
    case wire::ReturnValues::kUpdatedNew: {
      const std::optional<Item>& item =
          return_values == wire::ReturnValues::kUpdatedOld ? write.old_item : write.new_item;
      if (item && update) {
        shown = expr::project(*item, expr::updated_paths(*update));
      }
      break;
    }
  }
  if (shown && shown->empty()) {
    shown.reset();
  }
  return shown;
}

}  // namespace ddblocal
