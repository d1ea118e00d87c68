// Store: a table's items as one moment of it, for exports: the present (a RocksDB snapshot), or
// an earlier moment of a table with point-in-time recovery (that snapshot, rewound).
#include <memory>

#include "storage/change_log.h"
#include "storage/database.h"
#include "storage/item_codec.h"
#include "storage/key_codec.h"
#include "storage/rewind.h"
#include "storage/store.h"

namespace ddblocal::storage {

Result<void> Store::for_each_item_at(const Table& table, std::optional<std::int64_t> time_ms,
                                     const ItemVisitor& visit) {
  rocksdb::ManagedSnapshot snapshot(&database_->db());
  Rewind rewound;
  if (time_ms) {
    DDB_ASSIGN_OR_RETURN(auto records,
                         change_log_->records_after(table.uid, *time_ms, snapshot.snapshot()));
    rewound = rewind(table, records);
  }
  auto visit_stored = [&](std::string_view stored) -> Result<void> {
    DDB_ASSIGN_OR_RETURN(Item item, decode_item(stored));
    return visit(item);
  };
  const std::string lower = encode_table_prefix(table.uid);
  const std::string upper = encode_table_prefix(table.uid + 1);
  rocksdb::Slice lower_slice(lower);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions read;
  read.snapshot = snapshot.snapshot();
  read.iterate_lower_bound = &lower_slice;
  read.iterate_upper_bound = &upper_slice;
  read.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(database_->db().NewIterator(read, database_->items()));
  ItemReplacements& replacements = rewound.replacements;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    // An item changed since the moment is read as it was then (or not at all).
    auto replaced = replacements.empty()
                        ? replacements.end()
                        : replacements.find(it->key().ToString().substr(lower.size()));
    if (replaced == replacements.end()) {
      DDB_RETURN_IF_ERROR(visit_stored(std::string_view(it->value().data(), it->value().size())));
      continue;
    }
    if (replaced->second) {
      DDB_RETURN_IF_ERROR(visit_stored(*replaced->second));
    }
    replacements.erase(replaced);
  }
  if (!it->status().ok()) {
    return ApiError::internal("storage failure: " + it->status().ToString());
  }
  // Items deleted since the moment.
  for (const auto& [key, stored] : replacements) {
    if (stored) {
      DDB_RETURN_IF_ERROR(visit_stored(*stored));
    }
  }
  return {};
}

}  // namespace ddblocal::storage
