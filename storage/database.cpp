#include "storage/database.h"

#include <algorithm>
#include <cstring>

#include <rocksdb/cache.h>
#include <rocksdb/filter_policy.h>
#include <rocksdb/merge_operator.h>
#include <rocksdb/slice_transform.h>
#include <rocksdb/table.h>

#include "storage/key_codec.h"
#include "storage/table_extras.h"

namespace ddblocal::storage {
namespace {

// A TableStats value: item count then size in bytes, each 8 bytes little-endian.
// Written to disk: do not change.
std::string encode_stats(TableStats stats) {
  std::string bytes(16, '\0');
  std::memcpy(bytes.data(), &stats.item_count, 8);
  std::memcpy(bytes.data() + 8, &stats.size_bytes, 8);
  return bytes;
}

TableStats decode_stats(const rocksdb::Slice& bytes) {
  TableStats stats;
  if (bytes.size() == 16) {
    std::memcpy(&stats.item_count, bytes.data(), 8);
    std::memcpy(&stats.size_bytes, bytes.data() + 8, 8);
  }
  return stats;
}

// Adds stats deltas, so that a write never reads the totals it changes.
class StatsAddOperator : public rocksdb::AssociativeMergeOperator {
 public:
  bool Merge(const rocksdb::Slice&, const rocksdb::Slice* existing, const rocksdb::Slice& delta,
             std::string* result, rocksdb::Logger*) const override {
    TableStats total = existing ? decode_stats(*existing) : TableStats{};
    TableStats add = decode_stats(delta);
    total.item_count += add.item_count;
    total.size_bytes += add.size_bytes;
    *result = encode_stats(total);
    return true;
  }
  const char* Name() const override { return "ddblocal.StatsAdd"; }
};

rocksdb::ColumnFamilyOptions items_options() {
  rocksdb::ColumnFamilyOptions options;
  rocksdb::BlockBasedTableOptions table;
  table.block_cache = rocksdb::NewLRUCache(64 << 20);
  table.filter_policy.reset(rocksdb::NewBloomFilterPolicy(10));
  table.whole_key_filtering = true;
  options.table_factory.reset(rocksdb::NewBlockBasedTableFactory(table));
  // Table uid + partition hash: a Query's seek stays within one prefix's bloom filter.
  options.prefix_extractor.reset(rocksdb::NewFixedPrefixTransform(kItemKeyPrefixBytes));
  return options;
}

ApiError rocksdb_error(const rocksdb::Status& status) {
  return ApiError::internal("storage failure: " + status.ToString());
}

// The column families a database already has: none for a new one.
std::vector<std::string> existing_families(const rocksdb::DBOptions& options,
                                           const std::string& path) {
  std::vector<std::string> names;
  if (!rocksdb::DB::ListColumnFamilies(options, path, &names).ok()) {
    names.clear();
  }
  return names;
}

// Opens `db` with `families`' handles in their order, creating the missing ones in one call:
// RocksDB's create_missing_column_families creates them one at a time, each writing an OPTIONS
// file that it then parses back to check (with an fsync on disk), a fifth of an empty
// start-up's time.
Result<std::vector<rocksdb::ColumnFamilyHandle*>> open_families(
    const rocksdb::DBOptions& options, const std::string& path,
    const std::vector<rocksdb::ColumnFamilyDescriptor>& families,
    std::unique_ptr<rocksdb::DB>& db) {
  std::vector<std::string> existing = existing_families(options, path);
  std::vector<rocksdb::ColumnFamilyDescriptor> present;
  std::vector<rocksdb::ColumnFamilyDescriptor> missing;
  for (const rocksdb::ColumnFamilyDescriptor& family : families) {
    bool exists = family.name == rocksdb::kDefaultColumnFamilyName ||
                  std::find(existing.begin(), existing.end(), family.name) != existing.end();
    (exists ? present : missing).push_back(family);
  }
  std::vector<rocksdb::ColumnFamilyHandle*> opened;
  rocksdb::DB* raw = nullptr;
  rocksdb::Status status = rocksdb::DB::Open(options, path, present, &opened, &raw);
  if (!status.ok()) {
    return rocksdb_error(status);
  }
  db.reset(raw);
  std::vector<rocksdb::ColumnFamilyHandle*> created;
  if (!missing.empty()) {
    status = db->CreateColumnFamilies(missing, &created);
  }
  opened.insert(opened.end(), created.begin(), created.end());
  if (!status.ok()) {
    for (rocksdb::ColumnFamilyHandle* handle : opened) {
      db->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
    }
    db.reset();
    return rocksdb_error(status);
  }
  // Back in `families`' order.
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  for (const rocksdb::ColumnFamilyDescriptor& family : families) {
    handles.push_back(*std::find_if(opened.begin(), opened.end(), [&](auto* handle) {
      return handle->GetName() == family.name;
    }));
  }
  return handles;
}

}  // namespace

Result<std::unique_ptr<Database>> Database::open(const StoreOptions& store_options) {
  std::unique_ptr<Database> database(new Database());
  rocksdb::DBOptions options;
  options.create_if_missing = true;
  options.info_log_level = rocksdb::WARN_LEVEL;
  options.keep_log_file_num = 2;
  // Opening table files on a pool of 16 threads (the default) creates and joins those threads
  // one by one for each column family, even when there are no files: about 10 ms of start-up
  // on 2 cores, for a database whose few files open as fast on one thread.
  options.max_file_opening_threads = 1;
  std::string path = store_options.path;
  if (store_options.in_memory) {
    database->memory_env_.reset(rocksdb::NewMemEnv(rocksdb::Env::Default()));
    options.env = database->memory_env_.get();
    path = "/ddblocal";
  }

  rocksdb::ColumnFamilyOptions stats_options;
  stats_options.merge_operator = std::make_shared<StatsAddOperator>();
  std::vector<rocksdb::ColumnFamilyDescriptor> families = {
      {rocksdb::kDefaultColumnFamilyName, items_options()},
      {"catalog", rocksdb::ColumnFamilyOptions()},
      {"stats", stats_options},
      {"changes", rocksdb::ColumnFamilyOptions()},
      {"expiry", rocksdb::ColumnFamilyOptions()},
  };
  DDB_ASSIGN_OR_RETURN(std::vector<rocksdb::ColumnFamilyHandle*> handles,
                       open_families(options, path, families, database->db_));
  database->path_ = path;
  // In memory, a write-ahead log can recover nothing (it dies with the process) and costs the
  // tail: the in-memory environment keeps each file in one std::string, so appending to the
  // log copies all of it each time the string doubles (tens of ms at 32 or 64 MB), and the log
  // holds a second copy of every write until all column families flush. (RocksDB refuses a
  // synced write without a log; in memory there is nothing to sync anyway.)
  database->write_options_.disableWAL = store_options.in_memory;
  database->write_options_.sync = store_options.sync_writes && !store_options.in_memory;
  database->items_ = handles[0];
  database->catalog_ = handles[1];
  database->stats_ = handles[2];
  database->changes_ = handles[3];
  database->expiry_ = handles[4];
  return database;
}

Database::~Database() {
  if (db_) {
    for (auto* handle : {items_, catalog_, stats_, changes_, expiry_}) {
      db_->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
    }
    db_->Close().PermitUncheckedError();
    db_.reset();
  }
}

Result<void> Database::write(rocksdb::WriteBatch& batch) {
  rocksdb::Status status = db_->Write(write_options_, &batch);
  if (!status.ok()) {
    return rocksdb_error(status);
  }
  return {};
}

Result<std::optional<std::string>> Database::get(rocksdb::ColumnFamilyHandle* family,
                                                 std::string_view key,
                                                 const rocksdb::Snapshot* snapshot) {
  std::string value;
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  rocksdb::Status status =
      db_->Get(options, family, rocksdb::Slice(key.data(), key.size()), &value);
  if (status.IsNotFound()) {
    return std::optional<std::string>();
  }
  if (!status.ok()) {
    return rocksdb_error(status);
  }
  return std::optional<std::string>(std::move(value));
}

Result<std::vector<std::optional<std::string>>> Database::get_all(
    rocksdb::ColumnFamilyHandle* family, std::span<const std::string> keys) {
  rocksdb::ManagedSnapshot snapshot(db_.get());
  rocksdb::ReadOptions options;
  options.snapshot = snapshot.snapshot();
  std::vector<rocksdb::Slice> slices(keys.begin(), keys.end());
  std::vector<std::string> values;
  std::vector<rocksdb::Status> statuses = db_->MultiGet(
      options, std::vector<rocksdb::ColumnFamilyHandle*>(keys.size(), family), slices, &values);
  std::vector<std::optional<std::string>> found(keys.size());
  for (std::size_t i = 0; i < keys.size(); ++i) {
    if (statuses[i].ok()) {
      found[i] = std::move(values[i]);
    } else if (!statuses[i].IsNotFound()) {
      return rocksdb_error(statuses[i]);
    }
  }
  return found;
}

Result<void> Database::flush() {
  rocksdb::Status status =
      db_->Flush(rocksdb::FlushOptions(), {items_, catalog_, stats_, changes_, expiry_});
  if (!status.ok()) {
    return rocksdb_error(status);
  }
  return {};
}

void Database::add_stats(rocksdb::WriteBatch& batch, std::uint64_t table_uid, TableStats delta) {
  batch.Merge(stats_, encode_table_prefix(table_uid), encode_stats(delta)).PermitUncheckedError();
}

Result<TableStats> Database::read_stats(std::uint64_t table_uid,
                                        const rocksdb::Snapshot* snapshot) {
  DDB_ASSIGN_OR_RETURN(auto value, get(stats_, encode_table_prefix(table_uid), snapshot));
  return value ? decode_stats(*value) : TableStats{};
}

void Database::remove_entries(rocksdb::WriteBatch& batch, std::uint64_t table_uid) {
  batch.DeleteRange(items_, encode_table_prefix(table_uid), encode_table_prefix(table_uid + 1))
      .PermitUncheckedError();
  batch.Delete(stats_, encode_table_prefix(table_uid)).PermitUncheckedError();
  batch.DeleteRange(catalog_, table_extras_prefix(table_uid), table_extras_prefix(table_uid + 1))
      .PermitUncheckedError();
  remove_expiry_entries(batch, table_uid);
}

void Database::remove_expiry_entries(rocksdb::WriteBatch& batch, std::uint64_t table_uid) {
  batch.DeleteRange(expiry_, encode_table_prefix(table_uid), encode_table_prefix(table_uid + 1))
      .PermitUncheckedError();
}

}  // namespace ddblocal::storage
