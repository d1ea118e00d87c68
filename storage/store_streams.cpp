// The Store's DynamoDB Streams: streams enabled and disabled with their table's catalog record,
// their one shard, shard iterators and reads of the change log, and retention.
#include <algorithm>
#include <limits>
#include <map>
#include <mutex>

#include "protocol/arn.h"
#include "protocol/clock.h"
#include "storage/catalog.h"
#include "storage/change_log.h"
#include "storage/store.h"
#include "storage/stream_catalog.h"

namespace ddblocal::storage {
namespace {

ApiError stream_not_found(const StreamName& name) {
  return ApiError::resource_not_found("Requested resource not found: Stream: " + stream_arn(name) +
                                      " not found");
}

ApiError invalid_sequence_number() {
  return ApiError::validation("Invalid SequenceNumber for the shard");
}

ApiError trimmed() {
  return ApiError::trimmed_data_access("The data you are trying to access has been trimmed.");
}

}  // namespace

void Store::stage_stream_change(const Table* before, Table* after, rocksdb::WriteBatch& batch,
                                StreamChange& change) {
  const bool had = before != nullptr && before->schema.stream && before->latest_stream_label;
  const bool has = after != nullptr && after->schema.stream;
  if (had == has) {
    return;  // a view type never changes in place
  }
  const std::int64_t now = unix_ms();
  if (had) {
    std::shared_ptr<const StreamState> current =
        streams_->find({before->region, before->schema.table_name, *before->latest_stream_label});
    if (current) {
      StreamState closed = *current;
      closed.disabled_ms = now;
      streams_->stage(batch, closed);
      change.closed = std::move(closed);
    }
    return;
  }
  StreamState opened;
  opened.created_ms = now;
  opened.name = {after->region, after->schema.table_name, stream_label(now)};
  // Labels tell the streams of a table (and of its namesakes) apart: a later one in the same
  // millisecond takes the next.
  while (streams_->find(opened.name)) {
    opened.name.label = stream_label(++opened.created_ms);
  }
  opened.table_uid = after->uid;
  opened.view_type = *after->schema.stream;
  opened.partition_key = after->schema.partition_key;
  opened.sort_key = after->schema.sort_key;
  // Every write that logs for this stream reserves its sequence number after the table record
  // that enables it is in the catalog, so after this.
  opened.first_sequence = change_log_->next();
  streams_->stage(batch, opened);
  after->latest_stream_label = opened.name.label;
  change.opened = std::move(opened);
}

void Store::keep_stream_change(const StreamChange& change) {
  for (const std::optional<StreamState>* stream : {&change.opened, &change.closed}) {
    if (*stream) {
      streams_->keep(**stream);
    }
  }
}

void Store::drain_stream_change(const StreamChange& change) {
  if (change.closed) {
    StreamState drained = *change.closed;
    drained.drained = true;
    streams_->keep(std::move(drained));
  }
}

Result<std::shared_ptr<const StreamState>> Store::find_stream(std::string_view region,
                                                              const StreamName& name) {
  // The ARN names the region; the stream is kept under the table's namespace.
  std::shared_ptr<const StreamState> stream =
      name.region == region_of_namespace(region)
          ? streams_->find({std::string(region), name.table_name, name.label})
          : nullptr;
  if (!stream) {
    return stream_not_found(name);
  }
  return stream;
}

StreamPage Store::list_streams(std::string_view region, std::optional<std::string_view> table_name,
                               const std::optional<StreamName>& exclusive_start,
                               std::size_t limit) {
  return streams_->list(region, table_name, exclusive_start, limit);
}

Result<StreamDescription> Store::describe_stream(std::string_view region, const StreamName& name) {
  DDB_ASSIGN_OR_RETURN(auto stream, find_stream(region, name));
  StreamDescription description;
  description.name = stream->name;
  description.view_type = stream->view_type;
  description.status = !stream->disabled_ms ? StreamStatus::kEnabled
                       : stream->drained    ? StreamStatus::kDisabled
                                            : StreamStatus::kDisabling;
  description.created_ms = stream->created_ms;
  description.partition_key = stream->partition_key;
  description.sort_key = stream->sort_key;
  description.shard.shard_id = shard_id(stream->name, stream->created_ms);
  description.shard.starting_sequence_number = stream->first_sequence;
  if (stream->drained) {
    DDB_ASSIGN_OR_RETURN(auto last, change_log_->last_in(stream->table_uid, stream->first_sequence,
                                                         streams_->last_sequence_of(*stream)));
    description.shard.ending_sequence_number = last.value_or(stream->first_sequence);
  }
  return description;
}

Result<ShardIterator> Store::get_shard_iterator(std::string_view region, const StreamName& name,
                                                std::string_view shard, ShardIteratorType type,
                                                std::optional<std::uint64_t> sequence_number,
                                                std::int64_t issued_ms) {
  DDB_ASSIGN_OR_RETURN(auto description, describe_stream(region, name));
  if (shard != description.shard.shard_id) {
    return ApiError::resource_not_found("Shard does not exist");
  }
  DDB_ASSIGN_OR_RETURN(auto stream, find_stream(region, name));
  DDB_ASSIGN_OR_RETURN(const std::uint64_t trim_point, change_log_->trim_point(stream->table_uid));
  const std::uint64_t first = stream->first_sequence;
  const std::uint64_t end = description.shard.ending_sequence_number.value_or(
      std::min(streams_->last_sequence_of(*stream), change_log_->visible()));
  std::uint64_t position = 0;
  switch (type) {
    case ShardIteratorType::kTrimHorizon:
      position = std::max(first - 1, trim_point);
      break;
    case ShardIteratorType::kLatest:
      position = std::max(first - 1, end);
      break;
    case ShardIteratorType::kAtSequenceNumber:
    case ShardIteratorType::kAfterSequenceNumber:
      if (*sequence_number < first || *sequence_number > std::max(first, end)) {
        return invalid_sequence_number();
      }
      position = *sequence_number - (type == ShardIteratorType::kAtSequenceNumber ? 1 : 0);
      break;
  }
  if (position < trim_point) {
    return trimmed();
  }
  return ShardIterator{stream_arn(stream->name), position, issued_ms};
}

Result<StreamRecords> Store::get_records(std::string_view region, const ShardIterator& iterator,
                                         std::size_t limit, std::int64_t now) {
  if (now - iterator.issued_ms > kShardIteratorLifetimeMs) {
    return ApiError::expired_iterator("The provided iterator exceeds the maximum age allowed.");
  }
  std::optional<StreamName> name = parse_stream_arn(iterator.stream_arn);
  if (!name) {
    return ApiError::validation("Invalid ShardIterator");
  }
  DDB_ASSIGN_OR_RETURN(auto stream, find_stream(region, *name));
  DDB_ASSIGN_OR_RETURN(const std::uint64_t trim_point, change_log_->trim_point(stream->table_uid));
  if (iterator.position < trim_point) {
    return trimmed();
  }
  const std::uint64_t last = streams_->last_sequence_of(*stream);
  const std::uint64_t readable = stream->drained ? last : std::min(last, change_log_->visible());
  DDB_ASSIGN_OR_RETURN(auto page,
                       change_log_->read(stream->table_uid, iterator.position, readable, limit,
                                         kMaxRecordsPageBytes, stream->view_type));
  StreamRecords records;
  records.stream = stream->name;
  records.view_type = stream->view_type;
  if (!stream->drained || page.truncated) {
    const std::uint64_t next = page.truncated ? page.records.back().sequence_number
                                              : std::max(iterator.position, readable);
    records.next = ShardIterator{iterator.stream_arn, next, now};
  }
  records.records = std::move(page.records);
  return records;
}

Result<void> Store::trim_change_logs(std::int64_t now) {
  std::lock_guard schema_lock(schema_mutex_);
  const std::int64_t stream_cutoff = now - kStreamRetentionMs;
  // Per table: the time before which its records are not needed. Without a stream or recovery,
  // none are (the records recovery kept before it was disabled).
  std::map<std::uint64_t, std::int64_t> cutoffs;
  for (const std::shared_ptr<const Table>& table : catalog_->all()) {
    const std::optional<PointInTimeRecovery>& recovery = table->point_in_time_recovery;
    cutoffs[table->uid] = recovery ? restorable_window(*recovery, now).earliest_ms : now;
  }
  for (const std::shared_ptr<const StreamState>& stream : streams_->all()) {
    if (!stream->disabled_ms || *stream->disabled_ms >= stream_cutoff) {
      auto [cutoff, added] = cutoffs.try_emplace(stream->table_uid, stream_cutoff);
      cutoff->second = std::min(cutoff->second, stream_cutoff);
      continue;
    }
    // Disabled for longer than the retention: the stream goes, and its records with it (those of
    // a table that still exists by their time, below).
    rocksdb::WriteBatch batch;
    streams_->stage_removal(batch, stream->name);
    if (!cutoffs.contains(stream->table_uid)) {
      change_log_->remove(batch, stream->table_uid, stream->first_sequence,
                          streams_->last_sequence_of(*stream));
    }
    DDB_RETURN_IF_ERROR(database_->write(batch));
    streams_->forget(stream->name);
  }
  for (const auto& [uid, cutoff] : cutoffs) {
    DDB_RETURN_IF_ERROR(change_log_->trim(uid, cutoff));
  }
  return {};
}

}  // namespace ddblocal::storage
