#include "server/housekeeping.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

TEST(HousekeepingOptions, ZeroSwitchesTheSweepOff) {
  EXPECT_FALSE(housekeeping_options(0).ttl_sweep_interval.has_value());
  EXPECT_EQ(housekeeping_options(0.25).ttl_sweep_interval, std::chrono::milliseconds(250));
  EXPECT_EQ(housekeeping_options(0.0001).ttl_sweep_interval, std::chrono::milliseconds(1));
  EXPECT_EQ(housekeeping_options(1).retention_interval, std::chrono::minutes(1));
}

TEST(Housekeeping, SweepsExpiredItemsUntilStopped) {
  storage::StoreOptions options;
  options.in_memory = true;
  auto store = std::move(*storage::Store::open(options));
  TableSchema schema;
  schema.table_name = "sessions";
  schema.partition_key = {"p", ScalarType::kS};
  schema.attribute_definitions = {schema.partition_key};
  ASSERT_TRUE(store->create_table("us-east-1", schema).has_value());
  ASSERT_TRUE(store
                  ->update_time_to_live("us-east-1", "sessions",
                                        [](const std::optional<std::string>&) {
                                          return Result<std::optional<std::string>>("expires");
                                        })
                  .has_value());
  auto table = *store->find_table("us-east-1", "sessions");
  const Item key{{"p", AttributeValue(std::string("a"))}};
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  const Item expired{{"p", AttributeValue(std::string("a"))},
                     {"expires", *Number::parse(std::to_string(now - 10))}};
  ASSERT_TRUE(store
                  ->write_item(*table, key,
                               [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
                                 return std::optional<Item>(expired);
                               })
                  .has_value());
  HousekeepingOptions every_10ms;
  every_10ms.ttl_sweep_interval = std::chrono::milliseconds(10);
  Housekeeping housekeeping(*store, every_10ms);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (store->get_item(*table, key)->has_value() && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  EXPECT_FALSE(store->get_item(*table, key)->has_value());
  housekeeping.stop();
  housekeeping.stop();  // idempotent
}

}  // namespace
}  // namespace ddblocal
