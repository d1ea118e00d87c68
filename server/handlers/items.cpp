// PutItem, GetItem, DeleteItem.
#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"

namespace ddblocal {
namespace {

// ReturnValues ALL_OLD answers the replaced item under "Attributes"; NONE answers {}.
std::string old_item_response(wire::ReturnValues return_values,
                              const std::optional<Item>& old_item) {
  const Item* shown =
      return_values == wire::ReturnValues::kAllOld && old_item ? &*old_item : nullptr;
  return wire::write_item_response("Attributes", shown);
}

}  // namespace

Result<std::string> handle_put_item(RequestContext& context, const wire::JsonValue& body) {
  Result<wire::PutItemRequest> request = wire::parse_put_item(body);
  if (!request) {
    return std::move(request).error();
  }
  Result<std::shared_ptr<const storage::Table>> table =
      context.store.find_table(context.region, request->table_name);
  if (!table) {
    return std::move(table).error();
  }
  if (Result<void> valid = wire::validate_item_keys((*table)->schema, request->item); !valid) {
    return std::move(valid).error();
  }
  Result<std::optional<Item>> old_item = context.store.put_item(**table, request->item);
  if (!old_item) {
    return std::move(old_item).error();
  }
  return old_item_response(request->return_values, *old_item);
}

Result<std::string> handle_get_item(RequestContext& context, const wire::JsonValue& body) {
  Result<wire::GetItemRequest> request = wire::parse_get_item(body);
  if (!request) {
    return std::move(request).error();
  }
  Result<std::shared_ptr<const storage::Table>> table =
      context.store.find_table(context.region, request->table_name);
  if (!table) {
    return std::move(table).error();
  }
  if (Result<void> valid = wire::validate_key((*table)->schema, request->key); !valid) {
    return std::move(valid).error();
  }
  Result<std::optional<Item>> item = context.store.get_item(**table, request->key);
  if (!item) {
    return std::move(item).error();
  }
  return wire::write_item_response("Item", *item ? &**item : nullptr);
}

Result<std::string> handle_delete_item(RequestContext& context, const wire::JsonValue& body) {
  Result<wire::DeleteItemRequest> request = wire::parse_delete_item(body);
  if (!request) {
    return std::move(request).error();
  }
  Result<std::shared_ptr<const storage::Table>> table =
      context.store.find_table(context.region, request->table_name);
  if (!table) {
    return std::move(table).error();
  }
  if (Result<void> valid = wire::validate_key((*table)->schema, request->key); !valid) {
    return std::move(valid).error();
  }
  Result<std::optional<Item>> old_item = context.store.delete_item(**table, request->key);
  if (!old_item) {
    return std::move(old_item).error();
  }
  return old_item_response(request->return_values, *old_item);
}

}  // namespace ddblocal
