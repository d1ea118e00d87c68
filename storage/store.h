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
#include "protocol/backup.h"
#include "protocol/capacity.h"
#include "protocol/item_events.h"
#include "protocol/point_in_time_recovery.h"
#include "protocol/resource_policy.h"
#include "protocol/result.h"
#include "protocol/streams.h"
#include "protocol/table_schema.h"
#include "protocol/tags.h"

namespace rocksdb {
class WriteBatch;
}  // namespace rocksdb

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

// Time to Live as a table has it enabled.
struct TimeToLive {
  // The attribute whose Number value (epoch seconds) expires an item.
  std::string attribute;
  // False while the expiry index is built from the items already in the table.
  bool indexed = false;
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
  // The label of the table's latest stream, enabled (schema.stream) or not; nullopt when it
  // never had one.
  std::optional<std::string> latest_stream_label;
  // nullopt while Time to Live is disabled.
  std::optional<TimeToLive> ttl;
  // nullopt while point-in-time recovery is disabled.
  std::optional<PointInTimeRecovery> point_in_time_recovery;
};

struct TablePage {
  std::vector<std::string> names;
  // The last name returned when more tables follow.
  std::optional<std::string> last_evaluated;
};

struct StreamPage {
  std::vector<StreamName> streams;
  // The last stream returned when more follow.
  std::optional<StreamName> last_evaluated;
};

// What a GetRecords reads.
struct StreamRecords {
  StreamName stream;
  StreamViewType view_type = StreamViewType::kKeysOnly;
  std::vector<ChangeRecord> records;
  // Where the next read starts; nullopt once the shard is closed and read to its end.
  std::optional<ShardIterator> next;
};

// How long DynamoDB Streams keeps change records, and disabled streams.
inline constexpr std::int64_t kStreamRetentionMs = 24 * 60 * 60 * 1000;
// GetRecords answers at most this much (the sizes record_size counts).
inline constexpr std::size_t kMaxRecordsPageBytes = 1024 * 1024;

// Computes a table's new schema from its current one, or the error to answer.
using SchemaChange = std::function<Result<TableSchema>(const TableSchema& current)>;

// Computes a table's tags, or its resource policy (nullopt: none), from the current ones, or
// the error to answer.
using TagChange = std::function<Result<TagList>(const TagList& current)>;
using PolicyChange = std::function<Result<std::optional<ResourcePolicy>>(
    const std::optional<ResourcePolicy>& current)>;

// Computes a table's TTL attribute (nullopt: disabled) from its current one, or the error to
// answer.
using TimeToLiveChange =
    std::function<Result<std::optional<std::string>>(const std::optional<std::string>& current)>;

// Computes an item's replacement from its current state (nullopt: absent). Must be a pure
// function of its argument: it runs under the item's lock.
using ItemChange = std::function<Result<std::optional<Item>>(const std::optional<Item>& old_item)>;

// An item before and after a write_item.
struct ItemWrite {
  std::optional<Item> old_item;
  std::optional<Item> new_item;
};

// How one write changed the entry of its item in one secondary index of the table (an index whose
// entry stayed the same, or that held the item neither before nor after, has no change).
struct IndexEntryChange {
  const SecondaryIndex* index = nullptr;
  capacity::IndexEntryWrite write;
};

// The index entries `write` changed in `table`'s indexes, in the order of the table's indexes:
// what the write costs its indexes. Computed from the item's images alone, without I/O.
std::vector<IndexEntryChange> index_entry_changes(const Table& table, const ItemWrite& write);

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
  // For a local index that lacks attributes the read needs: hand out each entry's item in the
  // table instead, read in the same snapshot as the index (DynamoDB's fetch from the table).
  bool read_table_items = false;
};

// The keys a Query reads, in storage's terms: one partition (a value for each partition key
// attribute, in key schema order), narrowed to the items whose leading sort key attributes
// equal `sort_prefix`, then to a range of the next sort key attribute's values.
struct SortBound {
  AttributeValue value;
  bool inclusive = true;
};
struct QueryRange {
  std::vector<AttributeValue> partition;
  std::vector<AttributeValue> sort_prefix;
  // Open where absent.
  std::optional<SortBound> lower;
  std::optional<SortBound> upper;
  // Instead of bounds: the values that begin with these bytes (an S or a B).
  std::optional<AttributeValue> begins_with;
};

// One item of a page as stored, handed to a PageSink while the page is read.
struct StoredItem {
  // The item's encoding, valid only during PageSink::accept.
  std::string_view bytes;
  // Its size, as item_size counts it.
  std::size_t size = 0;
  // Read from the table for an index entry (PageRequest::read_table_items): a read of its own.
  bool from_table = false;

  Result<Item> decode() const;
  // Hands the item's attributes to `events` without building the item.
  Result<void> walk(ItemEvents& events) const;
};

// Takes a page's items, in order, as the store reads them.
class PageSink {
 public:
  virtual ~PageSink() = default;
  // A failure stops the read and is the read's answer.
  virtual Result<void> accept(const StoredItem& item) = 0;
};

// Keeps a page's items, decoded: for readers that need whole items (PartiQL's SELECT).
class ItemCollector : public PageSink {
 public:
  Result<void> accept(const StoredItem& item) override;

  std::vector<Item> items;
  // What the items add up to, as item_size counts them.
  std::size_t bytes = 0;
  // The sizes of the items read from the table (PageRequest::read_table_items), in order.
  std::vector<std::size_t> table_reads;
};

// What a page read, beside the items it handed to its sink.
struct PageSummary {
  // Items (or index entries) read, and what they add up to as item_size counts them.
  std::size_t count = 0;
  std::size_t bytes = 0;
  // The page stopped at its Limit or at 1 MB: the last item's key is the LastEvaluatedKey.
  bool truncated = false;
  // When truncated: the last item (or index entry) read.
  std::optional<Item> last_item;
  // A Query's exclusive_start_key lay outside the key condition's range: nothing was read.
  bool start_outside_range = false;
};

// Segment `segment` of `total` in a parallel Scan. REQUIRES: segment < total.
struct ScanSegment {
  std::uint64_t segment = 0;
  std::uint64_t total = 1;
};

// The schema a restored table gets from the backup's (the request's overrides), or the error.
using RestoreSchema = std::function<Result<TableSchema>(const Backup& backup)>;

class BackupCatalog;
struct BackupRecord;
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
class ChangeLog;
class Database;
class KeyLocks;
class StreamCatalog;
struct ExpiryEntry;
struct StreamChange;
struct StreamState;
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
  // The same item handed to `sink` as stored, undecoded; answers whether there is one.
  Result<bool> get_item(const Table& table, const Item& key, PageSink& sink);

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

  // The data format the folder was migrated from when it was opened (format_version.h), or 0
  // when it needed no migration.
  int migrated_from_format() const { return migrated_from_format_; }

  // A table's tags and resource policy, kept beside it and removed with it. The changes run
  // under one lock, as functions of the current value; they fail with ResourceNotFoundException
  // when the table was deleted meanwhile.
  Result<TagList> tags(const Table& table);
  Result<TagList> change_tags(const Table& table, const TagChange& change);
  Result<std::optional<ResourcePolicy>> resource_policy(const Table& table);
  Result<std::optional<ResourcePolicy>> change_resource_policy(const Table& table,
                                                               const PolicyChange& change);

  // Backups: a snapshot of a table's items at the moment of the call, in a file of its own
  // (table_snapshot.h), costing the table's size; it outlives the table and restarts.
  // TableNotFoundException when there is no such table.
  Result<Backup> create_backup(std::string_view region, std::string_view table_name,
                               std::string_view backup_name);
  // BackupNotFoundException when there is no such backup.
  Result<Backup> describe_backup(const std::string& arn);
  // Every backup, by creation time.
  std::vector<Backup> list_backups();
  // Answers the backup as it was. BackupInUseException while a restore reads it.
  Result<Backup> delete_backup(const std::string& arn);
  // A new table `target_name` with the backup's items and the schema `schema_of` computes; it
  // is built under fresh uids and recorded only once complete, so that a failure leaves no
  // table. TableAlreadyExistsException when the name is taken, BackupInUseException while
  // another restore reads the backup. Answers the table as its restore began.
  Result<TableDescription> restore_table_from_backup(std::string_view region,
                                                     std::string_view target_name,
                                                     const std::string& arn,
                                                     const RestoreSchema& schema_of);

  // Calls `visit` with each item of the table as it was at one moment: now (a snapshot), or at
  // `time_ms` (milliseconds since the Unix epoch), which must lie in the restorable window of
  // the table's point-in-time recovery. Stops at the first failure of `visit`, which it answers.
  using ItemVisitor = std::function<Result<void>(const Item& item)>;
  Result<void> for_each_item_at(const Table& table, std::optional<std::int64_t> time_ms,
                                const ItemVisitor& visit);

  // Writes the memtables out to SST files, so that the next open replays no WAL.
  Result<void> flush();

  // Every table's items and bytes (DynamoDB's ItemCount and TableSizeBytes), for the metrics.
  std::vector<TableUsage> table_usage();
  // RocksDB's own figures, each summed over the column families (see the .cpp for the list).
  std::vector<EngineProperty> engine_properties();

  // Reads a page of the items of `range`, of the table or of request.index (whose keys the
  // range is then on), handing each to `sink`.
  Result<PageSummary> query(const Table& table, const QueryRange& range, const PageRequest& request,
                            PageSink& sink);
  // Reads a page of the table's items (of one segment of them), in the order of their
  // partitions' hashes, handing each to `sink`: segments together hold every item exactly once.
  Result<PageSummary> scan(const Table& table, const std::optional<ScanSegment>& segment,
                           const PageRequest& request, PageSink& sink);

  // The size of the item collection of `partition_key` (a value of the table's partition key):
  // its items and their entries in the table's local secondary indexes, as item_size counts
  // them. Reads the whole collection: for ReturnItemCollectionMetrics only.
  Result<std::uint64_t> item_collection_size(const Table& table,
                                             const AttributeValue& partition_key);

  // ---- DynamoDB Streams (store_streams.cpp) ----

  // A page of the region's streams (of one table when given), by table name and newest first
  // within a table: the first `limit` after `exclusive_start`. A disabled stream is listed for
  // kStreamRetentionMs, also after its table is deleted.
  StreamPage list_streams(std::string_view region, std::optional<std::string_view> table_name,
                          const std::optional<StreamName>& exclusive_start, std::size_t limit);
  // ResourceNotFoundException when the region has no such stream.
  Result<StreamDescription> describe_stream(std::string_view region, const StreamName& stream);
  // An iterator of `type` on the stream's shard `shard_id`, issued at `now_ms`: TRIM_HORIZON at
  // the oldest record kept, LATEST past the newest, AT_ and AFTER_SEQUENCE_NUMBER at or after
  // `sequence_number`, which must lie within the shard. ResourceNotFoundException for another
  // shard, TrimmedDataAccessException for a record trimmed away.
  Result<ShardIterator> get_shard_iterator(std::string_view region, const StreamName& stream,
                                           std::string_view shard_id, ShardIteratorType type,
                                           std::optional<std::uint64_t> sequence_number,
                                           std::int64_t now_ms);
  // The records after the iterator's position, at most `limit` and kMaxRecordsPageBytes, and the
  // iterator to read on with (issued at `now_ms`). ExpiredIteratorException past the iterator's
  // lifetime, TrimmedDataAccessException when its records were trimmed meanwhile.
  Result<StreamRecords> get_records(std::string_view region, const ShardIterator& iterator,
                                    std::size_t limit, std::int64_t now_ms);
  // Deletes change records that no stream and no point-in-time recovery needs any more: older
  // than kStreamRetentionMs, or than the recovery period of a table with recovery enabled; and
  // streams disabled for longer than kStreamRetentionMs.
  Result<void> trim_change_logs(std::int64_t now_ms);

  // ---- Point-in-time recovery (store_recovery.cpp) ----

  // The table's recovery setting, and its window at `now_ms`. TableNotFoundException when
  // there is no such table.
  Result<PointInTimeRecoveryDescription> describe_point_in_time_recovery(std::string_view region,
                                                                         std::string_view name,
                                                                         std::int64_t now_ms);
  // Enables recovery (its period `days`, 35 when not given; a table enabled already keeps its
  // window and takes the new period), or disables it. From enabling on, every change of the
  // table is logged; disabling lets the log go.
  Result<PointInTimeRecoveryDescription> update_point_in_time_recovery(
      std::string_view region, std::string_view name, bool enabled,
      std::optional<std::int32_t> days, std::int64_t now_ms);
  // Restores table `source_name` as it was at `time_ms` (nullopt: now) into a new table
  // `target_name`, with the schema `schema_of` makes of the source's (called with a backup of
  // it that has no file): the source's items now, with every change logged after `time_ms`
  // undone. PointInTimeRecoveryUnavailableException when recovery is disabled,
  // InvalidRestoreTimeException outside the window; otherwise as restore_table_from_backup.
  Result<TableDescription> restore_table_to_point_in_time(
      std::string_view region, std::string_view source_name, std::string_view target_name,
      std::optional<std::int64_t> time_ms, std::int64_t now_ms, const RestoreSchema& schema_of);

  // ---- Time to Live (store_ttl.cpp) ----

  // Enables or disables Time to Live as `change` computes it from the current setting.
  // Enabling indexes the items already in the table before it answers.
  Result<void> update_time_to_live(std::string_view region, std::string_view name,
                                   const TimeToLiveChange& change);
  // The table's TTL attribute; nullopt while TTL is disabled.
  Result<std::optional<std::string>> describe_time_to_live(std::string_view region,
                                                           std::string_view name);
  // Deletes every item whose expiry time (protocol/time_to_live.h) is at or before `now` (epoch
  // seconds), in tables with TTL enabled, as DeleteItem would, with a REMOVE change record of
  // TTL origin; an item rewritten meanwhile with a later expiry or none stays. Answers how many
  // it deleted.
  Result<std::size_t> delete_expired(std::int64_t now);

 private:
  Store(std::unique_ptr<Database> database, std::unique_ptr<Catalog> catalog,
        std::unique_ptr<StreamCatalog> streams, std::unique_ptr<ChangeLog> change_log,
        std::chrono::milliseconds transient_status_delay);
  TableDescription describe(const Table& table, TableStatus status);
  Result<std::optional<Item>> read_item(const std::string& item_key);
  // The table as it is now, for a writer holding the locks of the items it writes: a schema
  // change waits for such writers before it relies on every later write seeing it.
  // ResourceNotFoundException when the table was deleted meanwhile.
  Result<std::shared_ptr<const Table>> current_version(const Table& table);
  // Moves the table's items to fresh uids, under keys in the current format, with their index
  // entries and stats; then records the new uids and drops the old entries in one write. An
  // interrupted move leaves the table as it was, and running it again completes it.
  Result<void> rekey_table(const Table& table);
  // Builds every index of the table that is CREATING, then records them all ACTIVE.
  Result<void> build_indexes(const Table& table);
  // Adds the entries of the items already in the table to the index at `position` of
  // table.indexes; entries that writers already made are kept.
  Result<void> build_index(const Table& table, std::size_t position);
  // Builds the table `target_name` of `region`, with what a restore keeps of `schema`, from the
  // snapshot file of `record` (under fresh uids, recorded only once complete).
  Result<std::shared_ptr<const Table>> restore_into(std::string_view region,
                                                    std::string_view target_name,
                                                    TableSchema schema, const BackupRecord& record);

  // Calls `visit` with the keys and items of the table, a chunk at a time, each chunk read under
  // its items' locks: what writers changed since the scan began is what the visit sees.
  using ChunkVisit = std::function<Result<void>(std::span<const std::string> item_keys,
                                                std::span<const std::optional<Item>> items)>;
  Result<void> for_each_item_chunk(const Table& table, const ChunkVisit& visit);

  // Streams: the stream records a table change writes with it (store_streams.cpp). A
  // StreamChange is staged in the batch of the table's catalog record, kept once written, and
  // drained once the writers of the table's former version finished.
  // Stages the change from `before` (nullptr: a new table) to `after` (nullptr: deleted), and
  // sets after's stream label when it enables a stream.
  void stage_stream_change(const Table* before, Table* after, rocksdb::WriteBatch& batch,
                           StreamChange& change);
  void keep_stream_change(const StreamChange& change);
  void drain_stream_change(const StreamChange& change);
  // The stream, when a client in `region` can see it; else ResourceNotFoundException.
  Result<std::shared_ptr<const StreamState>> find_stream(std::string_view region,
                                                         const StreamName& name);
  // Time to Live: builds the expiry index of a table whose TTL was just enabled, then records it
  // indexed (store_ttl.cpp).
  Result<void> index_expiry(const Table& table);
  // Deletes the expired items among `entries` of the table (one chunk).
  Result<std::size_t> delete_expired_chunk(const Table& table, std::span<const ExpiryEntry> entries,
                                           std::int64_t now);

  std::unique_ptr<Database> database_;
  std::unique_ptr<Catalog> catalog_;
  std::unique_ptr<KeyLocks> key_locks_;
  std::unique_ptr<StreamCatalog> streams_;
  std::unique_ptr<ChangeLog> change_log_;
  std::unique_ptr<TransientStatuses> transient_;
  std::unique_ptr<BackupCatalog> backups_;
  // Serializes schema changes (and stream and Time to Live settings).
  std::mutex schema_mutex_;
  int migrated_from_format_ = 0;
  // Serializes changes of tags and policies with each other and with DeleteTable (taken after
  // schema_mutex_ by the latter).
  std::mutex extras_mutex_;
};

}  // namespace ddblocal::storage
