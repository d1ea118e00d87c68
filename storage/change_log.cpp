#include "storage/change_log.h"

#include <algorithm>
#include <limits>
#include <memory>

#include "protocol/clock.h"
#include "storage/key_codec.h"

namespace ddblocal::storage {
namespace {

constexpr std::size_t kUidBytes = 8;
constexpr std::uint64_t kTrimPointSequence = 0;
constexpr std::uint64_t kLastSequence = std::numeric_limits<std::uint64_t>::max();

void append_big_endian(std::string& out, std::uint64_t value) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((value >> shift) & 0xFF));
  }
}

std::uint64_t read_big_endian(std::string_view bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8 && i < bytes.size(); ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  }
  return value;
}

std::string change_key(std::uint64_t table_uid, std::uint64_t sequence) {
  std::string key = encode_table_prefix(table_uid);
  append_big_endian(key, sequence);
  return key;
}

// The first key past the records of `table_uid` up to `last`.
std::string key_after(std::uint64_t table_uid, std::uint64_t last) {
  return last == std::numeric_limits<std::uint64_t>::max() ? encode_table_prefix(table_uid + 1)
                                                           : change_key(table_uid, last + 1);
}

std::string_view view_of(const rocksdb::Slice& slice) {
  return {slice.data(), slice.size()};
}

std::uint64_t sequence_of(const rocksdb::Slice& key) {
  return read_big_endian(view_of(key).substr(kUidBytes));
}

ApiError storage_failure(const rocksdb::Status& status) {
  return ApiError::internal("storage failure: " + status.ToString());
}

}  // namespace

ChangeLog::Reservation::Reservation(Reservation&& other) noexcept
    : log_(other.log_), first_(other.first_), time_ms_(other.time_ms_) {
  other.log_ = nullptr;
}

ChangeLog::Reservation::~Reservation() {
  if (log_ != nullptr) {
    log_->release(first_);
  }
}

Result<void> ChangeLog::recover(std::uint64_t floor) {
  std::uint64_t highest = 0;
  std::unique_ptr<rocksdb::Iterator> it(
      database_.db().NewIterator(rocksdb::ReadOptions(), database_.changes()));
  // One table at a time: its last key holds its highest sequence number (or, when every record
  // was trimmed, the trim point does).
  it->SeekToFirst();
  while (it->Valid()) {
    const std::uint64_t uid = read_big_endian(view_of(it->key()));
    it->SeekForPrev(encode_table_prefix(uid + 1));
    const std::uint64_t sequence = sequence_of(it->key());
    highest = std::max(
        highest, sequence == kTrimPointSequence ? read_big_endian(view_of(it->value())) : sequence);
    it->Seek(encode_table_prefix(uid + 1));
  }
  if (!it->status().ok()) {
    return storage_failure(it->status());
  }
  std::lock_guard lock(mutex_);
  next_ = std::max({next_, highest + 1, floor});
  return {};
}

ChangeLog::Reservation ChangeLog::reserve(std::size_t count) {
  Reservation reservation;
  if (count == 0) {
    return reservation;
  }
  const std::int64_t now = unix_ms();
  std::lock_guard lock(mutex_);
  reservation.log_ = this;
  reservation.first_ = next_;
  next_ += count;
  last_time_ms_ = std::max<std::int64_t>(last_time_ms_, now);
  reservation.time_ms_ = last_time_ms_;
  pending_.insert(reservation.first_);
  return reservation;
}

void ChangeLog::release(std::uint64_t first) {
  std::lock_guard lock(mutex_);
  pending_.erase(first);
}

std::uint64_t ChangeLog::next() const {
  std::lock_guard lock(mutex_);
  return next_;
}

std::uint64_t ChangeLog::visible() const {
  std::lock_guard lock(mutex_);
  return (pending_.empty() ? next_ : *pending_.begin()) - 1;
}

void add_change_record(Database& database, rocksdb::WriteBatch& batch, std::uint64_t table_uid,
                       const ChangeStamp& stamp, const Item& keys,
                       const std::optional<Item>& old_image, const std::optional<Item>& new_image) {
  std::string value;
  append_change_record(value, stamp, keys, old_image, new_image);
  batch.Put(database.changes(), change_key(table_uid, stamp.sequence), value)
      .PermitUncheckedError();
}

Result<ChangeLog::Page> ChangeLog::read(std::uint64_t table_uid, std::uint64_t after,
                                        std::uint64_t last, std::size_t limit,
                                        std::size_t max_bytes, StreamViewType view) const {
  Page page;
  if (after >= last) {
    return page;
  }
  const std::string lower = change_key(table_uid, after + 1);
  const std::string upper = key_after(table_uid, last);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions options;
  options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(database_.db().NewIterator(options, database_.changes()));
  std::size_t bytes = 0;
  for (it->Seek(lower); it->Valid(); it->Next()) {
    DDB_ASSIGN_OR_RETURN(auto record,
                         decode_change_record(view_of(it->value()), sequence_of(it->key())));
    const std::size_t size = record_size(record, view);
    if (page.records.size() == limit || (!page.records.empty() && bytes + size > max_bytes)) {
      page.truncated = true;
      break;
    }
    bytes += size;
    page.records.push_back(std::move(record));
  }
  if (!it->status().ok()) {
    return storage_failure(it->status());
  }
  return page;
}

Result<std::optional<std::uint64_t>> ChangeLog::last_in(std::uint64_t table_uid,
                                                        std::uint64_t first,
                                                        std::uint64_t last) const {
  const std::string lower = change_key(table_uid, std::max<std::uint64_t>(first, 1));
  rocksdb::Slice lower_slice(lower);
  rocksdb::ReadOptions options;
  options.iterate_lower_bound = &lower_slice;
  std::unique_ptr<rocksdb::Iterator> it(database_.db().NewIterator(options, database_.changes()));
  it->SeekForPrev(change_key(table_uid, last));
  if (!it->status().ok()) {
    return storage_failure(it->status());
  }
  if (!it->Valid()) {
    return std::optional<std::uint64_t>();
  }
  return std::optional<std::uint64_t>(sequence_of(it->key()));
}

Result<std::uint64_t> ChangeLog::trim_point(std::uint64_t table_uid) const {
  // Read straight into a string: through an optional, GCC 12 warns of bytes it cannot see set.
  std::string value;
  rocksdb::Status status = database_.db().Get(rocksdb::ReadOptions(), database_.changes(),
                                              change_key(table_uid, kTrimPointSequence), &value);
  if (status.IsNotFound()) {
    return 0;
  }
  if (!status.ok()) {
    return storage_failure(status);
  }
  return read_big_endian(value);
}

Result<std::vector<ChangeRecord>> ChangeLog::records_after(
    std::uint64_t table_uid, std::int64_t time_ms, const rocksdb::Snapshot* snapshot) const {
  const std::string lower = change_key(table_uid, 1);
  rocksdb::Slice lower_slice(lower);
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  options.iterate_lower_bound = &lower_slice;
  std::unique_ptr<rocksdb::Iterator> it(database_.db().NewIterator(options, database_.changes()));
  std::vector<ChangeRecord> records;
  for (it->SeekForPrev(change_key(table_uid, kLastSequence)); it->Valid(); it->Prev()) {
    DDB_ASSIGN_OR_RETURN(auto record,
                         decode_change_record(view_of(it->value()), sequence_of(it->key())));
    if (record.time_ms <= time_ms) {
      break;
    }
    records.push_back(std::move(record));
  }
  if (!it->status().ok()) {
    return storage_failure(it->status());
  }
  std::reverse(records.begin(), records.end());
  return records;
}

Result<void> ChangeLog::trim(std::uint64_t table_uid, std::int64_t cutoff_ms) {
  const std::string upper = encode_table_prefix(table_uid + 1);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions options;
  options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(database_.db().NewIterator(options, database_.changes()));
  std::uint64_t trimmed = 0;
  for (it->Seek(change_key(table_uid, 1)); it->Valid(); it->Next()) {
    std::optional<std::int64_t> time = change_record_time(view_of(it->value()));
    if (time && *time >= cutoff_ms) {
      break;
    }
    trimmed = sequence_of(it->key());
  }
  if (!it->status().ok()) {
    return storage_failure(it->status());
  }
  if (trimmed == 0) {
    return {};
  }
  rocksdb::WriteBatch batch;
  remove(batch, table_uid, 1, trimmed);
  std::string point;
  append_big_endian(point, trimmed);
  batch.Put(database_.changes(), change_key(table_uid, kTrimPointSequence), point)
      .PermitUncheckedError();
  return database_.write(batch);
}

void ChangeLog::remove(rocksdb::WriteBatch& batch, std::uint64_t table_uid, std::uint64_t first,
                       std::uint64_t last) const {
  batch.DeleteRange(database_.changes(), change_key(table_uid, first), key_after(table_uid, last))
      .PermitUncheckedError();
}

}  // namespace ddblocal::storage
