#include "storage/database.h"

#include <filesystem>
#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <unistd.h>

namespace ddblocal::storage {
namespace {

// A folder written before some column families existed (here only "catalog" beside the
// default one) opens with the others created, and keeps what it held.
TEST(Database, CreatesTheColumnFamiliesAnOlderFolderLacks) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("ddblocal-database-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
  {
    rocksdb::Options options;
    options.create_if_missing = true;
    std::unique_ptr<rocksdb::DB> db;
    {
      rocksdb::DB* raw = nullptr;
      ASSERT_TRUE(rocksdb::DB::Open(options, path.string(), &raw).ok());
      db.reset(raw);
    }
    rocksdb::ColumnFamilyHandle* catalog = nullptr;
    ASSERT_TRUE(db->CreateColumnFamily(rocksdb::ColumnFamilyOptions(), "catalog", &catalog).ok());
    ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), catalog, "kept", "yes").ok());
    ASSERT_TRUE(db->DestroyColumnFamilyHandle(catalog).ok());
  }
  StoreOptions options;
  options.path = path.string();
  {
    Result<std::unique_ptr<Database>> database = Database::open(options);
    ASSERT_TRUE(database.has_value()) << database.error().message();
    Database& opened = **database;
    EXPECT_EQ(opened.get(opened.catalog(), "kept", nullptr)->value_or(""), "yes");
    rocksdb::WriteBatch batch;
    for (rocksdb::ColumnFamilyHandle* family :
         {opened.items(), opened.stats(), opened.changes(), opened.expiry()}) {
      ASSERT_TRUE(batch.Put(family, "new", "entry").ok());
    }
    ASSERT_TRUE(opened.write(batch).has_value());
  }
  // Opened again, with every family now present.
  Result<std::unique_ptr<Database>> reopened = Database::open(options);
  ASSERT_TRUE(reopened.has_value()) << reopened.error().message();
  EXPECT_EQ((*reopened)->get((*reopened)->expiry(), "new", nullptr)->value_or(""), "entry");
  EXPECT_EQ((*reopened)->get((*reopened)->catalog(), "kept", nullptr)->value_or(""), "yes");
  reopened->reset();
  std::filesystem::remove_all(path);
}

// In memory there is no write-ahead log, and --sync-writes (which would sync it) must not make
// RocksDB refuse every write.
TEST(Database, InMemoryWritesWithSyncWritesAsked) {
  StoreOptions options;
  options.in_memory = true;
  options.sync_writes = true;
  Result<std::unique_ptr<Database>> database = Database::open(options);
  ASSERT_TRUE(database.has_value()) << database.error().message();
  rocksdb::WriteBatch batch;
  ASSERT_TRUE(batch.Put((*database)->catalog(), "key", "value").ok());
  Result<void> written = (*database)->write(batch);
  ASSERT_TRUE(written.has_value()) << written.error().message();
  EXPECT_EQ((*database)->get((*database)->catalog(), "key", nullptr)->value_or(""), "value");
}

}  // namespace
}  // namespace ddblocal::storage
