// RequestMetrics: what each kind of read and write charges to the table and its indexes, that a
// request which asked for nothing gathers nothing, and the item collections of tables with
// local secondary indexes.
#include "server/handlers/request_metrics.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

using capacity::Report;

AttributeValue text(std::string value) {
  return value;
}

// Keys p (S), s (S); a global KEYS_ONLY index on g and a local ALL index on l.
TableSchema indexed_schema() {
  TableSchema schema;
  schema.table_name = "tab";
  schema.partition_key = {"p", ScalarType::kS};
  schema.sort_key = AttributeDefinition{"s", ScalarType::kS};
  SecondaryIndex global;
  global.name = "gkeys";
  global.key_schema.partition = {{"g", ScalarType::kS}};
  global.projection = ProjectionType::kKeysOnly;
  SecondaryIndex local;
  local.name = "lall";
  local.global = false;
  local.key_schema.partition = {schema.partition_key};
  local.key_schema.sort = {{"l", ScalarType::kS}};
  schema.indexes = {global, local};
  schema.attribute_definitions = {schema.partition_key, *schema.sort_key,
                                  global.key_schema.partition.front(),
                                  local.key_schema.sort.front()};
  return schema;
}

class RequestMetricsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    storage::StoreOptions options;
    options.in_memory = true;
    store_ = std::move(*storage::Store::open(options));
    ASSERT_TRUE(store_->create_table("us-east-1", indexed_schema()).has_value());
    table_ = *store_->find_table("us-east-1", "tab");
  }

  // Writes `item`, answering the write.
  storage::ItemWrite put(const Item& item) {
    const Item key{{"p", item.at("p")}, {"s", item.at("s")}};
    auto replace = [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
      return std::optional<Item>(item);
    };
    return *store_->write_item(*table_, key, replace);
  }

  const capacity::TableConsumption& consumed(const RequestMetrics& metrics) {
    return metrics.response().consumed->tables().at(0);
  }

  std::unique_ptr<storage::Store> store_;
  std::shared_ptr<const storage::Table> table_;
};

TEST_F(RequestMetricsTest, AskingForNothingGathersNothing) {
  RequestMetrics metrics(Report::kNone, false);
  metrics.add_item_write(*table_, put({{"p", text("a")}, {"s", text("1")}, {"g", text("G")}}));
  metrics.add_item_read(*table_, std::nullopt, capacity::Read::kStrong);
  metrics.add_page_read(*table_, nullptr, 100, capacity::Read::kStrong);
  ASSERT_TRUE(metrics.add_item_collection(*store_, *table_, {{"p", text("a")}}).has_value());
  EXPECT_TRUE(metrics.response().consumed->tables().empty());
  EXPECT_TRUE(metrics.response().collections.empty());
}

TEST_F(RequestMetricsTest, AWriteChargesTheTableAndEachIndexEntryItChanges) {
  RequestMetrics metrics(Report::kIndexes, false);
  metrics.add_item_write(
      *table_, put({{"p", text("a")}, {"s", text("1")}, {"g", text("G")}, {"l", text("L")}}));
  const capacity::TableConsumption& tab = consumed(metrics);
  EXPECT_EQ(tab.table.write, 1);
  ASSERT_EQ(tab.indexes.size(), 2u);
  EXPECT_EQ(tab.indexes[0].name, "gkeys");
  EXPECT_EQ(tab.indexes[0].units.write, 1);
  EXPECT_EQ(tab.indexes[1].name, "lall");
  EXPECT_FALSE(tab.indexes[1].global);
}

TEST_F(RequestMetricsTest, ATransactionDoublesTheTableNotTheIndexes) {
  RequestMetrics metrics(Report::kTotal, false);
  metrics.add_item_write(*table_, put({{"p", text("a")}, {"s", text("1")}, {"g", text("G")}}),
                         true);
  metrics.add_condition_check(*table_, std::nullopt);
  EXPECT_EQ(consumed(metrics).table.write, 4);
  EXPECT_EQ(consumed(metrics).indexes.at(0).units.write, 1);
}

TEST_F(RequestMetricsTest, AReadOfAnIndexListsTheTableAtZero) {
  RequestMetrics metrics(Report::kIndexes, false);
  metrics.add_page_read(*table_, &table_->schema.indexes[0], 5000, capacity::Read::kEventual);
  EXPECT_EQ(consumed(metrics).table.read, 0);
  EXPECT_EQ(consumed(metrics).indexes.at(0).units.read, 1);
  metrics.add_item_read(*table_, Item{{"p", text(std::string(5000, 'x'))}},
                        capacity::Read::kStrong);
  EXPECT_EQ(consumed(metrics).table.read, 2);
}

TEST_F(RequestMetricsTest, ItemCollectionsOfTablesWithLocalIndexes) {
  const Item item{{"p", text("a")}, {"s", text("1")}, {"l", text("L")}};
  put(item);
  RequestMetrics metrics(Report::kNone, true);
  ASSERT_TRUE(metrics.add_item_collection(*store_, *table_, item).has_value());
  ASSERT_EQ(metrics.response().collections.size(), 1u);
  const wire::ItemCollectionMetrics& collection = metrics.response().collections[0];
  EXPECT_EQ(collection.table_name, "tab");
  EXPECT_EQ(collection.key, (Item{{"p", text("a")}}));
  // The item and its local index entry.
  EXPECT_EQ(collection.size_bytes, 2 * item_size(item));

  TableSchema plain = indexed_schema();
  plain.table_name = "plain";
  plain.indexes.resize(1);
  plain.attribute_definitions.pop_back();
  ASSERT_TRUE(store_->create_table("us-east-1", plain).has_value());
  RequestMetrics none(Report::kNone, true);
  ASSERT_TRUE(none.add_item_collection(*store_, **store_->find_table("us-east-1", "plain"), item)
                  .has_value());
  EXPECT_TRUE(none.response().collections.empty());
}

TEST_F(RequestMetricsTest, NamesATableAsTheRequestDid) {
  const std::string arn = "arn:aws:dynamodb:us-east-1:000000000000:table/tab";
  RequestMetrics metrics(Report::kTotal, true);
  metrics.name_table(*table_, arn);
  metrics.name_table(*table_, "tab");  // the first name given stays
  const Item item{{"p", text("a")}, {"s", text("1")}, {"l", text("L")}};
  metrics.add_item_write(*table_, put(item));
  ASSERT_TRUE(metrics.add_item_collection(*store_, *table_, item).has_value());
  EXPECT_EQ(consumed(metrics).table_name, arn);
  ASSERT_EQ(metrics.response().collections.size(), 1u);
  EXPECT_EQ(metrics.response().collections[0].table_name, arn);
}

TEST_F(RequestMetricsTest, NamesATableByItsNameByDefault) {
  RequestMetrics metrics(Report::kTotal, false);
  metrics.name_table(*table_, "tab");
  metrics.add_item_read(*table_, std::nullopt, capacity::Read::kStrong);
  EXPECT_EQ(consumed(metrics).table_name, "tab");
}

}  // namespace
}  // namespace ddblocal
