// The writes one item's change adds to a WriteBatch: the item itself, its table's stats, its
// secondary index entries, its expiry index entry (a table with Time to Live) and its change
// record (a table with a change log). Internal to storage/.
#pragma once

#include <string>

#include <rocksdb/write_batch.h>

#include "storage/change_codec.h"
#include "storage/database.h"
#include "storage/store.h"

namespace ddblocal::storage {

// Whether the table's writes are logged: a stream or point-in-time recovery is enabled.
inline bool logs_changes(const Table& table) {
  return table.schema.stream.has_value() || table.point_in_time_recovery.has_value();
}

// Adds one item's write to `batch`; its change record under `stamp` when the table logs
// changes (REQUIRES: stamp then). A write that changes nothing (a ConditionCheck, a put of the
// same item) adds nothing.
void add_item_write(Database& database, rocksdb::WriteBatch& batch, const Table& table,
                    const std::string& item_key, const ItemWrite& write, const ChangeStamp* stamp);

}  // namespace ddblocal::storage
