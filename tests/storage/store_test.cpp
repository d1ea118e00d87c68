#include "storage/store.h"

#include <atomic>
#include <filesystem>
#include <thread>

#include <gtest/gtest.h>
#include <rocksdb/db.h>

#include "storage/database.h"
#include "storage/key_codec.h"
#include "tests/storage/store_test_util.h"

namespace ddblocal::storage {
namespace {

using test_util::open_in_memory;
using test_util::scan_items;

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
  DDB_ASSIGN_OR_RETURN(auto write, test_util::put(store, table, key_of(item), item));
  return write.old_item;
}

// DeleteItem: answers the removed item.
Result<std::optional<Item>> remove(Store& store, const Table& table, const Item& key) {
  DDB_ASSIGN_OR_RETURN(auto write, test_util::remove(store, table, key));
  return write.old_item;
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

TEST(Store, GetItemHandsTheStoredItemToASink) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  auto table = *store->find_table("us-east-1", "users");
  const Item jane = user("janedoe", "Doe", "25");
  ASSERT_TRUE(put(*store, *table, jane).has_value());

  ItemCollector found;
  EXPECT_TRUE(store->get_item(*table, key_of(jane), found).value());
  EXPECT_EQ(found.items, std::vector<Item>{jane});
  EXPECT_EQ(found.bytes, item_size(jane));

  ItemCollector missing;
  EXPECT_FALSE(store->get_item(*table, key_of(user("johndoe", "Doe", "1")), missing).value());
  EXPECT_TRUE(missing.items.empty());
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

// --- Secondary indexes ---

// users_schema with a global index on age (KEYS_ONLY) and a local one on city (ALL).
TableSchema indexed_schema() {
  TableSchema schema = users_schema();
  schema.attribute_definitions.push_back({"age", ScalarType::kN});
  schema.attribute_definitions.push_back({"city", ScalarType::kS});
  SecondaryIndex by_age;
  by_age.name = "by_age";
  by_age.key_schema.partition = {{"age", ScalarType::kN}};
  by_age.projection = ProjectionType::kKeysOnly;
  by_age.provisioned_throughput = {1, 1};
  SecondaryIndex by_city;
  by_city.name = "by_city";
  by_city.global = false;
  by_city.key_schema.partition = {schema.partition_key};
  by_city.key_schema.sort = {{"city", ScalarType::kS}};
  schema.indexes = {by_age, by_city};
  return schema;
}

Item user_in(std::string username, std::string age, std::string city) {
  Item item = user(std::move(username), "Doe", std::move(age));
  item.emplace("city", std::move(city));
  return item;
}

AttributeValue number(std::string_view text) {
  return *Number::parse(text);
}

AttributeValue string_value(std::string text) {
  return text;
}

// The items of the index's partition `partition`, in order.
std::vector<Item> query_index(Store& store, const Table& table, std::string_view index,
                              AttributeValue partition) {
  PageRequest request;
  request.index = find_index(table.schema, index);
  EXPECT_NE(request.index, nullptr) << index;
  QueryRange range;
  range.partition = {std::move(partition)};
  ItemCollector collected;
  EXPECT_TRUE(store.query(table, range, request, collected).has_value());
  return collected.items;
}

std::vector<Item> scan_index(Store& store, const Table& table, std::string_view index) {
  PageRequest request;
  request.index = find_index(table.schema, index);
  EXPECT_NE(request.index, nullptr) << index;
  return scan_items(store, table, request);
}

// The description of the index named `name` in `description`.
const IndexDescription& index_state(const TableDescription& description, std::string_view name) {
  return description.indexes.at(
      index_position(description.schema, *find_index(description.schema, name)));
}

class StoreIndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_in_memory();
    ASSERT_TRUE(store_->create_table("us-east-1", indexed_schema()).has_value());
    refresh();
  }

  // The table as it is now: a schema change replaces it.
  void refresh() { table_ = *store_->find_table("us-east-1", "users"); }

  TableDescription describe() { return *store_->describe_table("us-east-1", "users"); }

  std::unique_ptr<Store> store_;
  std::shared_ptr<const Table> table_;
};

TEST_F(StoreIndexTest, CreatedTableHasActiveEmptyIndexes) {
  TableDescription description = describe();
  EXPECT_EQ(description.schema, indexed_schema());
  ASSERT_EQ(description.indexes.size(), 2u);
  for (const IndexDescription& index : description.indexes) {
    EXPECT_EQ(index.status, IndexStatus::kActive);
    EXPECT_EQ(index.item_count, 0);
  }
}

TEST_F(StoreIndexTest, PutItemIsQueryableByEachIndexAsProjected) {
  Item jane = user_in("janedoe", "25", "Paris");
  ASSERT_TRUE(put(*store_, *table_, jane).has_value());
  Item keys_only = jane;
  keys_only.erase("city");
  EXPECT_EQ(query_index(*store_, *table_, "by_age", number("25")), std::vector<Item>{keys_only});
  EXPECT_EQ(query_index(*store_, *table_, "by_city", string_value("janedoe")),
            std::vector<Item>{jane});
  EXPECT_TRUE(query_index(*store_, *table_, "by_age", number("26")).empty());
}

TEST(StoreLocalIndex, AReadOfItsEntriesCanHandOutTheTableItemsInstead) {
  std::unique_ptr<Store> store = open_in_memory();
  TableSchema schema = indexed_schema();
  schema.indexes[1].projection = ProjectionType::kKeysOnly;
  ASSERT_TRUE(store->create_table("us-east-1", schema).has_value());
  std::shared_ptr<const Table> table = *store->find_table("us-east-1", "users");
  const Item jane = user_in("janedoe", "25", "Paris");
  ASSERT_TRUE(put(*store, *table, jane).has_value());
  PageRequest request;
  request.index = find_index(table->schema, "by_city");
  QueryRange range;
  range.partition = {string_value("janedoe")};

  ItemCollector entries;
  ASSERT_TRUE(store->query(*table, range, request, entries).has_value());
  EXPECT_EQ(entries.items, (std::vector<Item>{{{"username", jane.at("username")},
                                               {"last_name", jane.at("last_name")},
                                               {"city", jane.at("city")}}}));
  EXPECT_TRUE(entries.table_reads.empty());

  request.read_table_items = true;
  ItemCollector items;
  Result<PageSummary> page = store->query(*table, range, request, items);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(items.items, std::vector<Item>{jane});
  EXPECT_EQ(items.table_reads, std::vector<std::size_t>{item_size(jane)});
  // The page itself read the entry.
  EXPECT_EQ(page->bytes, item_size(entries.items.at(0)));
}

TEST_F(StoreIndexTest, ChangingTheIndexKeyMovesTheEntry) {
  ASSERT_TRUE(put(*store_, *table_, user_in("janedoe", "25", "Paris")).has_value());
  ASSERT_TRUE(put(*store_, *table_, user_in("janedoe", "26", "Paris")).has_value());
  EXPECT_TRUE(query_index(*store_, *table_, "by_age", number("25")).empty());
  ASSERT_EQ(query_index(*store_, *table_, "by_age", number("26")).size(), 1u);
  EXPECT_EQ(scan_index(*store_, *table_, "by_age").size(), 1u);
  EXPECT_EQ(index_state(describe(), "by_age").item_count, 1);
}

TEST_F(StoreIndexTest, DeletingTheItemRemovesItsEntries) {
  Item jane = user_in("janedoe", "25", "Paris");
  ASSERT_TRUE(put(*store_, *table_, jane).has_value());
  ASSERT_TRUE(remove(*store_, *table_, key_of(jane)).has_value());
  EXPECT_TRUE(scan_index(*store_, *table_, "by_age").empty());
  EXPECT_TRUE(scan_index(*store_, *table_, "by_city").empty());
  TableDescription description = describe();
  EXPECT_EQ(index_state(description, "by_age").item_count, 0);
  EXPECT_EQ(index_state(description, "by_age").size_bytes, 0);
  EXPECT_EQ(index_state(description, "by_city").item_count, 0);
}

TEST_F(StoreIndexTest, ItemWithoutTheIndexKeyIsNotInTheIndex) {
  Item no_city = user("janedoe", "Doe", "25");
  ASSERT_TRUE(put(*store_, *table_, no_city).has_value());
  Item no_age = user_in("johndoe", "30", "Rome");
  no_age.erase("age");
  ASSERT_TRUE(put(*store_, *table_, no_age).has_value());
  EXPECT_EQ(scan_index(*store_, *table_, "by_age"), std::vector<Item>{no_city});
  EXPECT_EQ(scan_index(*store_, *table_, "by_city"), std::vector<Item>{no_age});
}

TEST_F(StoreIndexTest, RemovingTheIndexKeyTakesTheItemOut) {
  ASSERT_TRUE(put(*store_, *table_, user_in("janedoe", "25", "Paris")).has_value());
  ASSERT_TRUE(put(*store_, *table_, user("janedoe", "Doe", "25")).has_value());
  EXPECT_TRUE(scan_index(*store_, *table_, "by_city").empty());
  EXPECT_EQ(index_state(describe(), "by_city").item_count, 0);
}

TEST_F(StoreIndexTest, DescribeCountsEachIndexOwnItemsAndBytes) {
  Item jane = user_in("janedoe", "25", "Paris");
  Item john = user("johndoe", "Doe", "30");
  ASSERT_TRUE(put(*store_, *table_, jane).has_value());
  ASSERT_TRUE(put(*store_, *table_, john).has_value());
  Item jane_keys = jane;
  jane_keys.erase("city");
  TableDescription description = describe();
  EXPECT_EQ(index_state(description, "by_age").item_count, 2);
  EXPECT_EQ(index_state(description, "by_age").size_bytes,
            static_cast<std::int64_t>(item_size(jane_keys) + item_size(john)));
  EXPECT_EQ(index_state(description, "by_city").item_count, 1);
  EXPECT_EQ(index_state(description, "by_city").size_bytes,
            static_cast<std::int64_t>(item_size(jane)));
}

TEST_F(StoreIndexTest, ItemCollectionIsThePartitionsItemsAndLocalEntries) {
  const AttributeValue jane_key = string_value("janedoe");
  EXPECT_EQ(*store_->item_collection_size(*table_, jane_key), 0u);
  Item paris = user_in("janedoe", "25", "Paris");
  Item no_city = user("janedoe", "Roe", "30");
  ASSERT_TRUE(put(*store_, *table_, paris).has_value());
  ASSERT_TRUE(put(*store_, *table_, no_city).has_value());
  ASSERT_TRUE(put(*store_, *table_, user_in("johndoe", "40", "Rome")).has_value());
  // Both items, and the local index entry of the one with a city; not the global entries.
  EXPECT_EQ(*store_->item_collection_size(*table_, jane_key),
            2 * item_size(paris) + item_size(no_city));
}

TEST_F(StoreIndexTest, WriteAllMaintainsIndexes) {
  Item jane = user_in("janedoe", "25", "Paris");
  Item john = user_in("johndoe", "30", "Rome");
  ASSERT_TRUE(put(*store_, *table_, jane).has_value());
  const Item jane_key = key_of(jane);
  const Item john_key = key_of(john);
  std::vector<KeyedChange> changes{{{table_.get(), &jane_key},
                                    [](const std::optional<Item>&) -> Result<std::optional<Item>> {
                                      return std::optional<Item>();
                                    }},
                                   {{table_.get(), &john_key}, put_unless(john, false)}};
  Result<AllOrNothing> outcome = store_->write_all(changes);
  ASSERT_TRUE(outcome.has_value() && outcome->committed());
  EXPECT_TRUE(query_index(*store_, *table_, "by_age", number("25")).empty());
  EXPECT_EQ(query_index(*store_, *table_, "by_age", number("30")).size(), 1u);
  EXPECT_EQ(scan_index(*store_, *table_, "by_city"), std::vector<Item>{john});
}

// users_schema with a global index on city added.
Result<TableSchema> add_city_index(const TableSchema& current) {
  TableSchema schema = current;
  SecondaryIndex by_home;
  by_home.name = "by_home";
  by_home.key_schema.partition = {{"city", ScalarType::kS}};
  schema.attribute_definitions.push_back(by_home.key_schema.partition.front());
  schema.indexes.push_back(by_home);
  return schema;
}

TEST(Store, UpdateTableBuildsAnAddedGlobalIndexFromExistingItems) {
  auto store = open_in_memory();
  ASSERT_TRUE(store->create_table("us-east-1", users_schema()).has_value());
  auto table = *store->find_table("us-east-1", "users");
  for (int i = 0; i < 300; ++i) {
    const std::string city = i % 3 == 0 ? "Paris" : "Rome";
    ASSERT_TRUE(put(*store, *table, user_in("u" + std::to_string(i), "1", city)).has_value());
  }
  ASSERT_TRUE(put(*store, *table, user("nocity", "Doe", "1")).has_value());

  Result<TableDescription> change = store->update_table("us-east-1", "users", add_city_index);
  ASSERT_TRUE(change.has_value()) << change.error().message();
  EXPECT_EQ(change->status, TableStatus::kUpdating);
  EXPECT_EQ(index_state(*change, "by_home").status, IndexStatus::kCreating);

  TableDescription description = *store->describe_table("us-east-1", "users");
  EXPECT_EQ(index_state(description, "by_home").status, IndexStatus::kActive);
  EXPECT_EQ(index_state(description, "by_home").item_count, 300);
  table = *store->find_table("us-east-1", "users");
  EXPECT_EQ(query_index(*store, *table, "by_home", string_value("Paris")).size(), 100u);
  EXPECT_EQ(query_index(*store, *table, "by_home", string_value("Rome")).size(), 200u);
  // Writes after the change keep it exact.
  ASSERT_TRUE(put(*store, *table, user_in("u0", "1", "Oslo")).has_value());
  EXPECT_EQ(query_index(*store, *table, "by_home", string_value("Paris")).size(), 99u);
}

Result<TableSchema> drop_by_age(const TableSchema& current) {
  TableSchema schema = current;
  std::erase_if(schema.indexes, [](const SecondaryIndex& index) { return index.name == "by_age"; });
  return schema;
}

TEST_F(StoreIndexTest, UpdateTableDropsAnIndex) {
  ASSERT_TRUE(put(*store_, *table_, user_in("janedoe", "25", "Paris")).has_value());
  Result<TableDescription> change = store_->update_table("us-east-1", "users", drop_by_age);
  ASSERT_TRUE(change.has_value()) << change.error().message();
  EXPECT_EQ(index_state(*change, "by_age").status, IndexStatus::kDeleting);
  TableDescription description = describe();
  EXPECT_EQ(find_index(description.schema, "by_age"), nullptr);
  ASSERT_EQ(description.indexes.size(), 1u);
  refresh();
  EXPECT_EQ(table_->indexes.size(), 1u);
  EXPECT_EQ(scan_index(*store_, *table_, "by_city").size(), 1u);
}

TEST_F(StoreIndexTest, RecreatedIndexHoldsOnlyTheCurrentItems) {
  ASSERT_TRUE(put(*store_, *table_, user_in("janedoe", "25", "Paris")).has_value());
  ASSERT_TRUE(put(*store_, *table_, user_in("johndoe", "30", "Rome")).has_value());
  ASSERT_TRUE(store_->update_table("us-east-1", "users", drop_by_age).has_value());
  refresh();
  ASSERT_TRUE(remove(*store_, *table_, key_of(user("janedoe", "Doe", "25"))).has_value());
  const SecondaryIndex by_age = indexed_schema().indexes[0];
  auto add_by_age = [&](const TableSchema& current) -> Result<TableSchema> {
    TableSchema schema = current;
    schema.indexes.push_back(by_age);
    return schema;
  };
  ASSERT_TRUE(store_->update_table("us-east-1", "users", add_by_age).has_value());
  refresh();
  EXPECT_TRUE(query_index(*store_, *table_, "by_age", number("25")).empty());
  EXPECT_EQ(query_index(*store_, *table_, "by_age", number("30")).size(), 1u);
  EXPECT_EQ(index_state(describe(), "by_age").item_count, 1);
}

TEST(Store, IndexesSurviveReopening) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("ddblocal-store-index-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
  StoreOptions options;
  options.path = path.string();
  {
    auto store = std::move(*Store::open(options));
    ASSERT_TRUE(store->create_table("us-east-1", indexed_schema()).has_value());
    auto table = *store->find_table("us-east-1", "users");
    ASSERT_TRUE(put(*store, *table, user_in("janedoe", "25", "Paris")).has_value());
  }
  {
    auto store = std::move(*Store::open(options));
    TableDescription description = *store->describe_table("us-east-1", "users");
    EXPECT_EQ(description.schema, indexed_schema());
    EXPECT_EQ(index_state(description, "by_age").item_count, 1);
    EXPECT_EQ(index_state(description, "by_age").status, IndexStatus::kActive);
    auto table = *store->find_table("us-east-1", "users");
    EXPECT_EQ(query_index(*store, *table, "by_age", number("25")).size(), 1u);
    EXPECT_EQ(query_index(*store, *table, "by_city", string_value("janedoe")).size(), 1u);
  }
  std::filesystem::remove_all(path);
}

// A folder written before formats were recorded: no version, and partitions under another
// hash (format 1's XXH64; here any other hash, the zero one).
void make_format_1(const StoreOptions& options, std::uint64_t table_uid) {
  auto database = std::move(*Database::open(options));
  rocksdb::WriteBatch batch;
  batch.Delete(database->catalog(), "v").PermitUncheckedError();
  const std::string lower = encode_table_prefix(table_uid);
  const std::string upper = encode_table_prefix(table_uid + 1);
  std::unique_ptr<rocksdb::Iterator> it(
      database->db().NewIterator(rocksdb::ReadOptions(), database->items()));
  for (it->Seek(lower); it->Valid() && it->key().ToString() < upper; it->Next()) {
    std::string old_key = it->key().ToString();
    old_key.replace(8, 8, std::string(8, '\0'));
    batch.Delete(database->items(), it->key()).PermitUncheckedError();
    batch.Put(database->items(), old_key, it->value()).PermitUncheckedError();
  }
  ASSERT_TRUE(database->write(batch).has_value());
}

TEST(Store, OpeningAFolderOfFormat1MovesItsItemsUnderTheCurrentKeys) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("ddblocal-store-format-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
  StoreOptions options;
  options.path = path.string();
  std::vector<Item> users;
  for (int i = 0; i < 300; ++i) {
    users.push_back(user_in("user" + std::to_string(i), std::to_string(i % 7), "Paris"));
  }
  std::uint64_t old_uid = 0;
  {
    auto store = std::move(*Store::open(options));
    EXPECT_EQ(store->migrated_from_format(), 0);
    ASSERT_TRUE(store->create_table("us-east-1", indexed_schema()).has_value());
    auto table = *store->find_table("us-east-1", "users");
    old_uid = table->uid;
    for (const Item& item : users) {
      ASSERT_TRUE(put(*store, *table, item).has_value());
    }
  }
  make_format_1(options, old_uid);
  for (int open = 0; open < 2; ++open) {
    auto store = std::move(*Store::open(options));
    EXPECT_EQ(store->migrated_from_format(), open == 0 ? 1 : 0);
    auto table = *store->find_table("us-east-1", "users");
    EXPECT_NE(table->uid, old_uid);
    for (const Item& item : users) {
      EXPECT_EQ(**store->get_item(*table, key_of(item)), item);
    }
    TableDescription description = *store->describe_table("us-east-1", "users");
    EXPECT_EQ(description.item_count, 300);
    EXPECT_EQ(index_state(description, "by_age").item_count, 300);
    EXPECT_EQ(query_index(*store, *table, "by_age", number("3")).size(), 43u);
    EXPECT_EQ(query_index(*store, *table, "by_city", string_value("user7")).size(), 1u);
    EXPECT_EQ(scan_items(*store, *table).size(), 300u);
  }
  std::filesystem::remove_all(path);
}

TEST(Store, RefusesAFolderOfANewerFormat) {
  std::filesystem::path path = std::filesystem::temp_directory_path() /
                               ("ddblocal-store-newer-test-" + std::to_string(::getpid()));
  std::filesystem::remove_all(path);
  StoreOptions options;
  options.path = path.string();
  ASSERT_TRUE(Store::open(options).has_value());
  {
    auto database = std::move(*Database::open(options));
    rocksdb::WriteBatch batch;
    batch.Put(database->catalog(), "v", "3").PermitUncheckedError();
    ASSERT_TRUE(database->write(batch).has_value());
  }
  Result<std::unique_ptr<Store>> store = Store::open(options);
  ASSERT_FALSE(store.has_value());
  EXPECT_NE(store.error().message().find("written by a newer ddblocal"), std::string::npos);
  std::filesystem::remove_all(path);
}

}  // namespace
}  // namespace ddblocal::storage
