#include "storage/stream_catalog.h"

#include <algorithm>
#include <limits>
#include <mutex>

#include "storage/item_codec.h"
#include "storage/record_fields.h"

namespace ddblocal::storage {
namespace {

constexpr char kStreamPrefix = 's';

std::string record_key(const StreamName& name) {
  std::string key(1, kStreamPrefix);
  key.append(name.region).push_back('\0');
  key.append(name.table_name).push_back('\0');
  key.append(name.label);
  return key;
}

Item encode_record(const StreamState& stream) {
  Item record{
      {"region", stream.name.region},
      {"table", stream.name.table_name},
      {"label", stream.name.label},
      {"uid", number_value(static_cast<std::int64_t>(stream.table_uid))},
      {"view", std::string(stream_view_type_name(stream.view_type))},
      {"partition_key", definition_value(stream.partition_key)},
      {"created_ms", number_value(stream.created_ms)},
      {"first", number_value(static_cast<std::int64_t>(stream.first_sequence))},
  };
  if (stream.sort_key) {
    record.emplace("sort_key", definition_value(*stream.sort_key));
  }
  if (stream.disabled_ms) {
    record.emplace("disabled_ms", number_value(*stream.disabled_ms));
  }
  return record;
}

StreamState decode_record(const Item& record) {
  StreamState stream;
  stream.name = {string_of(record, "region"), string_of(record, "table"),
                 string_of(record, "label")};
  stream.table_uid = static_cast<std::uint64_t>(number_of(record, "uid"));
  stream.view_type =
      parse_stream_view_type(string_of(record, "view")).value_or(StreamViewType::kKeysOnly);
  if (auto key = record.find("partition_key"); key != record.end()) {
    stream.partition_key = definition_of(key->second);
  }
  if (auto key = record.find("sort_key"); key != record.end()) {
    stream.sort_key = definition_of(key->second);
  }
  stream.created_ms = number_of(record, "created_ms");
  stream.first_sequence = static_cast<std::uint64_t>(number_of(record, "first"));
  if (record.contains("disabled_ms")) {
    stream.disabled_ms = number_of(record, "disabled_ms");
    stream.drained = true;  // no write of before the restart is still under way
  }
  return stream;
}

}  // namespace

Result<std::unique_ptr<StreamCatalog>> StreamCatalog::load(Database& database) {
  std::unique_ptr<StreamCatalog> catalog(new StreamCatalog(database));
  std::unique_ptr<rocksdb::Iterator> it(
      database.db().NewIterator(rocksdb::ReadOptions(), database.catalog()));
  const std::string prefix(1, kStreamPrefix);
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    DDB_ASSIGN_OR_RETURN(auto record,
                         decode_item(std::string_view(it->value().data(), it->value().size())));
    StreamState stream = decode_record(record);
    StreamName name = stream.name;
    catalog->streams_.emplace(std::move(name), std::make_shared<const StreamState>(stream));
  }
  if (!it->status().ok()) {
    return ApiError::internal("cannot read the stream catalog: " + it->status().ToString());
  }
  return catalog;
}

void StreamCatalog::stage(rocksdb::WriteBatch& batch, const StreamState& stream) const {
  std::string value;
  append_item(value, encode_record(stream));
  batch.Put(database_.catalog(), record_key(stream.name), value).PermitUncheckedError();
}

void StreamCatalog::keep(StreamState stream) {
  StreamName name = stream.name;
  auto shared = std::make_shared<const StreamState>(std::move(stream));
  std::unique_lock lock(mutex_);
  streams_.insert_or_assign(std::move(name), std::move(shared));
}

void StreamCatalog::stage_removal(rocksdb::WriteBatch& batch, const StreamName& name) const {
  batch.Delete(database_.catalog(), record_key(name)).PermitUncheckedError();
}

void StreamCatalog::forget(const StreamName& name) {
  std::unique_lock lock(mutex_);
  streams_.erase(name);
}

std::shared_ptr<const StreamState> StreamCatalog::find(const StreamName& name) const {
  std::shared_lock lock(mutex_);
  auto it = streams_.find(name);
  return it == streams_.end() ? nullptr : it->second;
}

std::uint64_t StreamCatalog::last_sequence_of(const StreamState& stream) const {
  std::uint64_t last = std::numeric_limits<std::uint64_t>::max();
  std::shared_lock lock(mutex_);
  for (const auto& [name, other] : streams_) {
    if (other->table_uid == stream.table_uid && other->first_sequence > stream.first_sequence) {
      last = std::min(last, other->first_sequence - 1);
    }
  }
  return last;
}

std::vector<std::shared_ptr<const StreamState>> StreamCatalog::all() const {
  std::shared_lock lock(mutex_);
  std::vector<std::shared_ptr<const StreamState>> streams;
  for (const auto& [name, stream] : streams_) {
    streams.push_back(stream);
  }
  return streams;
}

StreamPage StreamCatalog::list(std::string_view region, std::optional<std::string_view> table_name,
                               const std::optional<StreamName>& exclusive_start,
                               std::size_t limit) const {
  // Labels sort newest first, so a label above every real one comes before them all.
  const StreamName first{std::string(region), std::string(table_name.value_or("")), "\xff"};
  StreamPage page;
  std::shared_lock lock(mutex_);
  for (auto it = streams_.lower_bound(first); it != streams_.end(); ++it) {
    const StreamName& name = it->first;
    if (name.region != region || (table_name && name.table_name != *table_name)) {
      break;
    }
    if (exclusive_start && !Order()(*exclusive_start, name)) {
      continue;
    }
    if (page.streams.size() == limit) {
      page.last_evaluated = page.streams.back();
      break;
    }
    page.streams.push_back(name);
  }
  return page;
}

std::uint64_t StreamCatalog::highest_first_sequence() const {
  std::shared_lock lock(mutex_);
  std::uint64_t highest = 0;
  for (const auto& [name, stream] : streams_) {
    highest = std::max(highest, stream->first_sequence);
  }
  return highest;
}

}  // namespace ddblocal::storage
