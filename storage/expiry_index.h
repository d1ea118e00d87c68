// The expiry index of a table with Time to Live: an entry for each item whose TTL attribute
// gives it an expiry time (protocol/time_to_live.h), in the "expiry" column family under
//
//   table uid (8 bytes big-endian) | expiry second (8 bytes big-endian) | item key -> ""
//
// written in the WriteBatch of the item's change, so that the entries follow the items exactly.
// The sweep reads a table's entries from the start up to now: its cost follows the expired
// items, not the size of the table. Internal to storage/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <rocksdb/write_batch.h>

#include "storage/database.h"
#include "storage/store.h"

namespace ddblocal::storage {

// Adds to `batch` what replacing `old_item` (or nothing) with `new_item` (or nothing) changes
// in the table's expiry index, at time `now` (epoch seconds). REQUIRES: table.ttl.
void add_expiry_writes(Database& database, rocksdb::WriteBatch& batch, const Table& table,
                       const std::string& item_key, const std::optional<Item>& old_item,
                       const std::optional<Item>& new_item, std::int64_t now);

// One entry of the index.
struct ExpiryEntry {
  std::string key;  // the entry's own key
  std::int64_t expiry = 0;
  std::string item_key;
};

// The entries of `table_uid` that expire at or before `now`, soonest first, at most `limit`.
Result<std::vector<ExpiryEntry>> expired_entries(Database& database, std::uint64_t table_uid,
                                                 std::int64_t now, std::size_t limit);

}  // namespace ddblocal::storage
