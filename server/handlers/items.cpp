// PutItem, GetItem, UpdateItem, DeleteItem.
#include "protocol/expressions/update.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"
#include "server/handlers/item_changes.h"
#include "server/handlers/projected_items.h"
#include "server/handlers/request_metrics.h"

namespace ddblocal {
namespace {

// The attributes ReturnValues asks for, under "Attributes" (NONE, or nothing to show: none),
// and the metrics the request asked for.
std::string attributes_response(wire::ReturnValues return_values, const storage::ItemWrite& write,
                                const std::optional<expr::UpdateExpression>& update,
                                const RequestMetrics& metrics) {
  std::optional<Item> shown = returned_attributes(return_values, write, update);
  return wire::write_item_response("Attributes", shown ? &*shown : nullptr, metrics.response());
}

// The metrics of `write`, a write of the item with key (or item) `item` to `table`.
Result<void> measure_write(RequestContext& context, const storage::Table& table, const Item& item,
                           const storage::ItemWrite& write, RequestMetrics& metrics) {
  metrics.add_item_write(table, write);
  return metrics.add_item_collection(context.store, table, item);
}

// Writes the item GetItem found into the answer, projected, as the store hands it out.
struct FoundItem : storage::PageSink {
  explicit FoundItem(const std::optional<expr::Projection>& projection) : projected(projection) {}

  Result<void> accept(const storage::StoredItem& item) override {
    size = item.size;
    return projected.write(item, answer);
  }

  ProjectedItems projected;
  wire::ItemResponseWriter answer{"Item"};
  // The item's size; 0 when there is none.
  std::size_t size = 0;
};

// The table a key addresses, once the key is checked against its schema.
Result<std::shared_ptr<const storage::Table>> table_for_key(RequestContext& context,
                                                            const std::string& table_name,
                                                            const Item& key) {
  DDB_ASSIGN_OR_RETURN(auto table, find_table(context, table_name));
  DDB_RETURN_IF_ERROR(wire::validate_key(table->schema, key));
  return table;
}

}  // namespace

Result<std::string> handle_put_item(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_put_item(body));
  DDB_ASSIGN_OR_RETURN(auto table, find_table(context, request.table_name));
  DDB_RETURN_IF_ERROR(wire::validate_item_keys(table->schema, request.item));
  const WriteCondition condition =
      write_condition(request.condition, request.return_old_item_on_condition_failure);
  DDB_ASSIGN_OR_RETURN(auto write, context.store.write_item(*table, request.item,
                                                            put_change(condition, request.item)));
  RequestMetrics metrics(request.return_consumed_capacity, request.return_item_collection_metrics);
  metrics.name_table(*table, request.table_name);
  DDB_RETURN_IF_ERROR(measure_write(context, *table, request.item, write, metrics));
  return attributes_response(request.return_values, write, std::nullopt, metrics);
}

Result<std::string> handle_get_item(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_get_item(body));
  DDB_ASSIGN_OR_RETURN(auto table, table_for_key(context, request.table_name, request.key));
  FoundItem found(request.projection);
  DDB_RETURN_IF_ERROR(context.store.get_item(*table, request.key, found));
  RequestMetrics metrics(request.return_consumed_capacity, false);
  metrics.name_table(*table, request.table_name);
  metrics.add_item_read(*table, found.size, capacity::read_of(request.consistent_read));
  return found.answer.finish(metrics.response());
}

Result<std::string> handle_update_item(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_update_item(body));
  DDB_ASSIGN_OR_RETURN(auto table, table_for_key(context, request.table_name, request.key));
  if (request.update) {
    DDB_RETURN_IF_ERROR(wire::validate_update_keys(table->schema, *request.update));
  }
  const WriteCondition condition =
      write_condition(request.condition, request.return_old_item_on_condition_failure);
  DDB_ASSIGN_OR_RETURN(auto write,
                       context.store.write_item(
                           *table, request.key,
                           update_change(condition, table->schema, request.key, request.update)));
  RequestMetrics metrics(request.return_consumed_capacity, request.return_item_collection_metrics);
  metrics.name_table(*table, request.table_name);
  DDB_RETURN_IF_ERROR(measure_write(context, *table, request.key, write, metrics));
  return attributes_response(request.return_values, write, request.update, metrics);
}

Result<std::string> handle_delete_item(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_delete_item(body));
  DDB_ASSIGN_OR_RETURN(auto table, table_for_key(context, request.table_name, request.key));
  const WriteCondition condition =
      write_condition(request.condition, request.return_old_item_on_condition_failure);
  DDB_ASSIGN_OR_RETURN(auto write,
                       context.store.write_item(*table, request.key, delete_change(condition)));
  RequestMetrics metrics(request.return_consumed_capacity, request.return_item_collection_metrics);
  metrics.name_table(*table, request.table_name);
  DDB_RETURN_IF_ERROR(measure_write(context, *table, request.key, write, metrics));
  return attributes_response(request.return_values, write, std::nullopt, metrics);
}

}  // namespace ddblocal
