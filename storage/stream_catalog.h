// StreamCatalog: every stream of every region, enabled or disabled within the retention period,
// kept in memory and persisted in the catalog column family under
//
//   "s" region 0x00 table name 0x00 label -> stream record: an item (item_codec.h)
//
// Streams outlive their table (24 hours after it is deleted), so they have records of their
// own. A record is written in the WriteBatch of the table change that enables or disables the
// stream. Internal to storage/.
#pragma once

#include <map>
#include <memory>
#include <shared_mutex>
#include <tuple>
#include <vector>

#include <rocksdb/write_batch.h>

#include "protocol/streams.h"
#include "storage/database.h"
#include "storage/store.h"

namespace ddblocal::storage {

// A stream as the catalog keeps it. Replaced, never modified, once shared.
struct StreamState {
  StreamName name;
  std::uint64_t table_uid = 0;
  StreamViewType view_type = StreamViewType::kKeysOnly;
  AttributeDefinition partition_key;
  std::optional<AttributeDefinition> sort_key;
  std::int64_t created_ms = 0;
  // The shard's StartingSequenceNumber: the change log's next sequence number when the stream
  // was enabled, so that it holds every change made since.
  std::uint64_t first_sequence = 0;
  // When the stream was disabled (by UpdateTable or DeleteTable); nullopt while enabled.
  std::optional<std::int64_t> disabled_ms;
  // Disabled, and every write that could still log a change for it has finished: the shard is
  // closed. Not persisted: after a restart every disabled stream is drained.
  bool drained = false;
};

// The streams one table change enables and disables.
struct StreamChange {
  std::optional<StreamState> opened;
  std::optional<StreamState> closed;  // disabled, not yet drained
};

class StreamCatalog {
 public:
  // Reads every stream record of the database.
  static Result<std::unique_ptr<StreamCatalog>> load(Database& database);

  // Adds the record of `stream` to `batch`; keep() it once the batch is written.
  void stage(rocksdb::WriteBatch& batch, const StreamState& stream) const;
  // Keeps `stream`, in place of the version of it kept before.
  void keep(StreamState stream);
  // Adds the removal of a stream's record to `batch`; forget() it once the batch is written.
  void stage_removal(rocksdb::WriteBatch& batch, const StreamName& name) const;
  void forget(const StreamName& name);

  // nullptr when there is no such stream.
  std::shared_ptr<const StreamState> find(const StreamName& name) const;
  // The last sequence number that can belong to `stream`: the one before the first of the
  // next stream of its table, or the largest there is.
  std::uint64_t last_sequence_of(const StreamState& stream) const;
  std::vector<std::shared_ptr<const StreamState>> all() const;
  // The region's streams (of one table when given) by table name and newest first within a
  // table, the first `limit` after `exclusive_start`.
  StreamPage list(std::string_view region, std::optional<std::string_view> table_name,
                  const std::optional<StreamName>& exclusive_start, std::size_t limit) const;
  // The largest first_sequence of all streams: the change log continues at least from it.
  std::uint64_t highest_first_sequence() const;

 private:
  explicit StreamCatalog(Database& database) : database_(database) {}

  // Region, then table name, then label descending (newest first).
  struct Order {
    bool operator()(const StreamName& a, const StreamName& b) const {
      return std::tie(a.region, a.table_name, b.label) < std::tie(b.region, b.table_name, a.label);
    }
  };

  Database& database_;
  mutable std::shared_mutex mutex_;
  std::map<StreamName, std::shared_ptr<const StreamState>, Order> streams_;
};

}  // namespace ddblocal::storage
