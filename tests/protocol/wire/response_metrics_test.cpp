// ConsumedCapacity and ItemCollectionMetrics in answers: the aggregate alone under TOTAL, the
// Table and index arms under INDEXES, a list per table for batches and transactions, the read
// and write split of transactions only, and the item collection metrics of each shape.
#include "protocol/wire/response_metrics.h"

#include <string>

#include <gtest/gtest.h>

#include "protocol/wire/responses.h"

namespace ddblocal::wire {
namespace {

using capacity::Consumption;
using capacity::Report;

// A table that wrote 1 unit, its global index g 2 and its local index l 1.
Consumption indexed_write() {
  Consumption consumption;
  capacity::TableConsumption& table = consumption.of("tab");
  table.table.write = 1;
  table.add_to_index("g", true, {0, 2});
  table.add_to_index("l", false, {0, 1});
  return consumption;
}

std::string single(const Consumption& consumption, Report report) {
  return write_item_response("Item", nullptr, {report, &consumption, {}});
}

TEST(WriteMetrics, NothingAskedWritesNothing) {
  const Consumption consumption = indexed_write();
  EXPECT_EQ(single(consumption, Report::kNone), "{}");
  EXPECT_EQ(write_item_response("Item", nullptr, {Report::kTotal, nullptr, {}}), "{}");
}

TEST(WriteMetrics, TotalIsTheAggregateOfTableAndIndexes) {
  EXPECT_EQ(single(indexed_write(), Report::kTotal),
            R"({"ConsumedCapacity":{"TableName":"tab","CapacityUnits":4.0}})");
}

TEST(WriteMetrics, IndexesAddsTheTableAndEachIndexCharged) {
  EXPECT_EQ(single(indexed_write(), Report::kIndexes),
            R"({"ConsumedCapacity":{"TableName":"tab","CapacityUnits":4.0,)"
            R"("Table":{"CapacityUnits":1.0},"LocalSecondaryIndexes":{"l":{"CapacityUnits":1.0}},)"
            R"("GlobalSecondaryIndexes":{"g":{"CapacityUnits":2.0}}}})");
}

TEST(WriteMetrics, AReadOfAnIndexReportsAZeroTable) {
  Consumption consumption;
  consumption.of("tab").add_to_index("g", true, {0.5, 0});
  EXPECT_EQ(
      single(consumption, Report::kIndexes),
      R"({"ConsumedCapacity":{"TableName":"tab","CapacityUnits":0.5,)"
      R"("Table":{"CapacityUnits":0.0},"GlobalSecondaryIndexes":{"g":{"CapacityUnits":0.5}}}})");
}

TEST(WriteMetrics, PageResponsesCarryTheirConsumption) {
  Consumption consumption;
  consumption.of("tab").table.read = 1.5;
  EXPECT_EQ(
      PageResponseWriter(false).finish(0, 0, nullptr, {Report::kTotal, &consumption, {}}),
      R"({"Count":0,"ScannedCount":0,"ConsumedCapacity":{"TableName":"tab","CapacityUnits":1.5}})");
}

TEST(WriteMetrics, BatchesListEachTableWithoutASplit) {
  Consumption consumption;
  consumption.of("one").table.read = 1;
  consumption.of("two").table.read = 0.5;
  EXPECT_EQ(write_batch_get_response({}, {}, {Report::kIndexes, &consumption, {}}),
            R"({"Responses":{},"UnprocessedKeys":{},"ConsumedCapacity":[)"
            R"({"TableName":"one","CapacityUnits":1.0,"Table":{"CapacityUnits":1.0}},)"
            R"({"TableName":"two","CapacityUnits":0.5,"Table":{"CapacityUnits":0.5}}]})");
  EXPECT_EQ(write_batch_write_response({Report::kTotal, &consumption, {}}),
            R"({"UnprocessedItems":{},"ConsumedCapacity":[{"TableName":"one","CapacityUnits":1.0},)"
            R"({"TableName":"two","CapacityUnits":0.5}]})");
  EXPECT_EQ(write_batch_write_response({}), R"({"UnprocessedItems":{}})");
}

TEST(WriteMetrics, TransactionsSplitReadAndWriteUnits) {
  const Consumption write = indexed_write();
  EXPECT_EQ(
      write_transact_write_response({Report::kIndexes, &write, {}}),
      R"({"ConsumedCapacity":[{"TableName":"tab","CapacityUnits":4.0,"WriteCapacityUnits":4.0,)"
      R"("Table":{"CapacityUnits":1.0,"WriteCapacityUnits":1.0},)"
      R"("LocalSecondaryIndexes":{"l":{"CapacityUnits":1.0,"WriteCapacityUnits":1.0}},)"
      R"("GlobalSecondaryIndexes":{"g":{"CapacityUnits":2.0,"WriteCapacityUnits":2.0}}}]})");
  Consumption read;
  read.of("tab").table.read = 4;
  EXPECT_EQ(write_transact_get_response({}, {Report::kTotal, &read, {}}),
            R"({"Responses":[],"ConsumedCapacity":[)"
            R"({"TableName":"tab","CapacityUnits":4.0,"ReadCapacityUnits":4.0}]})");
  EXPECT_EQ(write_transact_write_response({}), "{}");
}

TEST(WriteMetrics, ItemCollectionMetricsOfOneWrite) {
  ResponseMetrics metrics;
  metrics.collections.push_back({"tab", {{"p", AttributeValue(std::string("a"))}}, 10});
  EXPECT_EQ(write_item_response("Attributes", nullptr, metrics),
            R"({"ItemCollectionMetrics":{"ItemCollectionKey":{"p":{"S":"a"}},)"
            R"("SizeEstimateRangeGB":[0.0,1.0]}})");
}

TEST(WriteMetrics, ItemCollectionMetricsOfABatchGoByTable) {
  ResponseMetrics metrics;
  metrics.collections.push_back({"two", {{"p", AttributeValue(std::string("a"))}}, 10});
  metrics.collections.push_back({"one", {{"p", AttributeValue(std::string("b"))}}, 10});
  metrics.collections.push_back({"two", {{"p", AttributeValue(std::string("c"))}}, 10});
  const std::string range = R"("SizeEstimateRangeGB":[0.0,1.0])";
  EXPECT_EQ(write_batch_write_response(metrics),
            R"({"UnprocessedItems":{},"ItemCollectionMetrics":{"two":[)"
            R"({"ItemCollectionKey":{"p":{"S":"a"}},)" +
                range + R"(},{"ItemCollectionKey":{"p":{"S":"c"}},)" + range +
                R"(}],"one":[{"ItemCollectionKey":{"p":{"S":"b"}},)" + range + "}]}}");
}

}  // namespace
}  // namespace ddblocal::wire
