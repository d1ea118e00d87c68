#include "storage/store.h"

#include <atomic>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>

namespace ddblocal::storage {
namespace {

TableSchema users_schema(std::string name = "users") {
  TableSchema schema;
  schema.table_name = std::move(name);
  schema.partition_key = {"username", ScalarType::kS};
  schema.sort_key = AttributeDefinition{"last_name", ScalarType::kS};
  schema.attribute_definitions = {schema.partition_key, *schema.sort_key};
  schema.provisioned_throughput = {5, 5};
  return schema;
}

Item user(std::string username, std::string last_name, std::string age) {
  return {{"username", std::move(username)},
          {"last_name", std::move(last_name)},
          {"age", *Number::parse(age)}};
}

Item key_of(const Item& item) {
  return {{"username", item.at("username")}, {"last_name", item.at("last_name")}};
}

// PutItem: the item replaces whatever was there. Answers the replaced item.
Result<std::optional<Item>> put(Store& store, const Table& table, const Item& item) {
  auto replace = [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
    return std::optional<Item>(item);
  };
  DDB_ASSIGN_OR_RETURN(auto write, store.write_item(table, key_of(item), replace));
  return write.old_item;
}

// DeleteItem: answers the removed item.
Result<std::optional<Item>> remove(Store& store, const Table& table, const Item& key) {
  auto erase = [](const std::optional<Item>&) -> Result<std::optional<Item>> {
    return std::optional<Item>();
  };
  DDB_ASSIGN_OR_RETURN(auto write, store.write_item(table, key, erase));
  return write.old_item;
}

std::unique_ptr<Store> open_in_memory() {
  StoreOptions options;
  options.in_memory = true;
  Result<std::unique_ptr<Store>> store = Store::open(options);
  EXPECT_TRUE(store.has_value());
  return std::move(*store);
}

TEST(Store, CreatedTableIsDescribedActiveAndEmpty) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  Result<TableDescription> description = store->describe_table("us-east-1", "users");
  ASSERT_TRUE(description.has_value());
  EXPECT_EQ(description->schema, users_schema());
  EXPECT_EQ(description->status, TableStatus::kActive);
  EXPECT_EQ(description->item_count, 0);
  EXPECT_EQ(description->table_id.size(), 36u);
}

TEST(Store, TableNamesAreTakenPerRegion) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  Result<TableDescription> again = store->create_table("us-east-1", users_schema());
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().type(), ErrorType::kResourceInUse);
  EXPECT_TRUE(store->create_table("eu-west-1", users_schema()).has_value());
  EXPECT_FALSE(store->describe_table("ap-south-1", "users").has_value());
}

TEST(Store, ListsTablesInOrderWithPaging) {
  auto store = open_in_memory();
  for (const char* name : {"c", "a", "b", "d"}) {
    ASSERT_TRUE(store->create_table("us-east-1", users_schema(name)).has_value());
  }
  ASSERT_TRUE(store->create_table("eu-west-1", users_schema("zz")).has_value());
  TablePage first = store->list_tables("us-east-1", std::nullopt, 3);
  EXPECT_EQ(first.names, (std::vector<std::string>{"a", "b", "c"}));
  ASSERT_EQ(first.last_evaluated, "c");
  TablePage rest = store->list_tables("us-east-1", std::string_view("c"), 3);
  EXPECT_EQ(rest.names, (std::vector<std::string>{"d"}));
  EXPECT_FALSE(rest.last_evaluated.has_value());
}

TEST(Store, PutGetDeleteKeepCountsExact) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  auto table = *store->find_table("us-east-1", "users");
  Item jane = user("janedoe", "Doe", "25");
  Result<std::optional<Item>> replaced = put(*store, *table, jane);
  ASSERT_TRUE(replaced.has_value());
  EXPECT_FALSE(replaced->has_value());
  ASSERT_TRUE(put(*store, *table, user("johndoe", "Doe", "30")).has_value());

  Item older_jane = user("janedoe", "Doe", "26");
  replaced = put(*store, *table, older_jane);
  ASSERT_TRUE(replaced.has_value() && replaced->has_value());
  EXPECT_EQ(**replaced, jane);
  EXPECT_EQ(**store->get_item(*table, key_of(jane)), older_jane);
  EXPECT_EQ(store->describe_table("us-east-1", "users")->item_count, 2);
  EXPECT_EQ(
      store->describe_table("us-east-1", "users")->size_bytes,
      static_cast<std::int64_t>(item_size(older_jane) + item_size(user("johndoe", "Doe", "30"))));

  Result<std::optional<Item>> deleted = remove(*store, *table, key_of(jane));
  ASSERT_TRUE(deleted.has_value() && deleted->has_value());
  EXPECT_FALSE(store->get_item(*table, key_of(jane))->has_value());
  EXPECT_FALSE(remove(*store, *table, key_of(jane))->has_value());
  EXPECT_EQ(store->describe_table("us-east-1", "users")->item_count, 1);
}

TEST(Store, FailedChangeWritesNothing) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  auto table = *store->find_table("us-east-1", "users");
  Item jane = user("janedoe", "Doe", "25");
  ASSERT_TRUE(put(*store, *table, jane).has_value());
  std::optional<Item> seen;
  auto refuse = [&](const std::optional<Item>& old_item) -> Result<std::optional<Item>> {
    seen = old_item;
    return ApiError::conditional_check_failed();
  };
  Result<ItemWrite> write = store->write_item(*table, key_of(jane), refuse);
  ASSERT_FALSE(write.has_value());
  EXPECT_EQ(write.error().type(), ErrorType::kConditionalCheckFailed);
  EXPECT_EQ(seen, jane);
  EXPECT_EQ(**store->get_item(*table, key_of(jane)), jane);
  EXPECT_EQ(store->describe_table("us-east-1", "users")->item_count, 1);
}

TEST(Store, ChangesToOneItemAreSerialized) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  auto table = *store->find_table("us-east-1", "users");
  const Item key = key_of(user("counter", "x", "0"));
  auto increment = [&](const std::optional<Item>& old_item) -> Result<std::optional<Item>> {
    int count = old_item ? std::stoi(old_item->at("age").get_if<Number>()->to_string()) : 0;
    return std::optional<Item>(user("counter", "x", std::to_string(count + 1)));
  };
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        ASSERT_TRUE(store->write_item(*table, key, increment).has_value());
      }
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_EQ((*store->get_item(*table, key))->at("age"), AttributeValue(*Number::parse("2000")));
}

// A change that sets the item to `item`, or fails as a condition would when `fail`.
ItemChange put_unless(const Item& item, bool fail) {
  return [item, fail](const std::optional<Item>&) -> Result<std::optional<Item>> {
    if (fail) {
      return ApiError::conditional_check_failed();
    }
    return std::optional<Item>(item);
  };
}

TEST(Store, WriteAllCommitsEveryChangeTogether) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  auto table = *store->find_table("us-east-1", "users");
  Item jane = user("janedoe", "Doe", "25");
  Item john = user("johndoe", "Doe", "30");
  ASSERT_TRUE(put(*store, *table, jane).has_value());
  const Item jane_key = key_of(jane);
  const Item john_key = key_of(john);
  std::vector<KeyedChange> changes{{{table.get(), &jane_key},
                                    [](const std::optional<Item>&) -> Result<std::optional<Item>> {
                                      return std::optional<Item>();
                                    }},
                                   {{table.get(), &john_key}, put_unless(john, false)}};
  Result<AllOrNothing> outcome = store->write_all(changes);
  ASSERT_TRUE(outcome.has_value());
  ASSERT_TRUE(outcome->committed());
  ASSERT_EQ(outcome->writes.size(), 2u);
  EXPECT_EQ(outcome->writes[0].old_item, jane);
  EXPECT_FALSE(outcome->writes[0].new_item.has_value());
  EXPECT_FALSE(outcome->writes[1].old_item.has_value());
  EXPECT_EQ(outcome->writes[1].new_item, john);

  const std::vector<ItemAddress> addresses{{table.get(), &jane_key}, {table.get(), &john_key}};
  Result<std::vector<std::optional<Item>>> items = store->get_all(addresses);
  ASSERT_TRUE(items.has_value());
  EXPECT_EQ(*items, (std::vector<std::optional<Item>>{std::nullopt, john}));
  EXPECT_EQ(store->describe_table("us-east-1", "users")->item_count, 1);
}

TEST(Store, WriteAllWritesNothingWhenAnyChangeFailsAndReportsEachFailure) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  auto table = *store->find_table("us-east-1", "users");
  const std::vector<Item> items{user("a", "x", "1"), user("b", "x", "2"), user("c", "x", "3")};
  std::vector<Item> keys;
  for (const Item& item : items) {
    keys.push_back(key_of(item));
  }
  std::vector<KeyedChange> changes{{{table.get(), &keys[0]}, put_unless(items[0], false)},
                                   {{table.get(), &keys[1]}, put_unless(items[1], true)},
                                   {{table.get(), &keys[2]}, put_unless(items[2], true)}};
  Result<AllOrNothing> outcome = store->write_all(changes);
  ASSERT_TRUE(outcome.has_value());
  ASSERT_FALSE(outcome->committed());
  ASSERT_EQ(outcome->failures.size(), 3u);
  EXPECT_FALSE(outcome->failures[0].has_value());
  EXPECT_EQ(outcome->failures[1]->type(), ErrorType::kConditionalCheckFailed);
  EXPECT_EQ(outcome->failures[2]->type(), ErrorType::kConditionalCheckFailed);
  for (const Item& key : keys) {
    EXPECT_FALSE(store->get_item(*table, key)->has_value());
  }
  EXPECT_EQ(store->describe_table("us-east-1", "users")->item_count, 0);
}

// Transfers between two items under write_all never let get_all see half of one.
TEST(Store, GetAllNeverSeesHalfOfAWriteAll) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  auto table = *store->find_table("us-east-1", "users");
  const Item a = key_of(user("a", "x", "0"));
  const Item b = key_of(user("b", "x", "0"));
  ASSERT_TRUE(put(*store, *table, user("a", "x", "100")).has_value());
  ASSERT_TRUE(put(*store, *table, user("b", "x", "100")).has_value());
  auto age = [](const Item& item) {
    return std::stoi(item.at("age").get_if<Number>()->to_string());
  };
  auto shift = [&](const std::string& username, int delta) -> ItemChange {
    return [&age, username, delta](const std::optional<Item>& old) -> Result<std::optional<Item>> {
      return std::optional<Item>(user(username, "x", std::to_string(age(*old) + delta)));
    };
  };
  std::atomic<bool> done = false;
  std::thread writer([&] {
    for (int i = 0; i < 2000; ++i) {
      std::vector<KeyedChange> transfer{{{table.get(), &a}, shift("a", -1)},
                                        {{table.get(), &b}, shift("b", 1)}};
      ASSERT_TRUE(store->write_all(transfer).has_value());
    }
    done = true;
  });
  const std::vector<ItemAddress> pair{{table.get(), &a}, {table.get(), &b}};
  while (!done) {
    auto items = store->get_all(pair);
    ASSERT_TRUE(items.has_value());
    ASSERT_EQ(age(*(*items)[0]) + age(*(*items)[1]), 200);
  }
  writer.join();
}

TEST(Store, DeletedTableNameIsFreeAndItsItemsGone) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  auto old_table = *store->find_table("us-east-1", "users");
  ASSERT_TRUE(put(*store, *old_table, user("a", "b", "1")).has_value());
  Result<TableDescription> deleted = store->delete_table("us-east-1", "users");
  ASSERT_TRUE(deleted.has_value());
  EXPECT_EQ(deleted->status, TableStatus::kDeleting);
  EXPECT_FALSE(store->find_table("us-east-1", "users").has_value());

  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  auto new_table = *store->find_table("us-east-1", "users");
  EXPECT_NE(new_table->uid, old_table->uid);
  EXPECT_FALSE(store->get_item(*new_table, key_of(user("a", "b", "1")))->has_value());
  EXPECT_EQ(store->describe_table("us-east-1", "users")->item_count, 0);
}

TEST(Store, DataSurviveReopening) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("ddblocal-store-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
  StoreOptions options;
  options.path = path.string();
  Item jane = user("janedoe", "Doe", "25");
  {
    auto store = std::move(*Store::open(options));
    ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
    ASSERT_TRUE(put(*store, **store->find_table("us-east-1", "users"), jane).has_value());
  }
  {
    auto store = std::move(*Store::open(options));
    Result<TableDescription> description = store->describe_table("us-east-1", "users");
    ASSERT_TRUE(description.has_value());
    EXPECT_EQ(description->schema, users_schema());
    EXPECT_EQ(description->item_count, 1);
    EXPECT_EQ(**store->get_item(**store->find_table("us-east-1", "users"), key_of(jane)), jane);
    // A new table after a restart still gets a fresh uid.
    ASSERT_TRUE(store->create_table("us-east-1", users_schema("other")).has_value());
    EXPECT_GT((*store->find_table("us-east-1", "other"))->uid,
              (*store->find_table("us-east-1", "users"))->uid);
  }
  std::filesystem::remove_all(path);
}

}  // namespace
}  // namespace ddblocal::storage
