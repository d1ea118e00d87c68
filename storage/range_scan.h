// Query and Scan pages: an ordered read of a key range of one table, bounded by a Limit and
// by DynamoDB's 1 MB page. Internal to storage/; the types handlers use are in store.h.
#pragma once

#include <optional>
#include <string>

#include "protocol/expressions/key_condition.h"
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

// The keys of the items a Query with this key condition reads.
KeyRange query_range(const Table& table, const expr::KeyCondition& condition);
// The keys of a table, or of one segment of its hash space.
KeyRange scan_range(const Table& table, const std::optional<ScanSegment>& segment);

// Reads the items of `range` in order (backwards when !request.forward), starting after
// request.exclusive_start_key, until the range ends, request.limit items were read, or they
// add up to kMaxPageBytes. Memory is bounded by the page, not by the range.
Result<ItemPage> read_page(Database& database, const Table& table, const KeyRange& range,
                           const PageRequest& request);

}  // namespace ddblocal::storage
