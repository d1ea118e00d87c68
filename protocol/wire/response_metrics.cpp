// ConsumedCapacity and ItemCollectionMetrics as DynamoDB answers them. TOTAL reports the
// aggregate alone; INDEXES adds Table (always, zero for a read of an index) and an entry per
// index charged. Only transactions split the units into ReadCapacityUnits and
// WriteCapacityUnits (single-item and batch operations report CapacityUnits alone, as captured
// against the service by the dynamodb-conformance suite). See /work/notes/capacity.md.
#include "protocol/wire/response_metrics.h"

#include <map>

#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {
namespace {

using capacity::Report;
using capacity::TableConsumption;
using capacity::Units;

// CapacityUnits, and with `split` the read and write units that make it up.
void write_capacity_members(JsonWriter& writer, const Units& units, bool split) {
  writer.Key("CapacityUnits");
  writer.Double(units.total());
  if (split && units.read > 0) {
    writer.Key("ReadCapacityUnits");
    writer.Double(units.read);
  }
  if (split && units.write > 0) {
    writer.Key("WriteCapacityUnits");
    writer.Double(units.write);
  }
}

// A Capacity object.
void write_capacity(JsonWriter& writer, const Units& units, bool split) {
  writer.StartObject();
  write_capacity_members(writer, units, split);
  writer.EndObject();
}

// LocalSecondaryIndexes or GlobalSecondaryIndexes, when an index of that kind was charged.
void write_indexes(JsonWriter& writer, const TableConsumption& table, bool global, bool split) {
  bool any = false;
  for (const TableConsumption::Index& index : table.indexes) {
    if (index.global != global) {
      continue;
    }
    if (!any) {
      writer.Key(global ? "GlobalSecondaryIndexes" : "LocalSecondaryIndexes");
      writer.StartObject();
      any = true;
    }
    write_key(writer, index.name);
    write_capacity(writer, index.units, split);
  }
  if (any) {
    writer.EndObject();
  }
}

// One ConsumedCapacity object.
void write_consumed_capacity(JsonWriter& writer, const TableConsumption& table, Report report,
                             bool split) {
  writer.StartObject();
  writer.Key("TableName");
  write_string(writer, table.table_name);
  write_capacity_members(writer, table.total(), split);
  if (report == Report::kIndexes) {
    writer.Key("Table");
    write_capacity(writer, table.table, split);
    write_indexes(writer, table, false, split);
    write_indexes(writer, table, true, split);
  }
  writer.EndObject();
}

// One ItemCollectionMetrics object.
void write_collection(JsonWriter& writer, const ItemCollectionMetrics& collection) {
  writer.StartObject();
  writer.Key("ItemCollectionKey");
  write_item(writer, collection.key);
  writer.Key("SizeEstimateRangeGB");
  writer.StartArray();
  for (double bound : capacity::size_estimate_range_gb(collection.size_bytes)) {
    writer.Double(bound);
  }
  writer.EndArray();
  writer.EndObject();
}

// ItemCollectionMetrics of a batch or transaction: the collections of each table, tables in the
// order of their first write.
void write_collections_by_table(JsonWriter& writer,
                                const std::vector<ItemCollectionMetrics>& collections) {
  std::vector<std::string_view> order;
  std::map<std::string_view, std::vector<const ItemCollectionMetrics*>> by_table;
  for (const ItemCollectionMetrics& collection : collections) {
    auto& entries = by_table[collection.table_name];
    if (entries.empty()) {
      order.push_back(collection.table_name);
    }
    entries.push_back(&collection);
  }
  writer.StartObject();
  for (std::string_view table : order) {
    write_key(writer, table);
    writer.StartArray();
    for (const ItemCollectionMetrics* collection : by_table[table]) {
      write_collection(writer, *collection);
    }
    writer.EndArray();
  }
  writer.EndObject();
}

}  // namespace

void write_metrics(JsonWriter& writer, const ResponseMetrics& metrics, MetricsShape shape) {
  const bool split = shape == MetricsShape::kPerTableSplit;
  const std::vector<TableConsumption>* tables =
      metrics.consumed != nullptr ? &metrics.consumed->tables() : nullptr;
  if (tables != nullptr && !tables->empty() && metrics.report != Report::kNone) {
    writer.Key("ConsumedCapacity");
    if (shape == MetricsShape::kSingleTable) {
      write_consumed_capacity(writer, tables->front(), metrics.report, split);
    } else {
      writer.StartArray();
      for (const TableConsumption& table : *tables) {
        write_consumed_capacity(writer, table, metrics.report, split);
      }
      writer.EndArray();
    }
  }
  if (metrics.collections.empty()) {
    return;
  }
  writer.Key("ItemCollectionMetrics");
  if (shape == MetricsShape::kSingleTable) {
    write_collection(writer, metrics.collections.front());
  } else {
    write_collections_by_table(writer, metrics.collections);
  }
}

}  // namespace ddblocal::wire
