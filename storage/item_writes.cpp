#include "storage/item_writes.h"

#include "protocol/clock.h"
#include "storage/change_log.h"
#include "storage/expiry_index.h"
#include "storage/index_entries.h"
#include "storage/item_codec.h"

namespace ddblocal::storage {
namespace {

// The stats change of replacing `old_item` (or nothing) with `new_item` (or nothing).
TableStats stats_delta(const std::optional<Item>& old_item, const std::optional<Item>& new_item) {
  TableStats delta;
  if (old_item) {
    delta.item_count -= 1;
    delta.size_bytes -= static_cast<std::int64_t>(item_size(*old_item));
  }
  if (new_item) {
    delta.item_count += 1;
    delta.size_bytes += static_cast<std::int64_t>(item_size(*new_item));
  }
  return delta;
}

// The key attributes of an item of the table.
Item keys_of(const TableSchema& schema, const Item& item) {
  Item keys;
  for (const AttributeDefinition* key :
       {&schema.partition_key, schema.sort_key ? &*schema.sort_key : nullptr}) {
    if (key != nullptr) {
      if (auto it = item.find(key->name); it != item.end()) {
        keys.insert(*it);
      }
    }
  }
  return keys;
}

}  // namespace

void add_item_write(Database& database, rocksdb::WriteBatch& batch, const Table& table,
                    const std::string& item_key, const ItemWrite& write, const ChangeStamp* stamp) {
  if (write.old_item == write.new_item) {
    return;
  }
  if (write.new_item) {
    std::string value;
    append_item(value, *write.new_item);
    batch.Put(database.items(), item_key, value).PermitUncheckedError();
  } else {
    batch.Delete(database.items(), item_key).PermitUncheckedError();
  }
  database.add_stats(batch, table.uid, stats_delta(write.old_item, write.new_item));
  add_index_writes(database, batch, table, write.old_item, write.new_item);
  if (table.ttl) {
    add_expiry_writes(database, batch, table, item_key, write.old_item, write.new_item,
                      unix_seconds());
  }
  if (logs_changes(table)) {
    const Item& image = write.new_item ? *write.new_item : *write.old_item;
    add_change_record(database, batch, table.uid, *stamp, keys_of(table.schema, image),
                      write.old_item, write.new_item);
  }
}

}  // namespace ddblocal::storage
