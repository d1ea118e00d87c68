// Database: the RocksDB instance, its column families and options. Internal to storage/: the
// rest of the program sees only store.h.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <rocksdb/db.h>
#include <rocksdb/env.h>
#include <rocksdb/write_batch.h>

#include "protocol/result.h"
#include "storage/store.h"

namespace ddblocal::storage {

// What a table's entry in the stats column family adds up: written as deltas through a merge
// operator in the same WriteBatch as the item, so counts are exact and cost no read.
struct TableStats {
  std::int64_t item_count = 0;
  std::int64_t size_bytes = 0;
};

class Database {
 public:
  // Column families; "default" holds the items.
  //   items:   item key (key_codec.h) -> item (item_codec.h)
  //   catalog: table records (catalog.cpp)
  //   stats:   encode_table_prefix(uid) -> TableStats deltas (database.cpp)
  static Result<std::unique_ptr<Database>> open(const StoreOptions& options);
  ~Database();

  rocksdb::ColumnFamilyHandle* items() const { return items_; }
  rocksdb::ColumnFamilyHandle* catalog() const { return catalog_; }
  rocksdb::ColumnFamilyHandle* stats() const { return stats_; }
  rocksdb::DB& db() const { return *db_; }
  // The folder of the database, in the Env it lives in (RocksDB's in-memory Env when in memory):
  // files beside it (backups) go through db().GetEnv() under this folder too.
  const std::string& path() const { return path_; }

  // Commits the batch; a RocksDB failure becomes an internal error.
  Result<void> write(rocksdb::WriteBatch& batch);
  // The value under `key`, or nullopt.
  Result<std::optional<std::string>> get(rocksdb::ColumnFamilyHandle* family, std::string_view key,
                                         const rocksdb::Snapshot* snapshot = nullptr);
  // The values under `keys` (nullopt where absent), all read from one snapshot.
  Result<std::vector<std::optional<std::string>>> get_all(rocksdb::ColumnFamilyHandle* family,
                                                          std::span<const std::string> keys);

  // Flushes every column family's memtable.
  Result<void> flush();

  // Adds a stats delta for a table to `batch`.
  void add_stats(rocksdb::WriteBatch& batch, std::uint64_t table_uid, TableStats delta);
  // As of `snapshot` when given.
  Result<TableStats> read_stats(std::uint64_t table_uid,
                                const rocksdb::Snapshot* snapshot = nullptr);
  // Removes every item, the stats and the extras (table_extras.h) of a table (or index) uid.
  void remove_entries(rocksdb::WriteBatch& batch, std::uint64_t table_uid);

 private:
  Database() = default;

  std::unique_ptr<rocksdb::Env> memory_env_;  // outlives db_ when in memory
  std::string path_;
  std::unique_ptr<rocksdb::DB> db_;
  rocksdb::ColumnFamilyHandle* items_ = nullptr;
  rocksdb::ColumnFamilyHandle* catalog_ = nullptr;
  rocksdb::ColumnFamilyHandle* stats_ = nullptr;
  rocksdb::WriteOptions write_options_;
};

}  // namespace ddblocal::storage
