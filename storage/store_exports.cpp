// Store: a table's items as one moment of it (a RocksDB snapshot), for exports.
#include <memory>

#include "storage/database.h"
#include "storage/item_codec.h"
#include "storage/key_codec.h"
#include "storage/store.h"

namespace ddblocal::storage {

Result<void> Store::for_each_item_at_once(const Table& table, const ItemVisitor& visit) {
  rocksdb::ManagedSnapshot snapshot(&database_->db());
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
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    DDB_ASSIGN_OR_RETURN(Item item,
                         decode_item(std::string_view(it->value().data(), it->value().size())));
    DDB_RETURN_IF_ERROR(visit(item));
  }
  if (!it->status().ok()) {
    return ApiError::internal("storage failure: " + it->status().ToString());
  }
  return {};
}

}  // namespace ddblocal::storage
