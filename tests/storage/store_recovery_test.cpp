// Point-in-time recovery through the Store: the setting and restores to moments of the past.
#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "protocol/clock.h"
#include "storage/store.h"
#include "tests/storage/store_test_util.h"

namespace ddblocal::storage {
namespace {

using test_util::keyed_by_p;
using test_util::put;
using test_util::remove;
using test_util::scan_items;

constexpr std::string_view kRegion = "us-east-1";

// A moment after every write made so far and before every later one.
std::int64_t moment() {
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  const std::int64_t now = unix_ms();
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  return now;
}

Item item(const std::string& p, const std::string& v) {
  return Item{{"p", p}, {"v", v}};
}

RestoreSchema unchanged() {
  return [](const Backup& backup) -> Result<TableSchema> { return backup.table; };
}

// The items of `name`, as p=v pairs in key order.
std::map<std::string, std::string> contents(Store& store, std::string_view name) {
  std::shared_ptr<const Table> table = *store.find_table(kRegion, name);
  std::map<std::string, std::string> found;
  for (const Item& item : scan_items(store, *table)) {
    found[*item.at("p").get_if<std::string>()] = *item.at("v").get_if<std::string>();
  }
  return found;
}

class StoreRecovery : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(store_->create_table(kRegion, keyed_by_p("source")));
    source_ = *store_->find_table(kRegion, "source");
  }

  Result<TableDescription> restore(std::string_view target, std::optional<std::int64_t> time) {
    return store_->restore_table_to_point_in_time(kRegion, "source", target, time, unix_ms(),
                                                  unchanged());
  }

  std::unique_ptr<Store> store_ = test_util::open_in_memory();
  std::shared_ptr<const Table> source_;
};

TEST_F(StoreRecovery, RestoreUndoesEveryChangeAfterTheMoment) {
  ASSERT_TRUE(put(*store_, *source_, {{"p", "kept"}}, item("kept", "0")));
  ASSERT_TRUE(
      store_->update_point_in_time_recovery(kRegion, "source", true, std::nullopt, unix_ms()));
  source_ = *store_->find_table(kRegion, "source");
  ASSERT_TRUE(put(*store_, *source_, {{"p", "a"}}, item("a", "1")));
  ASSERT_TRUE(put(*store_, *source_, {{"p", "b"}}, item("b", "1")));
  const std::int64_t first = moment();
  ASSERT_TRUE(put(*store_, *source_, {{"p", "a"}}, item("a", "2")));
  ASSERT_TRUE(remove(*store_, *source_, {{"p", "b"}}));
  ASSERT_TRUE(put(*store_, *source_, {{"p", "c"}}, item("c", "2")));
  const std::int64_t second = moment();
  ASSERT_TRUE(put(*store_, *source_, {{"p", "a"}}, item("a", "3")));
  ASSERT_TRUE(remove(*store_, *source_, {{"p", "kept"}}));

  Result<TableDescription> at_first = restore("at_first", first);
  ASSERT_TRUE(at_first) << at_first.error().message();
  EXPECT_EQ(at_first->item_count, 3);
  EXPECT_EQ(contents(*store_, "at_first"),
            (std::map<std::string, std::string>{{"a", "1"}, {"b", "1"}, {"kept", "0"}}));
  ASSERT_TRUE(restore("at_second", second));
  EXPECT_EQ(contents(*store_, "at_second"),
            (std::map<std::string, std::string>{{"a", "2"}, {"c", "2"}, {"kept", "0"}}));
  ASSERT_TRUE(restore("latest", std::nullopt));
  EXPECT_EQ(contents(*store_, "latest"), contents(*store_, "source"));
}

TEST_F(StoreRecovery, NoRestoreWithoutRecoveryNorOutsideTheWindow) {
  Result<TableDescription> unavailable = restore("target", std::nullopt);
  ASSERT_FALSE(unavailable);
  EXPECT_EQ(unavailable.error().type(), ErrorType::kPointInTimeRecoveryUnavailable);
  const std::int64_t before = unix_ms() - 1000;
  ASSERT_TRUE(
      store_->update_point_in_time_recovery(kRegion, "source", true, std::nullopt, unix_ms()));
  Result<TableDescription> too_early = restore("target", before);
  ASSERT_FALSE(too_early);
  EXPECT_EQ(too_early.error().type(), ErrorType::kInvalidRestoreTime);
  EXPECT_FALSE(store_->find_table(kRegion, "target"));
}

TEST_F(StoreRecovery, ChangingThePeriodKeepsTheWindowAndDisablingEndsIt) {
  auto enabled =
      store_->update_point_in_time_recovery(kRegion, "source", true, std::nullopt, unix_ms());
  ASSERT_TRUE(enabled);
  EXPECT_EQ(enabled->recovery_period_days, kMaxRecoveryPeriodDays);
  std::this_thread::sleep_for(std::chrono::milliseconds(3));
  auto shorter = store_->update_point_in_time_recovery(kRegion, "source", true, 7, unix_ms());
  ASSERT_TRUE(shorter);
  EXPECT_EQ(shorter->recovery_period_days, 7);
  EXPECT_EQ(shorter->window.earliest_ms, enabled->window.earliest_ms);
  auto disabled =
      store_->update_point_in_time_recovery(kRegion, "source", false, std::nullopt, unix_ms());
  ASSERT_TRUE(disabled);
  EXPECT_FALSE(disabled->enabled);
  EXPECT_FALSE(store_->describe_point_in_time_recovery(kRegion, "source", unix_ms())->enabled);
}

// An export reads the items as they were at a moment of the window: changed items as they
// were, deleted ones back, later ones absent; without a moment, as they are.
TEST_F(StoreRecovery, ItemsAtAMomentForExports) {
  ASSERT_TRUE(
      store_->update_point_in_time_recovery(kRegion, "source", true, std::nullopt, unix_ms()));
  source_ = *store_->find_table(kRegion, "source");
  ASSERT_TRUE(put(*store_, *source_, {{"p", "a"}}, item("a", "1")));
  ASSERT_TRUE(put(*store_, *source_, {{"p", "b"}}, item("b", "1")));
  const std::int64_t then = moment();
  ASSERT_TRUE(put(*store_, *source_, {{"p", "a"}}, item("a", "2")));
  ASSERT_TRUE(remove(*store_, *source_, {{"p", "b"}}));
  ASSERT_TRUE(put(*store_, *source_, {{"p", "c"}}, item("c", "2")));

  auto items_at = [&](std::optional<std::int64_t> time) {
    std::map<std::string, std::string> found;
    Result<void> read = store_->for_each_item_at(*source_, time, [&](const Item& item) {
      found[*item.at("p").get_if<std::string>()] = *item.at("v").get_if<std::string>();
      return Result<void>();
    });
    EXPECT_TRUE(read);
    return found;
  };
  EXPECT_EQ(items_at(then), (std::map<std::string, std::string>{{"a", "1"}, {"b", "1"}}));
  EXPECT_EQ(items_at(std::nullopt), (std::map<std::string, std::string>{{"a", "2"}, {"c", "2"}}));
}

}  // namespace
}  // namespace ddblocal::storage
