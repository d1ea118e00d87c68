// Query and Scan pages: an ordered read of a key range of one table, bounded by a Limit and
// by DynamoDB's 1 MB page. Internal to storage/; the types handlers use are in store.h.
#pragma once

#include <optional>
#include <string>

#include "storage/database.h"
#include "storage/store.h"

namespace ddblocal::storage {

// Item keys in [lower, upper).
struct KeyRange {
  std::string lower;
  std::string upper;
};

// The RocksDB key of the item (or key) `item` of `table`.
std::string item_key_of(const Table& table, const Item& item);

// The uid whose keys a page request reads: the table's, or its index's.
std::uint64_t uid_to_read(const Table& table, const PageRequest& request);
// The RocksDB key of request.exclusive_start_key where the request reads.
// REQUIRES: request.exclusive_start_key.
std::string start_key_of(const Table& table, const PageRequest& request);

// The keys of `range` in the table (or index) `uid`.
KeyRange query_range(std::uint64_t uid, const QueryRange& range);
// The keys of a table (or index), or of one segment of its hash space.
KeyRange scan_range(std::uint64_t uid, const std::optional<ScanSegment>& segment);
// The keys of one partition key value of a table (or index).
KeyRange partition_range(std::uint64_t uid, const AttributeValue& partition_key);

// Reads the items of `range` in order (backwards when !request.forward), starting after
// `start_key` (the key of request.exclusive_start_key) when given, handing each to `sink`,
// until the range ends, request.limit items were read, or they add up to kMaxPageBytes.
// Memory is bounded by an item, not by the page. With request.read_table_items, `range` holds
// index entries and the sink gets their items in `table`, read in the same snapshot.
Result<PageSummary> read_page(Database& database, const Table& table, const KeyRange& range,
                              const std::optional<std::string>& start_key,
                              const PageRequest& request, PageSink& sink);

// What the items of `range` add up to, as item_size counts them. Reads the whole range.
Result<std::uint64_t> range_bytes(Database& database, const KeyRange& range);

}  // namespace ddblocal::storage
