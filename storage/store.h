// Store: ddblocal's tables and items on RocksDB. The one header the handlers include.
// Inputs are already validated (keys match the schema, items are within limits); failures
// are ApiErrors a client may see. All methods are safe to call from many threads at once.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/expressions/key_condition.h"
#include "protocol/result.h"
#include "protocol/table_schema.h"

namespace ddblocal::storage {

struct StoreOptions {
  // The folder of the database; created when absent. Unused when in_memory.
  std::string path = "./ddblocal-data";
  // Keep everything in RAM (RocksDB's in-memory Env); nothing survives the process.
  bool in_memory = false;
  // fsync the WAL before a write is acknowledged, so that it survives a power loss or an
  // operating-system crash. Without it a write is in the WAL (in the OS's page cache) when
  // acknowledged: it survives the process being killed, not the machine going down.
  bool sync_writes = false;
  // How long tables and indexes are shown CREATING, UPDATING or DELETING after the change (see
  // transient_statuses.h); zero: never, every change is ACTIVE (or gone) on return.
  std::chrono::milliseconds transient_status_delay{0};
};

// Where a secondary index's entries live, and whether they are complete yet.
struct IndexState {
  std::uint64_t uid = 0;  // from the sequence of table uids: unique, never reused
  IndexStatus status = IndexStatus::kActive;
};

// A table as the catalog records it. A schema change replaces the whole Table: a Table is never
// modified once shared.
struct Table {
  std::uint64_t uid = 0;  // unique for the life of the database, never reused
  TableSchema schema;
  std::string region;
  std::string table_id;           // a UUID
  double creation_date_time = 0;  // seconds since the Unix epoch
  // When the table last became PAY_PER_REQUEST; nullopt for a table always PROVISIONED.
  std::optional<double> last_update_to_pay_per_request;
  // One per schema.indexes, in its order.
  std::vector<IndexState> indexes;
};

struct TablePage {
  std::vector<std::string> names;
  // The last name returned when more tables follow.
  std::optional<std::string> last_evaluated;
};

// Computes a table's new schema from its current one, or the error to answer.
using SchemaChange = std::function<Result<TableSchema>(const TableSchema& current)>;

// Computes an item's replacement from its current state (nullopt: absent). Must be a pure
// function of its argument: it runs under the item's lock.
using ItemChange = std::function<Result<std::optional<Item>>(const std::optional<Item>& old_item)>;

// An item before and after a write_item.
struct ItemWrite {
  std::optional<Item> old_item;
  std::optional<Item> new_item;
};

// One item of a multi-item read or write: the item with `key` in `table`. Both outlive the
// call they are passed to.
struct ItemAddress {
  const Table* table = nullptr;
  const Item* key = nullptr;
};

// One item of an all-or-nothing write and the change to make to it.
struct KeyedChange {
  ItemAddress address;
  ItemChange change;
};

// What write_all did: every change committed, or nothing written at all.
struct AllOrNothing {
  // When committed: each item before and after, in the order of the changes.
  std::vector<ItemWrite> writes;
  // When not committed: one entry per change, its failure or nullopt for a change that
  // would have applied. Empty when committed.
  std::vector<std::optional<ApiError>> failures;

  bool committed() const { return failures.empty(); }
};

// DynamoDB's page: a Query or Scan reads at most 1 MB of items (sizes as item_size counts).
inline constexpr std::size_t kMaxPageBytes = 1024 * 1024;

struct PageRequest {
  // Continue after this key (LastEvaluatedKey of the previous page); validated for the table.
  const Item* exclusive_start_key = nullptr;
  // Read at most this many items (DynamoDB's Limit counts items read, before any filter).
  std::optional<std::size_t> limit;
  // Ascending key order (ScanIndexForward).
  bool forward = true;
  // Read this secondary index (one of the table's schema.indexes) instead of the table. Its
  // pages hold the projected items, and an exclusive_start_key holds its keys and the table's.
  const SecondaryIndex* index = nullptr;
};

// The items one page read, in order.
struct ItemPage {
  std::vector<Item> items;
  // The page stopped at its Limit or at 1 MB: the last item's key is the LastEvaluatedKey.
  bool truncated = false;
};

// Segment `segment` of `total` in a parallel Scan. REQUIRES: segment < total.
struct ScanSegment {
  std::uint64_t segment = 0;
  std::uint64_t total = 1;
};

struct TableUsage {
  std::string region;  // the namespace the table lives in
  std::string name;
  std::int64_t item_count = 0;
  std::int64_t size_bytes = 0;
};

struct EngineProperty {
  std::string_view name;  // RocksDB's, without the "rocksdb." prefix: "estimate-num-keys"
  std::uint64_t value = 0;
};

class Catalog;
class Database;
class KeyLocks;
class TransientStatuses;

class Store {
 public:
  // Opens (creating if needed) the database. Fails with an internal error naming the cause
  // (an unreadable folder, a database held by another process).
  static Result<std::unique_ptr<Store>> open(const StoreOptions& options);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // Tables live per region, as on AWS. Fails with ResourceInUseException when the name is
  // taken in the region.
  Result<TableDescription> create_table(std::string_view region, const TableSchema& schema);
  // Fails with ResourceNotFoundException when there is no such table.
  Result<TableDescription> describe_table(std::string_view region, std::string_view name);
  // Removes the table and its items at once; the name is free again on return. Answers the
  // description as it was, with status DELETING.
  Result<TableDescription> delete_table(std::string_view region, std::string_view name);
  // Changes the table's schema as `change` computes it from the current one (one change at a
  // time): global indexes it adds are built from the items, CREATING until built, and those it
  // drops are deleted. Answers the description as the change began (the table UPDATING, new
  // indexes CREATING, dropped ones DELETING), once the change is complete.
  Result<TableDescription> update_table(std::string_view region, std::string_view name,
                                        const SchemaChange& change);
  // The region's table names in byte order, the first `limit` after `exclusive_start`.
  TablePage list_tables(std::string_view region, std::optional<std::string_view> exclusive_start,
                        std::size_t limit);
  Result<std::shared_ptr<const Table>> find_table(std::string_view region, std::string_view name);

  // REQUIRES: `key` holds exactly the table's key attributes, validated.
  Result<std::optional<Item>> get_item(const Table& table, const Item& key);

  // Writes one item as a function of its current state: under the item's lock, reads the
  // item with `key`, asks `change` for its replacement (nullopt: no item), and commits that
  // in one write. A failure of `change` (a condition that does not hold, an update that
  // cannot apply) writes nothing and is answered as it is.
  // REQUIRES: `key` as in get_item; a replacement carries the same key attributes.
  Result<ItemWrite> write_item(const Table& table, const Item& key, const ItemChange& change);

  // Applies several changes as one serializable, atomic write: under the locks of every
  // item, reads them all, asks each change for its replacement, and commits every
  // replacement in one write when no change failed. Every change is asked even after one
  // failed, so that all failures are reported. Fails only when storage does.
  // REQUIRES: the addresses name distinct items; keys and replacements as in write_item.
  Result<AllOrNothing> write_all(std::span<const KeyedChange> changes);

  // The items at `addresses` (nullopt where absent), all read from one snapshot: a
  // write_all is seen entirely or not at all.
  // REQUIRES: keys as in get_item.
  Result<std::vector<std::optional<Item>>> get_all(std::span<const ItemAddress> addresses);

  // Writes the memtables out to SST files, so that the next open replays no WAL.
  Result<void> flush();

  // Every table's items and bytes (DynamoDB's ItemCount and TableSizeBytes), for the metrics.
  std::vector<TableUsage> table_usage();
  // RocksDB's own figures, each summed over the column families (see the .cpp for the list).
  std::vector<EngineProperty> engine_properties();

  // A page of the items whose keys satisfy `condition` (one partition, a sort key range), of
  // the table or of request.index, whose keys the condition is then on.
  Result<ItemPage> query(const Table& table, const expr::KeyCondition& condition,
                         const PageRequest& request);
  // A page of the table's items (of one segment of them), in the order of their partitions'
  // hashes: segments together hold every item exactly once.
  Result<ItemPage> scan(const Table& table, const std::optional<ScanSegment>& segment,
                        const PageRequest& request);

 private:
  Store(std::unique_ptr<Database> database, std::unique_ptr<Catalog> catalog,
        std::chrono::milliseconds transient_status_delay);
  TableDescription describe(const Table& table, TableStatus status);
  Result<std::optional<Item>> read_item(const std::string& item_key);
  // The table as it is now, for a writer holding the locks of the items it writes: a schema
  // change waits for such writers before it relies on every later write seeing it.
  // ResourceNotFoundException when the table was deleted meanwhile.
  Result<std::shared_ptr<const Table>> current_version(const Table& table);
  // Builds every index of the table that is CREATING, then records them all ACTIVE.
  Result<void> build_indexes(const Table& table);
  // Adds the entries of the items already in the table to the index at `position` of
  // table.indexes; entries that writers already made are kept.
  Result<void> build_index(const Table& table, std::size_t position);

  std::unique_ptr<Database> database_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<KeyLocks> key_locks_;
  std::unique_ptr<TransientStatuses> transient_;
  // Serializes schema changes.
  std::mutex schema_mutex_;
};

}  // namespace ddblocal::storage
