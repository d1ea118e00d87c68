#include "storage/index_entries.h"

#include "storage/item_codec.h"
#include "storage/key_codec.h"

namespace ddblocal::storage {
namespace {

void copy_attribute(Item& out, const Item& item, const std::string& name) {
  if (auto it = item.find(name); it != item.end()) {
    out.insert(*it);
  }
}

// One index entry as stored: its key and the projected item.
struct Entry {
  std::string key;
  Item item;
};

std::optional<Entry> entry_of(const Table& table, std::size_t index,
                              const std::optional<Item>& item) {
  if (!item) {
    return std::nullopt;
  }
  std::optional<std::string> key = index_entry_key(table, index, *item);
  if (!key) {
    return std::nullopt;
  }
  return Entry{std::move(*key),
               project_into_index(table.schema, table.schema.indexes[index], *item)};
}

// Calls `visit(index, old_entry, new_entry)` for each index of `table` whose entry of the item
// changes from `old_item` (or nothing) to `new_item` (or nothing): added, removed, moved, or
// holding other attributes.
template <typename Visit>
void for_each_changed_entry(const Table& table, const std::optional<Item>& old_item,
                            const std::optional<Item>& new_item, Visit&& visit) {
  for (std::size_t index = 0; index < table.schema.indexes.size(); ++index) {
    std::optional<Entry> old_entry = entry_of(table, index, old_item);
    std::optional<Entry> new_entry = entry_of(table, index, new_item);
    if (!old_entry && !new_entry) {
      continue;
    }
    if (old_entry && new_entry && old_entry->key == new_entry->key &&
        old_entry->item == new_entry->item) {
      continue;  // the attributes the index holds did not change
    }
    visit(index, old_entry, new_entry);
  }
}

}  // namespace

std::optional<std::string> index_entry_key(const Table& table, std::size_t index,
                                           const Item& item) {
  const KeySchema& index_key = table.schema.indexes[index].key_schema;
  auto partition = key_values(item, index_key.partition);
  auto sort = key_values(item, index_key.sort);
  if (!partition || !sort) {
    return std::nullopt;
  }
  std::string key = encode_composite_partition_prefix(
      table.indexes[index].uid, std::span(partition->data(), partition->size()));
  for (const AttributeValue* value : *sort) {
    append_key_value(key, *value);
  }
  const TableSchema& schema = table.schema;
  append_key_value(key, item.at(schema.partition_key.name));
  if (schema.sort_key) {
    append_key_value(key, item.at(schema.sort_key->name));
  }
  return key;
}

Item project_into_index(const TableSchema& schema, const SecondaryIndex& index, const Item& item) {
  if (index.projection == ProjectionType::kAll) {
    return item;
  }
  Item projected;
  copy_attribute(projected, item, schema.partition_key.name);
  if (schema.sort_key) {
    copy_attribute(projected, item, schema.sort_key->name);
  }
  key_attributes(index.key_schema).for_each([&](const AttributeDefinition& key) {
    copy_attribute(projected, item, key.name);
  });
  for (const std::string& name : index.non_key_attributes) {
    copy_attribute(projected, item, name);
  }
  return projected;
}

void add_index_writes(Database& database, rocksdb::WriteBatch& batch, const Table& table,
                      const std::optional<Item>& old_item, const std::optional<Item>& new_item) {
  for_each_changed_entry(
      table, old_item, new_item,
      [&](std::size_t index, const std::optional<Entry>& old_entry,
          const std::optional<Entry>& new_entry) {
        TableStats delta;
        if (old_entry) {
          if (!new_entry || new_entry->key != old_entry->key) {
            batch.Delete(database.items(), old_entry->key).PermitUncheckedError();
          }
          delta.item_count -= 1;
          delta.size_bytes -= static_cast<std::int64_t>(item_size(old_entry->item));
        }
        if (new_entry) {
          std::string value;
          append_item(value, new_entry->item);
          batch.Put(database.items(), new_entry->key, value).PermitUncheckedError();
          delta.item_count += 1;
          delta.size_bytes += static_cast<std::int64_t>(item_size(new_entry->item));
        }
        database.add_stats(batch, table.indexes[index].uid, delta);
      });
}

std::vector<IndexEntryChange> index_entry_changes(const Table& table, const ItemWrite& write) {
  std::vector<IndexEntryChange> changes;
  for_each_changed_entry(table, write.old_item, write.new_item,
                         [&](std::size_t index, const std::optional<Entry>& old_entry,
                             const std::optional<Entry>& new_entry) {
                           IndexEntryChange& change = changes.emplace_back();
                           change.index = &table.schema.indexes[index];
                           if (old_entry) {
                             change.write.before = item_size(old_entry->item);
                           }
                           if (new_entry) {
                             change.write.after = item_size(new_entry->item);
                           }
                           change.write.moved =
                               old_entry && new_entry && old_entry->key != new_entry->key;
                         });
  return changes;
}

}  // namespace ddblocal::storage
