// Backups and restores through the Store, in memory (RocksDB's in-memory Env) and on disk.
#include <filesystem>

#include <gtest/gtest.h>

#include "storage/store.h"
#include "tests/storage/store_test_util.h"

namespace ddblocal::storage {
namespace {

using test_util::keyed_by_p;
using test_util::scan_items;

constexpr std::string_view kRegion = "us-east-1";

void put(Store& store, const Table& table, const std::string& p) {
  Item item{{"p", p}, {"v", *Number::parse("1")}};
  ASSERT_TRUE(store.write_item(table, Item{{"p", p}},
                               [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
                                 return std::optional<Item>(item);
                               }));
}

std::size_t count_items(Store& store, const Table& table) {
  return scan_items(store, table).size();
}

RestoreSchema as_backed_up() {
  return [](const Backup& backup) -> Result<TableSchema> { return backup.table; };
}

std::unique_ptr<Store> open(const StoreOptions& options) {
  Result<std::unique_ptr<Store>> store = Store::open(options);
  EXPECT_TRUE(store) << (store ? "" : store.error().message());
  return std::move(*store);
}

void backup_then_restore_holds_the_items_of_the_moment(const StoreOptions& options) {
  auto store = open(options);
  ASSERT_TRUE(store->create_table(kRegion, keyed_by_p("source")));
  auto source = *store->find_table(kRegion, "source");
  for (int i = 0; i < 100; ++i) {
    put(*store, *source, "k" + std::to_string(i));
  }
  Result<Backup> backup = store->create_backup(kRegion, "source", "b1");
  ASSERT_TRUE(backup);
  EXPECT_EQ(backup->item_count, 100);
  put(*store, *source, "later");

  Result<TableDescription> restored =
      store->restore_table_from_backup(kRegion, "copy", backup->arn, as_backed_up());
  ASSERT_TRUE(restored) << restored.error().message();
  EXPECT_EQ(restored->item_count, 100);
  auto copy = *store->find_table(kRegion, "copy");
  EXPECT_EQ(count_items(*store, *copy), 100u);
  EXPECT_NE(copy->uid, source->uid);
  EXPECT_EQ(count_items(*store, *source), 101u);
}

TEST(StoreBackups, RestoreHoldsTheItemsOfTheMomentInMemory) {
  StoreOptions options;
  options.in_memory = true;
  backup_then_restore_holds_the_items_of_the_moment(options);
}

TEST(StoreBackups, RestoreHoldsTheItemsOfTheMomentOnDisk) {
  StoreOptions options;
  options.path = (std::filesystem::temp_directory_path() / "ddblocal-store-backups-test").string();
  std::filesystem::remove_all(options.path);
  backup_then_restore_holds_the_items_of_the_moment(options);
  std::filesystem::remove_all(options.path);
}

TEST(StoreBackups, FailedRestoreLeavesNoTable) {
  StoreOptions options;
  options.in_memory = true;
  auto store = open(options);
  ASSERT_TRUE(store->create_table(kRegion, keyed_by_p("source")));
  put(*store, **store->find_table(kRegion, "source"), "a");
  Result<Backup> backup = store->create_backup(kRegion, "source", "b1");
  ASSERT_TRUE(backup);
  Result<TableDescription> refused = store->restore_table_from_backup(
      kRegion, "copy", backup->arn,
      [](const Backup&) -> Result<TableSchema> { return ApiError::validation("no"); });
  ASSERT_FALSE(refused);
  EXPECT_FALSE(store->find_table(kRegion, "copy"));
  Result<TableDescription> taken =
      store->restore_table_from_backup(kRegion, "source", backup->arn, as_backed_up());
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().type(), ErrorType::kTableAlreadyExists);
}

TEST(StoreBackups, BackupOutlivesItsTableAndDeleteRemovesIt) {
  StoreOptions options;
  options.in_memory = true;
  auto store = open(options);
  ASSERT_TRUE(store->create_table(kRegion, keyed_by_p("source")));
  Result<Backup> backup = store->create_backup(kRegion, "source", "b1");
  ASSERT_TRUE(backup);
  ASSERT_TRUE(store->delete_table(kRegion, "source"));
  EXPECT_TRUE(store->describe_backup(backup->arn));
  ASSERT_TRUE(store->delete_backup(backup->arn));
  EXPECT_EQ(store->describe_backup(backup->arn).error().type(), ErrorType::kBackupNotFound);
  EXPECT_EQ(store->create_backup(kRegion, "source", "b2").error().type(),
            ErrorType::kTableNotFound);
}

}  // namespace
}  // namespace ddblocal::storage
