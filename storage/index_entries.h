// Secondary index entries: where an item sits in an index and what the index copies of it,
// and the writes that keep an index exact as items change. Internal to storage/.
//
// An index's entries live in the items column family under the index's own uid, laid out as
// items are (index uid | partition hash | index partition key | index sort key), followed by
// the table's key so that items with equal index keys stay distinct, ordered by table key.
// Query and Scan ranges (range_scan.h) therefore work on an index as they do on a table.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include <rocksdb/write_batch.h>

#include "storage/database.h"
#include "storage/store.h"

namespace ddblocal::storage {

// The RocksDB key of `item`'s entry in the table's index at position `index` of
// table.schema.indexes; nullopt when the item lacks one of the index's key attributes or holds
// it with another type (a sparse index leaves the item out).
std::optional<std::string> index_entry_key(const Table& table, std::size_t index, const Item& item);

// The attributes of `item` that `index` copies: the table's keys, the index's keys, and the
// projected attributes (every attribute for ALL).
Item project_into_index(const TableSchema& schema, const SecondaryIndex& index, const Item& item);

// Adds to `batch` what changing `old_item` (or nothing) into `new_item` (or nothing) changes in
// every index of `table`: entries removed, moved or rewritten, and each index's stats.
void add_index_writes(Database& database, rocksdb::WriteBatch& batch, const Table& table,
                      const std::optional<Item>& old_item, const std::optional<Item>& new_item);

}  // namespace ddblocal::storage
