// ReturnConsumedCapacity and ReturnItemCollectionMetrics, as every operation that takes them
// reads them into its request: absent and NONE ask for nothing, TOTAL and INDEXES for the two
// levels of ConsumedCapacity, SIZE for ItemCollectionMetrics.
#include "protocol/wire/item_members.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/wire/requests.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using capacity::Report;
using test_util::parse_json;

// `body` (a JSON object's members, without braces) with the two members added when given.
std::string with_members(std::string_view body, std::string_view capacity,
                         std::string_view metrics = "") {
  std::string json = "{" + std::string(body);
  if (!capacity.empty()) {
    json += R"(,"ReturnConsumedCapacity":")" + std::string(capacity) + "\"";
  }
  if (!metrics.empty()) {
    json += R"(,"ReturnItemCollectionMetrics":")" + std::string(metrics) + "\"";
  }
  return json + "}";
}

constexpr std::string_view kItemBody = R"("TableName":"tab","Item":{"p":{"S":"a"}})";
constexpr std::string_view kKeyBody = R"("TableName":"tab","Key":{"p":{"S":"a"}})";
constexpr std::string_view kQueryBody =
    R"("TableName":"tab","KeyConditionExpression":"p = :p","ExpressionAttributeValues":{":p":{"S":"a"}})";
constexpr std::string_view kBatchWriteBody =
    R"("RequestItems":{"tab":[{"PutRequest":{"Item":{"p":{"S":"a"}}}}]})";
constexpr std::string_view kBatchGetBody = R"("RequestItems":{"tab":{"Keys":[{"p":{"S":"a"}}]}})";
constexpr std::string_view kTransactWriteBody =
    R"("TransactItems":[{"Put":{"TableName":"tab","Item":{"p":{"S":"a"}}}}])";
constexpr std::string_view kTransactGetBody =
    R"("TransactItems":[{"Get":{"TableName":"tab","Key":{"p":{"S":"a"}}}}])";

TEST(ConsumedCapacityReport, NamesEachLevel) {
  EXPECT_EQ(consumed_capacity_report(std::nullopt), Report::kNone);
  EXPECT_EQ(consumed_capacity_report("NONE"), Report::kNone);
  EXPECT_EQ(consumed_capacity_report("TOTAL"), Report::kTotal);
  EXPECT_EQ(consumed_capacity_report("INDEXES"), Report::kIndexes);
}

TEST(ItemCollectionMetricsAsked, OnlyForSize) {
  EXPECT_FALSE(item_collection_metrics_asked(std::nullopt));
  EXPECT_FALSE(item_collection_metrics_asked("NONE"));
  EXPECT_TRUE(item_collection_metrics_asked("SIZE"));
}

TEST(ConsumedCapacityMembers, SingleItemWritesReadBoth) {
  auto put = parse_put_item(parse_json(with_members(kItemBody, "INDEXES", "SIZE")));
  ASSERT_TRUE(put.has_value());
  EXPECT_EQ(put->return_consumed_capacity, Report::kIndexes);
  EXPECT_TRUE(put->return_item_collection_metrics);
  auto update = parse_update_item(parse_json(with_members(kKeyBody, "TOTAL", "NONE")));
  ASSERT_TRUE(update.has_value());
  EXPECT_EQ(update->return_consumed_capacity, Report::kTotal);
  EXPECT_FALSE(update->return_item_collection_metrics);
  auto remove = parse_delete_item(parse_json(with_members(kKeyBody, "", "SIZE")));
  ASSERT_TRUE(remove.has_value());
  EXPECT_EQ(remove->return_consumed_capacity, Report::kNone);
  EXPECT_TRUE(remove->return_item_collection_metrics);
}

TEST(ConsumedCapacityMembers, ReadsTakeTheLevel) {
  auto get = parse_get_item(parse_json(with_members(kKeyBody, "TOTAL")));
  ASSERT_TRUE(get.has_value());
  EXPECT_EQ(get->return_consumed_capacity, Report::kTotal);
  auto query = parse_query(parse_json(with_members(kQueryBody, "INDEXES")));
  ASSERT_TRUE(query.has_value());
  EXPECT_EQ(query->return_consumed_capacity, Report::kIndexes);
  auto scan = parse_scan(parse_json(with_members(R"("TableName":"tab")", "TOTAL")));
  ASSERT_TRUE(scan.has_value());
  EXPECT_EQ(scan->return_consumed_capacity, Report::kTotal);
  auto plain = parse_scan(parse_json(with_members(R"("TableName":"tab")", "NONE")));
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->return_consumed_capacity, Report::kNone);
}

TEST(ConsumedCapacityMembers, BatchesAndTransactionsReadThem) {
  auto batch_write =
      parse_batch_write_item(parse_json(with_members(kBatchWriteBody, "TOTAL", "SIZE")));
  ASSERT_TRUE(batch_write.has_value());
  EXPECT_EQ(batch_write->return_consumed_capacity, Report::kTotal);
  EXPECT_TRUE(batch_write->return_item_collection_metrics);
  auto batch_get = parse_batch_get_item(parse_json(with_members(kBatchGetBody, "INDEXES")));
  ASSERT_TRUE(batch_get.has_value());
  EXPECT_EQ(batch_get->return_consumed_capacity, Report::kIndexes);
  auto transact_write =
      parse_transact_write_items(parse_json(with_members(kTransactWriteBody, "INDEXES", "SIZE")));
  ASSERT_TRUE(transact_write.has_value());
  EXPECT_EQ(transact_write->return_consumed_capacity, Report::kIndexes);
  EXPECT_TRUE(transact_write->return_item_collection_metrics);
  auto transact_get = parse_transact_get_items(parse_json(with_members(kTransactGetBody, "TOTAL")));
  ASSERT_TRUE(transact_get.has_value());
  EXPECT_EQ(transact_get->return_consumed_capacity, Report::kTotal);
}

}  // namespace
}  // namespace ddblocal::wire
