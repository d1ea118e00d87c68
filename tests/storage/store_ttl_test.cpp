// The Store's Time to Live: the setting, the expiry index, and the sweep.
#include <gtest/gtest.h>

#include "protocol/time_to_live.h"
#include "tests/storage/store_test_util.h"

namespace ddblocal::storage {
namespace {

using test_util::open_in_memory;
using test_util::put;
using test_util::scan_items;

constexpr std::string_view kRegion = "us-east-1";
constexpr std::int64_t kNow = 1796499481;

TableSchema sessions() {
  TableSchema schema;
  schema.table_name = "sessions";
  schema.partition_key = {"p", ScalarType::kS};
  schema.attribute_definitions = {schema.partition_key, {"user", ScalarType::kS}};
  schema.billing_mode = BillingMode::kPayPerRequest;
  SecondaryIndex by_user;
  by_user.name = "by_user";
  by_user.key_schema.partition = {{"user", ScalarType::kS}};
  schema.indexes = {by_user};
  schema.stream = StreamViewType::kNewAndOldImages;
  return schema;
}

Item key(std::string name) {
  return {{"p", AttributeValue(std::move(name))}};
}

Item session(std::string name, AttributeValue expires) {
  return {{"p", AttributeValue(std::move(name))},
          {"user", AttributeValue(std::string("ann"))},
          {"expires", std::move(expires)}};
}

AttributeValue seconds(std::int64_t value) {
  return *Number::parse(std::to_string(value));
}

TimeToLiveChange set_to(std::optional<std::string> attribute) {
  return [attribute](const std::optional<std::string>&) -> Result<std::optional<std::string>> {
    return attribute;
  };
}

class StoreTtlTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(store_->create_table(kRegion, sessions()).has_value()); }

  std::shared_ptr<const Table> table() { return *store_->find_table(kRegion, "sessions"); }
  void write(const Item& item) {
    const Item item_key{{"p", item.at("p")}};
    ASSERT_TRUE(put(*store_, *table(), item_key, item).has_value());
  }
  bool exists(const std::string& name) {
    return store_->get_item(*table(), key(name))->has_value();
  }
  void enable() {
    ASSERT_TRUE(store_->update_time_to_live(kRegion, "sessions", set_to("expires")).has_value());
  }
  // The records of the table's stream, oldest first.
  std::vector<ChangeRecord> records() {
    StreamName stream{std::string(kRegion), "sessions", *table()->latest_stream_label};
    StreamDescription description = *store_->describe_stream(kRegion, stream);
    ShardIterator start =
        *store_->get_shard_iterator(kRegion, stream, description.shard.shard_id,
                                    ShardIteratorType::kTrimHorizon, std::nullopt, kNow * 1000);
    return store_->get_records(kRegion, start, 1000, kNow * 1000)->records;
  }

  std::unique_ptr<Store> store_ = open_in_memory();
};

TEST_F(StoreTtlTest, TheSettingIsDescribed) {
  EXPECT_FALSE(store_->describe_time_to_live(kRegion, "sessions")->has_value());
  enable();
  EXPECT_EQ(store_->describe_time_to_live(kRegion, "sessions").value(), "expires");
  Result<void> missing = store_->update_time_to_live(kRegion, "nope", set_to("expires"));
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message(), "Requested resource not found: Table: nope not found");
}

TEST_F(StoreTtlTest, DeletesExpiredItemsAndOnlyThem) {
  enable();
  write(session("expired", seconds(kNow - 10)));
  write(session("now", seconds(kNow)));
  write(session("later", seconds(kNow + 3600)));
  write(session("text", AttributeValue(std::to_string(kNow - 10))));
  write(session("ancient", seconds(kNow - kMaxExpiredAgeSeconds - 10)));
  EXPECT_EQ(store_->delete_expired(kNow).value(), 2u);
  EXPECT_FALSE(exists("expired"));
  EXPECT_FALSE(exists("now"));
  EXPECT_TRUE(exists("later"));
  EXPECT_TRUE(exists("text"));
  EXPECT_TRUE(exists("ancient"));
  EXPECT_EQ(store_->delete_expired(kNow).value(), 0u);
  EXPECT_EQ(store_->delete_expired(kNow + 3600).value(), 1u);
  EXPECT_FALSE(exists("later"));
}

TEST_F(StoreTtlTest, ADeletionKeepsIndexesAndCountsExactAndLogsAServiceRemove) {
  enable();
  write(session("expired", seconds(kNow - 10)));
  ASSERT_EQ(store_->delete_expired(kNow).value(), 1u);
  TableDescription description = *store_->describe_table(kRegion, "sessions");
  EXPECT_EQ(description.item_count, 0);
  EXPECT_EQ(description.indexes[0].item_count, 0);
  PageRequest request;
  request.index = &table()->schema.indexes[0];
  EXPECT_TRUE(scan_items(*store_, *table(), request).empty());
  std::vector<ChangeRecord> logged = records();
  ASSERT_EQ(logged.size(), 2u);
  EXPECT_EQ(logged[1].origin, ChangeOrigin::kTimeToLive);
  EXPECT_EQ(logged[1].old_image, session("expired", seconds(kNow - 10)));
  EXPECT_FALSE(logged[1].new_image.has_value());
  EXPECT_EQ(logged[1].keys, key("expired"));
}

TEST_F(StoreTtlTest, AnItemRewrittenWithALaterExpiryOrNoneStays) {
  enable();
  write(session("moved", seconds(kNow - 10)));
  write(session("moved", seconds(kNow + 3600)));
  write(session("kept", seconds(kNow - 10)));
  write({{"p", AttributeValue(std::string("kept"))}});
  EXPECT_EQ(store_->delete_expired(kNow).value(), 0u);
  EXPECT_TRUE(exists("moved"));
  EXPECT_TRUE(exists("kept"));
}

TEST_F(StoreTtlTest, EnablingIndexesTheItemsAlreadyThere) {
  write(session("before", seconds(kNow - 10)));
  EXPECT_EQ(store_->delete_expired(kNow).value(), 0u);  // TTL not enabled yet
  enable();
  EXPECT_TRUE(table()->ttl->indexed);
  EXPECT_EQ(store_->delete_expired(kNow).value(), 1u);
  EXPECT_FALSE(exists("before"));
}

TEST_F(StoreTtlTest, DisablingStopsDeletions) {
  enable();
  write(session("expired", seconds(kNow - 10)));
  ASSERT_TRUE(store_->update_time_to_live(kRegion, "sessions", set_to(std::nullopt)).has_value());
  EXPECT_EQ(store_->delete_expired(kNow).value(), 0u);
  EXPECT_TRUE(exists("expired"));
}

TEST(StoreTtl, TheSettingAndTheIndexSurviveARestart) {
  test_util::TemporaryFolder folder("store-ttl-test");
  {
    auto store = std::move(*Store::open(folder.options()));
    ASSERT_TRUE(store->create_table(kRegion, sessions()).has_value());
    ASSERT_TRUE(store->update_time_to_live(kRegion, "sessions", set_to("expires")).has_value());
    auto table = *store->find_table(kRegion, "sessions");
    ASSERT_TRUE(put(*store, *table, key("a"), session("a", seconds(kNow - 10))).has_value());
  }
  auto store = std::move(*Store::open(folder.options()));
  EXPECT_EQ(store->describe_time_to_live(kRegion, "sessions").value(), "expires");
  EXPECT_EQ(store->delete_expired(kNow).value(), 1u);
}

}  // namespace
}  // namespace ddblocal::storage
