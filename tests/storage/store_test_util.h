// What the Store's tests share: stores in memory and on disk, and the plain item writes.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "storage/store.h"

namespace ddblocal::storage::test_util {

inline std::unique_ptr<Store> open_in_memory() {
  StoreOptions options;
  options.in_memory = true;
  Result<std::unique_ptr<Store>> store = Store::open(options);
  EXPECT_TRUE(store.has_value());
  return std::move(*store);
}

// A fresh folder for a database on disk, removed with everything in it at the end.
class TemporaryFolder {
 public:
  explicit TemporaryFolder(const std::string& name)
      : path_(std::filesystem::temp_directory_path() /
              ("ddblocal-" + name + "-" + std::to_string(::getpid()))) {
    std::filesystem::remove_all(path_);
  }
  ~TemporaryFolder() { std::filesystem::remove_all(path_); }

  StoreOptions options() const {
    StoreOptions options;
    options.path = path_.string();
    return options;
  }

 private:
  std::filesystem::path path_;
};

// A PAY_PER_REQUEST table keyed by p (S).
inline TableSchema keyed_by_p(std::string name) {
  TableSchema schema;
  schema.table_name = std::move(name);
  schema.partition_key = {"p", ScalarType::kS};
  schema.attribute_definitions = {schema.partition_key};
  schema.billing_mode = BillingMode::kPayPerRequest;
  return schema;
}

// PutItem: `item` (keyed by `key`) replaces whatever was there. Answers the write.
inline Result<ItemWrite> put(Store& store, const Table& table, const Item& key, const Item& item) {
  return store.write_item(table, key,
                          [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
                            return std::optional<Item>(item);
                          });
}

// DeleteItem: answers the write.
inline Result<ItemWrite> remove(Store& store, const Table& table, const Item& key) {
  return store.write_item(table, key,
                          [](const std::optional<Item>&) -> Result<std::optional<Item>> {
                            return std::optional<Item>();
                          });
}

// The items of one page of a Scan of `table` (of request.index), decoded.
inline std::vector<Item> scan_items(Store& store, const Table& table,
                                    const PageRequest& request = {}) {
  ItemCollector collected;
  EXPECT_TRUE(store.scan(table, std::nullopt, request, collected).has_value());
  return collected.items;
}

}  // namespace ddblocal::storage::test_util
