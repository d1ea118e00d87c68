#include "storage/store.h"

#include <filesystem>
#include <limits>
#include <set>

#include "protocol/arn.h"
#include "protocol/clock.h"
#include "storage/backup_catalog.h"
#include "storage/catalog.h"
#include "storage/change_log.h"
#include "storage/database.h"
#include "storage/format_version.h"
#include "storage/index_entries.h"
#include "storage/item_codec.h"
#include "storage/item_writes.h"
#include "storage/key_codec.h"
#include "storage/key_locks.h"
#include "storage/range_scan.h"
#include "storage/record_fields.h"
#include "storage/store_errors.h"
#include "storage/stream_catalog.h"
#include "storage/transient_statuses.h"

namespace ddblocal::storage {
namespace {

// A schema change refused while the table is still CREATING or UPDATING (DynamoDB's texts, as
// users quoted them in terraform-aws-dynamodb-table issue 51 and dynamic-dynamodb issue 36).
std::optional<ApiError> still_changing(TableStatus status, std::string_view name) {
  if (status == TableStatus::kCreating) {
    return ApiError::resource_in_use(
        "Attempt to change a resource which is still in use: Table is being created: " +
        std::string(name));
  }
  if (status == TableStatus::kUpdating) {
    return ApiError::resource_in_use(
        "Attempt to change a resource which is still in use: Table is being updated: " +
        std::string(name));
  }
  return std::nullopt;
}

// How many items an index build reads, locks and indexes at a time.
constexpr std::size_t kBuildChunk = 256;

std::vector<std::string> item_keys_of(std::span<const ItemAddress> addresses) {
  std::vector<std::string> keys;
  keys.reserve(addresses.size());
  for (const ItemAddress& address : addresses) {
    keys.push_back(item_key_of(*address.table, *address.key));
  }
  return keys;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const StoreOptions& options) {
  if (!options.in_memory) {
    std::error_code error;
    std::filesystem::create_directories(options.path, error);
    if (error) {
      return ApiError::internal("cannot create " + options.path + ": " + error.message());
    }
  }
  DDB_ASSIGN_OR_RETURN(auto database, Database::open(options));
  DDB_ASSIGN_OR_RETURN(const int format, read_format_version(*database));
  if (format > kFormatVersion) {
    return ApiError::internal("the data folder " + options.path + " is in format " +
                              std::to_string(format) + ", written by a newer ddblocal; this one " +
                              "reads format " + std::to_string(kFormatVersion));
  }
  DDB_ASSIGN_OR_RETURN(auto catalog, Catalog::load(*database));
  DDB_ASSIGN_OR_RETURN(auto streams, StreamCatalog::load(*database));
  auto change_log = std::make_unique<ChangeLog>(*database);
  DDB_RETURN_IF_ERROR(change_log->recover(streams->highest_first_sequence()));
  std::unique_ptr<Store> store(new Store(std::move(database), std::move(catalog),
                                         std::move(streams), std::move(change_log),
                                         options.transient_status_delay));
  if (format < kFormatVersion) {
    for (const std::shared_ptr<const Table>& table : store->catalog_->all()) {
      DDB_RETURN_IF_ERROR(store->rekey_table(*table));
    }
    store->migrated_from_format_ = format;
  }
  // Also when the folder is new, so that a later version of ddblocal knows it.
  DDB_RETURN_IF_ERROR(write_format_version(*store->database_));
  DDB_ASSIGN_OR_RETURN(store->backups_, BackupCatalog::load(*store->database_));
  // An index or an expiry index still being built when the process stopped: finish it (the
  // expiry index on the tables as the index builds left them).
  for (const std::shared_ptr<const Table>& table : store->catalog_->all()) {
    DDB_RETURN_IF_ERROR(store->build_indexes(*table));
  }
  for (const std::shared_ptr<const Table>& table : store->catalog_->all()) {
    if (table->ttl && !table->ttl->indexed) {
      DDB_RETURN_IF_ERROR(store->index_expiry(*table));
    }
  }
  return store;
}

Store::Store(std::unique_ptr<Database> database, std::unique_ptr<Catalog> catalog,
             std::unique_ptr<StreamCatalog> streams, std::unique_ptr<ChangeLog> change_log,
             std::chrono::milliseconds transient_status_delay)
    : database_(std::move(database)),
      catalog_(std::move(catalog)),
      key_locks_(std::make_unique<KeyLocks>()),
      streams_(std::move(streams)),
      change_log_(std::move(change_log)),
      transient_(std::make_unique<TransientStatuses>(transient_status_delay)) {}

Store::~Store() = default;

TableDescription Store::describe(const Table& table, TableStatus status) {
  TableDescription description;
  description.schema = table.schema;
  description.region = region_of_namespace(table.region);
  description.table_id = table.table_id;
  description.creation_date_time = table.creation_date_time;
  description.last_update_to_pay_per_request = table.last_update_to_pay_per_request;
  description.latest_stream_label = table.latest_stream_label;
  description.status = status;
  description.decreases_today =
      decreases_today(table.schema.settings.throughput_history, unix_time());
  if (status == TableStatus::kDeleting) {
    return description;
  }
  // A failed read leaves the counts at zero: DynamoDB's counts are approximate anyway.
  if (Result<TableStats> stats = database_->read_stats(table.uid)) {
    description.item_count = stats->item_count;
    description.size_bytes = stats->size_bytes;
  }
  for (std::size_t i = 0; i < table.indexes.size(); ++i) {
    const IndexState& index = table.indexes[i];
    IndexDescription& index_description = description.indexes.emplace_back();
    index_description.status = transient_->index_creating(table.uid, table.schema.indexes[i].name)
                                   ? IndexStatus::kCreating
                                   : index.status;
    if (Result<TableStats> stats = database_->read_stats(index.uid)) {
      index_description.item_count = stats->item_count;
      index_description.size_bytes = stats->size_bytes;
    }
  }
  return description;
}

Result<TableDescription> Store::create_table(std::string_view region, const TableSchema& schema) {
  if (transient_->deleting(region, schema.table_name)) {
    return ApiError::resource_in_use("Table already exists: " + schema.table_name);
  }
  StreamChange streams;
  DDB_ASSIGN_OR_RETURN(
      auto table, catalog_->create(region, schema, [&](Table& table, rocksdb::WriteBatch& batch) {
        stage_stream_change(nullptr, &table, batch, streams);
      }));
  keep_stream_change(streams);
  transient_->created(table->uid);
  return describe(*table, transient_->status(table->uid));
}

Result<TableDescription> Store::describe_table(std::string_view region, std::string_view name) {
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  if (!table) {
    if (std::optional<TableDescription> deleting = transient_->deleting(region, name)) {
      return *deleting;
    }
    return table_not_found(name);
  }
  return describe(*table, transient_->status(table->uid));
}

Result<TableDescription> Store::delete_table(std::string_view region, std::string_view name) {
  // Not while an index of the table is being built.
  std::lock_guard schema_lock(schema_mutex_);
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  if (!table) {
    return table_not_found(name);
  }
  if (std::optional<ApiError> changing = still_changing(transient_->status(table->uid), name)) {
    return *changing;
  }
  if (table->schema.settings.deletion_protection_enabled) {
    return ApiError::validation(
        "Resource cannot be deleted as it is currently protected against deletion. Disable "
        "deletion protection first.");
  }
  TableDescription description = describe(*table, TableStatus::kActive);
  std::lock_guard extras_lock(extras_mutex_);
  StreamChange streams;
  DDB_ASSIGN_OR_RETURN(
      auto removed, catalog_->remove(region, name, [&](Table& table, rocksdb::WriteBatch& batch) {
        stage_stream_change(&table, nullptr, batch, streams);
        if (table.point_in_time_recovery) {
          // Recovery's records go with the table; the stream's stay readable for its retention.
          const std::uint64_t kept_from = streams.closed
                                              ? streams.closed->first_sequence
                                              : std::numeric_limits<std::uint64_t>::max();
          change_log_->remove(batch, table.uid, 1, kept_from - 1);
        }
      }));
  if (!removed) {
    return table_not_found(name);  // deleted by a concurrent request meanwhile
  }
  keep_stream_change(streams);
  if (streams.closed) {
    key_locks_->wait_for_writers();
    drain_stream_change(streams);
  }
  description.status = TableStatus::kDeleting;
  transient_->deleted(region, name, description);
  return description;
}

Result<TableDescription> Store::update_table(std::string_view region, std::string_view name,
                                             const SchemaChange& change) {
  std::lock_guard schema_lock(schema_mutex_);
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  if (!table) {
    return table_not_found(name);
  }
  if (std::optional<ApiError> changing = still_changing(transient_->status(table->uid), name)) {
    return *changing;
  }
  DDB_ASSIGN_OR_RETURN(TableSchema schema, change(table->schema));
  // The indexes kept stay in their places, each with its state; the new ones follow them and
  // get their states from the catalog.
  Table updated = *table;
  updated.schema = std::move(schema);
  updated.indexes.clear();
  std::vector<SecondaryIndex> kept;
  std::vector<SecondaryIndex> added;
  for (SecondaryIndex& index : updated.schema.indexes) {
    if (const SecondaryIndex* old = find_index(table->schema, index.name)) {
      updated.indexes.push_back(table->indexes[index_position(table->schema, *old)]);
      kept.push_back(std::move(index));
    } else {
      added.push_back(std::move(index));
    }
  }
  updated.schema.indexes = std::move(kept);
  updated.schema.indexes.insert(updated.schema.indexes.end(), added.begin(), added.end());
  std::vector<std::size_t> dropped;
  for (std::size_t i = 0; i < table->schema.indexes.size(); ++i) {
    if (!find_index(updated.schema, table->schema.indexes[i].name)) {
      dropped.push_back(i);
    }
  }

  StreamChange streams;
  DDB_ASSIGN_OR_RETURN(
      auto current,
      catalog_->replace(std::move(updated), [&](Table& after, rocksdb::WriteBatch& batch) {
        stage_stream_change(table.get(), &after, batch, streams);
      }));
  if (!current) {
    return table_not_found(name);
  }
  keep_stream_change(streams);
  const bool indexes_change = !added.empty() || !dropped.empty();
  if (indexes_change || streams.closed) {
    // Writers that began with the old version finish before indexes are built or dropped, or
    // a stream's shard is closed; later ones keep the new indexes up to date and log nothing.
    key_locks_->wait_for_writers();
  }
  drain_stream_change(streams);
  TableDescription description = describe(*current, TableStatus::kUpdating);
  rocksdb::WriteBatch drop;
  for (std::size_t i : dropped) {
    description.schema.indexes.push_back(table->schema.indexes[i]);
    description.indexes.push_back({IndexStatus::kDeleting});
    database_->remove_entries(drop, table->indexes[i].uid);
  }
  if (drop.Count() > 0) {
    DDB_RETURN_IF_ERROR(database_->write(drop));
  }
  DDB_RETURN_IF_ERROR(build_indexes(*current));
  std::set<std::string, std::less<>> added_names;
  for (const SecondaryIndex& index : added) {
    added_names.insert(index.name);
  }
  transient_->updated(current->uid, std::move(added_names));
  return description;
}

Result<void> Store::rekey_table(const Table& table) {
  // Uids marked unfinished until replace_uids: an interrupted move is removed at the next open.
  DDB_ASSIGN_OR_RETURN(std::uint64_t uid, catalog_->reserve_uids(1 + table.indexes.size()));
  Table moved = table;
  moved.uid = uid;
  for (IndexState& index : moved.indexes) {
    index.uid = ++uid;
  }

  const KeyRange range = scan_range(table.uid, std::nullopt);
  rocksdb::Slice lower(range.lower);
  rocksdb::Slice upper(range.upper);
  rocksdb::ReadOptions options;
  options.iterate_lower_bound = &lower;
  options.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(database_->db().NewIterator(options, database_->items()));
  it->SeekToFirst();
  while (it->Valid()) {
    // Each item written as new under the moved table: its key, its index entries, its stats.
    // No change record: format 1 had no streams, and a move changes no item.
    rocksdb::WriteBatch batch;
    for (std::size_t count = 0; it->Valid() && count < kBuildChunk; it->Next(), ++count) {
      DDB_ASSIGN_OR_RETURN(Item item, decode_item(it->value().ToStringView()));
      const std::string item_key = item_key_of(moved, item);
      add_item_write(*database_, batch, moved, item_key, ItemWrite{std::nullopt, std::move(item)},
                     nullptr);
    }
    DDB_RETURN_IF_ERROR(database_->write(batch));
  }
  if (!it->status().ok()) {
    return ApiError::internal("storage failure: " + it->status().ToString());
  }
  DDB_RETURN_IF_ERROR(catalog_->replace_uids(std::move(moved)));
  return {};
}

Result<void> Store::build_indexes(const Table& table) {
  bool built_any = false;
  for (std::size_t i = 0; i < table.indexes.size(); ++i) {
    if (table.indexes[i].status == IndexStatus::kCreating) {
      DDB_RETURN_IF_ERROR(build_index(table, i));
      built_any = true;
    }
  }
  if (!built_any) {
    return {};
  }
  Table built = table;
  for (IndexState& index : built.indexes) {
    index.status = IndexStatus::kActive;
  }
  DDB_RETURN_IF_ERROR(catalog_->replace(std::move(built)));
  return {};
}

Result<void> Store::build_index(const Table& table, std::size_t position) {
  return for_each_item_chunk(
      table,
      [&](std::span<const std::string>,
          std::span<const std::optional<Item>> items) -> Result<void> {
        rocksdb::WriteBatch batch;
        TableStats delta;
        for (const std::optional<Item>& item : items) {
          std::optional<std::string> entry_key =
              item ? index_entry_key(table, position, *item) : std::nullopt;
          if (!entry_key) {
            continue;
          }
          // A writer since the index appeared made the entry already, and counted it.
          DDB_ASSIGN_OR_RETURN(auto existing, database_->get(database_->items(), *entry_key));
          if (existing) {
            continue;
          }
          Item projected = project_into_index(table.schema, table.schema.indexes[position], *item);
          std::string value;
          append_item(value, projected);
          batch.Put(database_->items(), *entry_key, value).PermitUncheckedError();
          delta.item_count += 1;
          delta.size_bytes += static_cast<std::int64_t>(item_size(projected));
        }
        if (batch.Count() == 0) {
          return {};
        }
        database_->add_stats(batch, table.indexes[position].uid, delta);
        return database_->write(batch);
      });
}

Result<void> Store::for_each_item_chunk(const Table& table, const ChunkVisit& visit) {
  const KeyRange range = scan_range(table.uid, std::nullopt);
  rocksdb::Slice lower(range.lower);
  rocksdb::Slice upper(range.upper);
  rocksdb::ReadOptions options;
  options.iterate_lower_bound = &lower;
  options.iterate_upper_bound = &upper;
  std::unique_ptr<rocksdb::Iterator> it(database_->db().NewIterator(options, database_->items()));
  it->SeekToFirst();
  while (it->Valid()) {
    std::vector<std::string> item_keys;
    for (; it->Valid() && item_keys.size() < kBuildChunk; it->Next()) {
      item_keys.push_back(it->key().ToString());
    }
    KeyLocks::Guard guard = key_locks_->lock_all(item_keys);
    DDB_ASSIGN_OR_RETURN(auto stored, database_->get_all(database_->items(), item_keys));
    DDB_ASSIGN_OR_RETURN(auto items, decode_items(stored));
    DDB_RETURN_IF_ERROR(visit(item_keys, items));
  }
  if (!it->status().ok()) {
    return ApiError::internal("storage failure: " + it->status().ToString());
  }
  return {};
}

TablePage Store::list_tables(std::string_view region,
                             std::optional<std::string_view> exclusive_start, std::size_t limit) {
  return catalog_->list(region, exclusive_start, limit);
}

Result<std::shared_ptr<const Table>> Store::find_table(std::string_view region,
                                                       std::string_view name) {
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  // A table still CREATING takes no items yet (DynamoDB's answer, as ExtendDB's pull request 204
  // recorded it).
  if (!table || transient_->status(table->uid) == TableStatus::kCreating) {
    return resource_not_found();
  }
  return table;
}

Result<std::optional<Item>> Store::get_item(const Table& table, const Item& key) {
  return read_item(item_key_of(table, key));
}

Result<bool> Store::get_item(const Table& table, const Item& key, PageSink& sink) {
  DDB_ASSIGN_OR_RETURN(auto stored, database_->get(database_->items(), item_key_of(table, key)));
  if (!stored) {
    return false;
  }
  StoredItem item{*stored};
  DDB_ASSIGN_OR_RETURN(item.size, stored_item_size(item.bytes));
  DDB_RETURN_IF_ERROR(sink.accept(item));
  return true;
}

Result<std::optional<Item>> Store::read_item(const std::string& item_key) {
  DDB_ASSIGN_OR_RETURN(auto stored, database_->get(database_->items(), item_key));
  if (!stored) {
    return std::optional<Item>();
  }
  DDB_ASSIGN_OR_RETURN(auto item, decode_item(*stored));
  return std::optional<Item>(std::move(item));
}

Result<std::shared_ptr<const Table>> Store::current_version(const Table& table) {
  std::shared_ptr<const Table> current = catalog_->find(table.region, table.schema.table_name);
  if (!current || current->uid != table.uid) {
    return resource_not_found();
  }
  return current;
}

Result<ItemWrite> Store::write_item(const Table& table, const Item& key, const ItemChange& change) {
  std::string item_key = item_key_of(table, key);
  std::unique_lock lock = key_locks_->lock(item_key);
  DDB_ASSIGN_OR_RETURN(auto current, current_version(table));
  ItemWrite write;
  DDB_ASSIGN_OR_RETURN(write.old_item, read_item(item_key));
  DDB_ASSIGN_OR_RETURN(write.new_item, change(write.old_item));
  if (write.old_item == write.new_item) {
    return write;
  }
  const ChangeLog::Reservation sequence = change_log_->reserve(logs_changes(*current) ? 1 : 0);
  const ChangeStamp stamp = sequence.stamp(0, ChangeOrigin::kRequest);
  rocksdb::WriteBatch batch;
  add_item_write(*database_, batch, *current, item_key, write, &stamp);
  DDB_RETURN_IF_ERROR(database_->write(batch));
  return write;
}

Result<AllOrNothing> Store::write_all(std::span<const KeyedChange> changes) {
  std::vector<ItemAddress> addresses;
  addresses.reserve(changes.size());
  for (const KeyedChange& change : changes) {
    addresses.push_back(change.address);
  }
  const std::vector<std::string> item_keys = item_keys_of(addresses);
  KeyLocks::Guard guard = key_locks_->lock_all(item_keys);
  DDB_ASSIGN_OR_RETURN(auto stored, database_->get_all(database_->items(), item_keys));
  DDB_ASSIGN_OR_RETURN(auto old_items, decode_items(stored));

  AllOrNothing outcome;
  outcome.writes.resize(changes.size());
  std::vector<std::optional<ApiError>> failures(changes.size());
  bool failed = false;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    outcome.writes[i].old_item = std::move(old_items[i]);
    Result<std::optional<Item>> new_item = changes[i].change(outcome.writes[i].old_item);
    if (new_item) {
      outcome.writes[i].new_item = std::move(*new_item);
    } else {
      failures[i] = std::move(new_item).error();
      failed = true;
    }
  }
  if (failed) {
    outcome.writes.clear();
    outcome.failures = std::move(failures);
    return outcome;
  }
  std::vector<std::shared_ptr<const Table>> tables(changes.size());
  std::size_t logged = 0;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    DDB_ASSIGN_OR_RETURN(tables[i], current_version(*changes[i].address.table));
    const ItemWrite& write = outcome.writes[i];
    logged += logs_changes(*tables[i]) && write.old_item != write.new_item;
  }
  // Sequence numbers in the order of the changes: a transaction's records follow its actions.
  const ChangeLog::Reservation sequences = change_log_->reserve(logged);
  rocksdb::WriteBatch batch;
  std::size_t next_stamp = 0;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const ItemWrite& write = outcome.writes[i];
    const bool logs = logs_changes(*tables[i]) && write.old_item != write.new_item;
    const ChangeStamp stamp =
        logs ? sequences.stamp(next_stamp++, ChangeOrigin::kRequest) : ChangeStamp{};
    add_item_write(*database_, batch, *tables[i], item_keys[i], write, &stamp);
  }
  if (batch.Count() > 0) {
    DDB_RETURN_IF_ERROR(database_->write(batch));
  }
  return outcome;
}

Result<std::vector<std::optional<Item>>> Store::get_all(std::span<const ItemAddress> addresses) {
  DDB_ASSIGN_OR_RETURN(auto stored,
                       database_->get_all(database_->items(), item_keys_of(addresses)));
  return decode_items(stored);
}

Result<void> Store::flush() {
  return database_->flush();
}

std::vector<TableUsage> Store::table_usage() {
  std::vector<TableUsage> usage;
  for (const std::shared_ptr<const Table>& table : catalog_->all()) {
    TableUsage& entry = usage.emplace_back(TableUsage{table->region, table->schema.table_name});
    if (Result<TableStats> stats = database_->read_stats(table->uid)) {
      entry.item_count = stats->item_count;
      entry.size_bytes = stats->size_bytes;
    }
  }
  return usage;
}

std::vector<EngineProperty> Store::engine_properties() {
  // Cheap to read (no I/O): counters RocksDB keeps anyway.
  static constexpr std::string_view kNames[] = {
      "estimate-num-keys",   "estimate-live-data-size",           "total-sst-files-size",
      "live-sst-files-size", "cur-size-all-mem-tables",           "num-running-compactions",
      "num-running-flushes", "estimate-pending-compaction-bytes", "block-cache-usage",
  };
  std::vector<EngineProperty> properties;
  for (std::string_view name : kNames) {
    std::uint64_t value = 0;
    if (database_->db().GetAggregatedIntProperty("rocksdb." + std::string(name), &value)) {
      properties.push_back({name, value});
    }
  }
  return properties;
}

Result<PageSummary> Store::query(const Table& table, const QueryRange& keys,
                                 const PageRequest& request, PageSink& sink) {
  KeyRange range = query_range(uid_to_read(table, request), keys);
  std::optional<std::string> start;
  if (request.exclusive_start_key != nullptr) {
    start = start_key_of(table, request);
    if (*start < range.lower || *start >= range.upper) {
      PageSummary outside;
      outside.start_outside_range = true;
      return outside;
    }
  }
  return read_page(*database_, table, range, start, request, sink);
}

Result<std::uint64_t> Store::item_collection_size(const Table& table,
                                                  const AttributeValue& partition_key) {
  DDB_ASSIGN_OR_RETURN(auto bytes,
                       range_bytes(*database_, partition_range(table.uid, partition_key)));
  for (std::size_t i = 0; i < table.indexes.size(); ++i) {
    if (table.schema.indexes[i].global) {
      continue;
    }
    DDB_ASSIGN_OR_RETURN(
        auto index_bytes,
        range_bytes(*database_, partition_range(table.indexes[i].uid, partition_key)));
    bytes += index_bytes;
  }
  return bytes;
}

Result<PageSummary> Store::scan(const Table& table, const std::optional<ScanSegment>& segment,
                                const PageRequest& request, PageSink& sink) {
  std::optional<std::string> start;
  if (request.exclusive_start_key != nullptr) {
    start = start_key_of(table, request);
  }
  return read_page(*database_, table, scan_range(uid_to_read(table, request), segment), start,
                   request, sink);
}

}  // namespace ddblocal::storage
