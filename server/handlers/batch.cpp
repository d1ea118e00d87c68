// BatchWriteItem and BatchGetItem. A batch writes as one atomic write (DynamoDB promises less:
// each item on its own), so UnprocessedItems is always empty.
#include "protocol/expressions/projection.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/responses.h"
#include "server/handlers/handler.h"
#include "server/handlers/item_changes.h"
#include "server/handlers/item_targets.h"
#include "server/handlers/request_metrics.h"

namespace ddblocal {
namespace {

// BatchGetItem answers at most this much; the keys beyond it come back as UnprocessedKeys
// (API Reference: "up to 16 MB of data").
constexpr std::size_t kMaxBatchGetResponseBytes = 16 * 1024 * 1024;

}  // namespace

Result<std::string> handle_batch_write_item(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_batch_write_item(body));
  ItemTargets targets(context);
  for (const wire::BatchWrite& write : request.writes) {
    DDB_RETURN_IF_ERROR(targets.add(write.table_name, write.item, write.put));
    const storage::ItemAddress& address = targets.addresses().back();
    DDB_RETURN_IF_ERROR(wire::validate_key(address.table->schema, *address.key));
    if (write.put) {
      DDB_RETURN_IF_ERROR(wire::validate_index_keys(address.table->schema, write.item));
    }
  }
  if (targets.first_repeated()) {
    return ApiError::validation("Provided list of item keys contains duplicates");
  }
  std::vector<storage::KeyedChange> changes;
  for (std::size_t i = 0; i < request.writes.size(); ++i) {
    const wire::BatchWrite& write = request.writes[i];
    changes.push_back(
        {targets.addresses()[i], write.put ? put_change({}, write.item) : delete_change({})});
  }
  DDB_ASSIGN_OR_RETURN(auto outcome, context.store.write_all(changes));
  if (!outcome.committed()) {
    return ApiError::internal("an unconditional batch write failed");
  }
  // Each write is charged as the PutItem or DeleteItem it is (Developer Guide, "DynamoDB read
  // and write operations").
  RequestMetrics metrics(request.return_consumed_capacity, request.return_item_collection_metrics);
  for (std::size_t i = 0; i < outcome.writes.size(); ++i) {
    const storage::ItemAddress& address = targets.addresses()[i];
    metrics.name_table(*address.table, request.writes[i].table_name);
    metrics.add_item_write(*address.table, outcome.writes[i]);
    DDB_RETURN_IF_ERROR(metrics.add_item_collection(context.store, *address.table, *address.key));
  }
  return wire::write_batch_write_response(metrics.response());
}

Result<std::string> handle_batch_get_item(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_batch_get_item(body));
  ItemTargets targets(context);
  for (const wire::BatchGetTable& part : request.tables) {
    for (const Item& key : part.keys) {
      DDB_RETURN_IF_ERROR(targets.add(part.table_name, key, false));
      DDB_RETURN_IF_ERROR(wire::validate_key(targets.addresses().back().table->schema, key));
    }
  }
  DDB_ASSIGN_OR_RETURN(auto items, context.store.get_all(targets.addresses()));

  std::vector<wire::TableItems> responses;
  std::vector<wire::UnprocessedKeys> unprocessed;
  RequestMetrics metrics(request.return_consumed_capacity, false);
  std::size_t response_bytes = 0;
  bool full = false;     // once a key is left, so are all after it
  std::size_t next = 0;  // index into the targets and items
  for (const wire::BatchGetTable& part : request.tables) {
    wire::TableItems& found = responses.emplace_back(wire::TableItems{part.table_name, {}});
    const capacity::Read read = capacity::read_of(part.consistent_read);
    for (const Item& key : part.keys) {
      const storage::Table& table = *targets.addresses()[next].table;
      std::optional<Item>& stored = items[next++];
      std::optional<Item> projected;
      if (stored && part.projection) {
        projected = expr::project(*stored, part.projection->paths);
      }
      std::optional<Item>& item = projected ? projected : stored;
      const std::size_t size = item ? item_size(*item) : 0;
      full = full || response_bytes + size > kMaxBatchGetResponseBytes;
      if (full) {
        if (unprocessed.empty() || unprocessed.back().table_name != part.table_name) {
          unprocessed.push_back({part.table_name, part.json, {}});
        }
        unprocessed.back().keys.push_back(&key);
        continue;
      }
      // Each key read is charged as the GetItem it is, on the whole item.
      metrics.name_table(table, part.table_name);
      metrics.add_item_read(table, stored, read);
      response_bytes += size;
      if (item) {
        found.items.push_back(std::move(*item));
      }
    }
  }
  return wire::write_batch_get_response(responses, unprocessed, metrics.response());
}

}  // namespace ddblocal
