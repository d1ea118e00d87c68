// The change log: for every table that needs one (a stream enabled), a record of each change to
// an item, written in the same WriteBatch as the change, so that a crash never loses or invents
// one. Records live in the "changes" column family under
//
//   table uid (8 bytes big-endian) | sequence number (8 bytes big-endian)  -> change_codec.h
//   table uid | 0                                                          -> trim point
//
// Sequence numbers come from one counter for all tables: they increase with every write and are
// never reused, so a table's records are in the order of its writes (those of one item in the
// order its locked writes commit). The trim point is the sequence number up to which the table's
// records were trimmed. Internal to storage/.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <set>
#include <vector>

#include <rocksdb/write_batch.h>

#include "protocol/result.h"
#include "protocol/streams.h"
#include "storage/change_codec.h"
#include "storage/database.h"

namespace ddblocal::storage {

// Adds the record of a change to `batch`.
void add_change_record(Database& database, rocksdb::WriteBatch& batch, std::uint64_t table_uid,
                       const ChangeStamp& stamp, const Item& keys,
                       const std::optional<Item>& old_image, const std::optional<Item>& new_image);

class ChangeLog {
 public:
  explicit ChangeLog(Database& database) : database_(database) {}

  // Continues the sequence past every record on disk and at least from `floor`.
  Result<void> recover(std::uint64_t floor);

  // The sequence numbers [first, first + count) of one write, taken in order. Until the
  // reservation ends (the write committed or failed), readers see no record from `first` on.
  class Reservation {
   public:
    Reservation() = default;
    Reservation(Reservation&& other) noexcept;
    Reservation& operator=(Reservation&&) = delete;
    ~Reservation();
    // The stamp of the write's `index`th logged change. REQUIRES: index < count.
    ChangeStamp stamp(std::size_t index, ChangeOrigin origin) const {
      return {first_ + index, time_ms_, origin};
    }

   private:
    friend class ChangeLog;
    ChangeLog* log_ = nullptr;
    std::uint64_t first_ = 0;
    std::int64_t time_ms_ = 0;
  };
  // `count` sequence numbers and the write's time. An empty reservation (count 0) costs nothing.
  Reservation reserve(std::size_t count);

  // The sequence number the next reservation starts at.
  std::uint64_t next() const;
  // The last sequence number readers may read: every record up to it is committed, or never
  // will be (its write failed or the process stopped).
  std::uint64_t visible() const;

  struct Page {
    std::vector<ChangeRecord> records;
    // Stopped at the limit or the byte budget, before `last`.
    bool truncated = false;
  };
  // The records of `table_uid` with sequence numbers in (after, last], in order, at most
  // `limit` of them and no more than `max_bytes` as `view` shows them (at least one).
  Result<Page> read(std::uint64_t table_uid, std::uint64_t after, std::uint64_t last,
                    std::size_t limit, std::size_t max_bytes, StreamViewType view) const;
  // The sequence number of the last record of `table_uid` in [first, last]; nullopt if none.
  Result<std::optional<std::uint64_t>> last_in(std::uint64_t table_uid, std::uint64_t first,
                                               std::uint64_t last) const;

  // The records of `table_uid` made after `time_ms`, oldest first, as `snapshot` sees them
  // (record times never go backwards, so they are the last records of the table).
  Result<std::vector<ChangeRecord>> records_after(std::uint64_t table_uid, std::int64_t time_ms,
                                                  const rocksdb::Snapshot* snapshot) const;

  // Sequence number up to which the records of `table_uid` were trimmed (0 when never).
  Result<std::uint64_t> trim_point(std::uint64_t table_uid) const;
  // Deletes the records of `table_uid` made before `cutoff_ms`, from its first record up to the
  // first that is not older, and moves its trim point past them.
  Result<void> trim(std::uint64_t table_uid, std::int64_t cutoff_ms);
  // Deletes the records of `table_uid` in [first, last], in `batch`.
  void remove(rocksdb::WriteBatch& batch, std::uint64_t table_uid, std::uint64_t first,
              std::uint64_t last) const;

 private:
  void release(std::uint64_t first);

  Database& database_;
  mutable std::mutex mutex_;
  std::uint64_t next_ = 1;
  std::int64_t last_time_ms_ = 0;  // record times never go backwards, even if the clock does
  // The first sequence number of every reservation not yet ended.
  std::set<std::uint64_t> pending_;
};

}  // namespace ddblocal::storage
