#include "storage/range_scan.h"

#include <algorithm>
#include <memory>

#include "storage/index_entries.h"
#include "storage/item_codec.h"
#include "storage/key_codec.h"

namespace ddblocal::storage {
namespace {

// The smallest key after `key` itself: keys are prefix-free, so nothing lies in between.
std::string key_after(std::string key) {
  key.push_back('\0');
  return key;
}

std::string sort_key_bound(const std::string& partition, const AttributeValue& value) {
  std::string key = partition;
  append_key_value(key, value);
  return key;
}

// An iterator over the items between `lower` and `upper`, which must outlive it. Bloom filters
// on the partition prefix serve it when both bounds lie in one partition (a Query).
std::unique_ptr<rocksdb::Iterator> new_range_iterator(Database& database,
                                                      const rocksdb::Slice& lower,
                                                      const rocksdb::Slice& upper,
                                                      const rocksdb::Snapshot* snapshot = nullptr) {
  rocksdb::ReadOptions options;
  options.snapshot = snapshot;
  options.iterate_lower_bound = &lower;
  options.iterate_upper_bound = &upper;
  options.auto_prefix_mode = true;
  return std::unique_ptr<rocksdb::Iterator>(database.db().NewIterator(options, database.items()));
}

// The first hash of `segment` of `total` equal parts of the 64-bit hash space.
std::uint64_t segment_start(std::uint64_t segment, std::uint64_t total) {
  return static_cast<std::uint64_t>((static_cast<unsigned __int128>(segment) << 64) / total);
}

// Hands `sink` the table's item for the index entry `entry`, read as of `snapshot`: a read of
// its own. The entry itself if the item is not there (never, as one batch writes both).
Result<void> hand_table_item(Database& database, const Table& table, const StoredItem& entry,
                             const rocksdb::Snapshot* snapshot, PageSink& sink) {
  DDB_ASSIGN_OR_RETURN(Item entry_item, entry.decode());
  DDB_ASSIGN_OR_RETURN(auto stored,
                       database.get(database.items(), item_key_of(table, entry_item), snapshot));
  if (!stored) {
    return sink.accept(entry);
  }
  StoredItem item{*stored, 0, true};
  DDB_ASSIGN_OR_RETURN(item.size, stored_item_size(item.bytes));
  return sink.accept(item);
}

}  // namespace

Result<Item> StoredItem::decode() const {
  return decode_item(bytes);
}

Result<void> StoredItem::walk(ItemEvents& events) const {
  DDB_RETURN_IF_ERROR(walk_item(bytes, events));
  return {};
}

Result<void> ItemCollector::accept(const StoredItem& item) {
  DDB_ASSIGN_OR_RETURN(Item decoded, item.decode());
  items.push_back(std::move(decoded));
  bytes += item.size;
  if (item.from_table) {
    table_reads.push_back(item.size);
  }
  return {};
}

std::string item_key_of(const Table& table, const Item& item) {
  const TableSchema& schema = table.schema;
  return encode_item_key(table.uid, item.at(schema.partition_key.name),
                         schema.sort_key ? &item.at(schema.sort_key->name) : nullptr);
}

std::uint64_t uid_to_read(const Table& table, const PageRequest& request) {
  if (request.index == nullptr) {
    return table.uid;
  }
  return table.indexes[index_position(table.schema, *request.index)].uid;
}

std::string start_key_of(const Table& table, const PageRequest& request) {
  const Item& key = *request.exclusive_start_key;
  if (request.index == nullptr) {
    return item_key_of(table, key);
  }
  // A start key without the index's keys was refused before the read.
  return index_entry_key(table, index_position(table.schema, *request.index), key)
      .value_or(std::string());
}

KeyRange partition_range(std::uint64_t uid, const AttributeValue& partition_key) {
  std::string partition = encode_partition_prefix(uid, partition_key);
  std::string end = prefix_end(partition);
  return {std::move(partition), std::move(end)};
}

KeyRange query_range(std::uint64_t uid, const QueryRange& keys) {
  // The partition, narrowed by the leading sort key attributes a multi-attribute key equals.
  KeyValues partition_values;
  for (const AttributeValue& value : keys.partition) {
    partition_values.push_back(&value);
  }
  std::string partition = encode_composite_partition_prefix(
      uid, std::span(partition_values.data(), partition_values.size()));
  for (const AttributeValue& value : keys.sort_prefix) {
    append_key_value(partition, value);
  }
  KeyRange range{partition, prefix_end(partition)};
  if (keys.begins_with) {
    append_key_prefix(range.lower, *keys.begins_with);
    range.upper = prefix_end(range.lower);
    return range;
  }
  // An index entry continues its index key with the table's key: the entries of one sort key
  // value are all the keys that begin with its bound, and end before prefix_end(bound).
  if (keys.lower) {
    std::string bound = sort_key_bound(partition, keys.lower->value);
    range.lower = keys.lower->inclusive ? std::move(bound) : prefix_end(bound);
  }
  if (keys.upper) {
    std::string bound = sort_key_bound(partition, keys.upper->value);
    range.upper = keys.upper->inclusive ? prefix_end(bound) : std::move(bound);
  }
  return range;
}

KeyRange scan_range(std::uint64_t uid, const std::optional<ScanSegment>& segment) {
  KeyRange range{encode_table_prefix(uid), encode_table_prefix(uid + 1)};
  if (segment) {
    range.lower = encode_hash_bound(uid, segment_start(segment->segment, segment->total));
    if (segment->segment + 1 < segment->total) {
      range.upper = encode_hash_bound(uid, segment_start(segment->segment + 1, segment->total));
    }
  }
  return range;
}

Result<PageSummary> read_page(Database& database, const Table& table, const KeyRange& range,
                              const std::optional<std::string>& start_key,
                              const PageRequest& request, PageSink& sink) {
  std::string lower = range.lower;
  std::string upper = range.upper;
  if (start_key) {
    if (request.forward) {
      lower = std::max(lower, key_after(*start_key));
    } else {
      upper = std::min(upper, *start_key);
    }
  }
  PageSummary page;
  if (lower >= upper) {
    return page;
  }
  // The index entries and the table's items they lead to, as of one moment.
  std::optional<rocksdb::ManagedSnapshot> snapshot;
  if (request.read_table_items) {
    snapshot.emplace(&database.db());
  }
  const rocksdb::Slice lower_slice(lower);
  const rocksdb::Slice upper_slice(upper);
  std::unique_ptr<rocksdb::Iterator> it = new_range_iterator(
      database, lower_slice, upper_slice, snapshot ? snapshot->snapshot() : nullptr);
  for (request.forward ? it->SeekToFirst() : it->SeekToLast(); it->Valid();
       request.forward ? it->Next() : it->Prev()) {
    StoredItem item{std::string_view(it->value().data(), it->value().size())};
    DDB_ASSIGN_OR_RETURN(item.size, stored_item_size(item.bytes));
    page.count += 1;
    page.bytes += item.size;
    // Like DynamoDB, a page that reached its Limit or 1 MB has a LastEvaluatedKey even when
    // nothing follows: the next page is then empty.
    page.truncated = (request.limit && page.count == *request.limit) || page.bytes >= kMaxPageBytes;
    if (page.truncated) {
      DDB_ASSIGN_OR_RETURN(page.last_item, item.decode());
    }
    if (request.read_table_items) {
      DDB_RETURN_IF_ERROR(hand_table_item(database, table, item, snapshot->snapshot(), sink));
    } else {
      DDB_RETURN_IF_ERROR(sink.accept(item));
    }
    if (page.truncated) {
      break;
    }
  }
  if (!it->status().ok()) {
    return ApiError::internal("storage failure: " + it->status().ToString());
  }
  return page;
}

Result<std::uint64_t> range_bytes(Database& database, const KeyRange& range) {
  const rocksdb::Slice lower(range.lower);
  const rocksdb::Slice upper(range.upper);
  std::unique_ptr<rocksdb::Iterator> it = new_range_iterator(database, lower, upper);
  std::uint64_t bytes = 0;
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    DDB_ASSIGN_OR_RETURN(auto item,
                         decode_item(std::string_view(it->value().data(), it->value().size())));
    bytes += item_size(item);
  }
  if (!it->status().ok()) {
    return ApiError::internal("storage failure: " + it->status().ToString());
  }
  return bytes;
}

}  // namespace ddblocal::storage
