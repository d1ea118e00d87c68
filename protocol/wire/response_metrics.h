// The members an answer carries besides its results when its request asked for them:
// ConsumedCapacity (ReturnConsumedCapacity TOTAL or INDEXES) and ItemCollectionMetrics
// (ReturnItemCollectionMetrics SIZE), in the shapes of the API Reference's ConsumedCapacity,
// Capacity and ItemCollectionMetrics.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/capacity.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// The item collection (the items of one partition key value, with their local secondary index
// entries) that one write touched.
struct ItemCollectionMetrics {
  std::string table_name;
  // ItemCollectionKey: the partition key attribute of the table.
  Item key;
  // What the collection holds, as item_size counts it.
  std::uint64_t size_bytes = 0;
};

struct ResponseMetrics {
  capacity::Report report = capacity::Report::kNone;
  // What the request consumed; reported when not null and `report` is not kNone.
  const capacity::Consumption* consumed = nullptr;
  // In the order of the request's writes; none when not asked or no table has local indexes.
  std::vector<ItemCollectionMetrics> collections;
};

// How an operation reports its metrics.
enum class MetricsShape {
  // PutItem, UpdateItem, DeleteItem, GetItem, Query, Scan: one ConsumedCapacity object and one
  // ItemCollectionMetrics object.
  kSingleTable,
  // BatchGetItem, BatchWriteItem: a ConsumedCapacity per table, ItemCollectionMetrics by table.
  kPerTable,
  // TransactGetItems, TransactWriteItems: as kPerTable, each Capacity also split into
  // ReadCapacityUnits and WriteCapacityUnits.
  kPerTableSplit,
};

// Writes the ConsumedCapacity and ItemCollectionMetrics members `metrics` holds (nothing for an
// empty one) into the object `writer` is writing.
void write_metrics(JsonWriter& writer, const ResponseMetrics& metrics, MetricsShape shape);

}  // namespace ddblocal::wire
