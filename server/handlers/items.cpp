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

// The table a key addresses, once the key is checked against its schema.
Result<std::shared_ptr<const storage::Table>> table_for_key(RequestContext& context,
                                                            const std::string& table_name,
                                                            const Item& key) {
  DDB_ASSIGN_OR_RETURN(auto table, context.store.find_table(context.region, table_name));
  DDB_RETURN_IF_ERROR(wire::validate_key(table->schema, key));
  return table;
}

}  // namespace

Result<std::string> handle_put_item(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_put_item(body));
  DDB_ASSIGN_OR_RETURN(auto table, context.store.find_table(context.region, request.table_name));
  DDB_RETURN_IF_ERROR(wire::validate_item_keys(table->schema, request.item));
  auto put = [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
    return std::optional<Item>(request.item);
  };
  DDB_ASSIGN_OR_RETURN(auto write, context.store.write_item(*table, request.item, put));
  return old_item_response(request.return_values, write.old_item);
}

Result<std::string> handle_get_item(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_get_item(body));
  DDB_ASSIGN_OR_RETURN(auto table, table_for_key(context, request.table_name, request.key));
  DDB_ASSIGN_OR_RETURN(auto item, context.store.get_item(*table, request.key));
  return wire::write_item_response("Item", item ? &*item : nullptr);
}

Result<std::string> handle_delete_item(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_delete_item(body));
  DDB_ASSIGN_OR_RETURN(auto table, table_for_key(context, request.table_name, request.key));
  auto remove = [](const std::optional<Item>&) -> Result<std::optional<Item>> {
    return std::optional<Item>();
  };
  DDB_ASSIGN_OR_RETURN(auto write, context.store.write_item(*table, request.key, remove));
  return old_item_response(request.return_values, write.old_item);
}

}  // namespace ddblocal
