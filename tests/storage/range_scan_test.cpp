// Query and Scan pages through the Store: key ranges, order, limits, continuation, the 1 MB
// page and parallel scan segments.
#include "storage/range_scan.h"

#include <algorithm>
#include <functional>
#include <set>

#include <gtest/gtest.h>

#include "storage/key_codec.h"

namespace ddblocal::storage {
namespace {

AttributeValue number(std::string_view text) {
  return *Number::parse(text);
}

// Every item of the partition `partition`, or those between the bounds given.
QueryRange on(std::string partition, std::optional<SortBound> lower = std::nullopt,
              std::optional<SortBound> upper = std::nullopt) {
  QueryRange range;
  range.partition = {std::move(partition)};
  range.lower = std::move(lower);
  range.upper = std::move(upper);
  return range;
}
SortBound including(std::string_view c) {
  return {number(c), true};
}
SortBound excluding(std::string_view c) {
  return {number(c), false};
}

// A page read: its items, decoded, and what the store said of it.
struct Page {
  std::vector<Item> items;
  std::size_t bytes = 0;
  PageSummary summary;
};

Result<Page> page_of(std::function<Result<PageSummary>(PageSink&)> read) {
  ItemCollector collected;
  DDB_ASSIGN_OR_RETURN(PageSummary summary, read(collected));
  return Page{std::move(collected.items), collected.bytes, std::move(summary)};
}

class RangeScanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    StoreOptions options;
    options.in_memory = true;
    store_ = *Store::open(options);
    TableSchema schema;
    schema.table_name = "events";
    schema.partition_key = {"p", ScalarType::kS};
    schema.sort_key = AttributeDefinition{"c", ScalarType::kN};
    schema.attribute_definitions = {schema.partition_key, *schema.sort_key};
    ASSERT_TRUE(store_->create_table("us-east-1", schema).has_value());
    table_ = *store_->find_table("us-east-1", "events");
  }

  void put(Item item) {
    Item key{{"p", item.at("p")}, {"c", item.at("c")}};
    auto replace = [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
      return std::optional<Item>(item);
    };
    ASSERT_TRUE(store_->write_item(*table_, key, replace).has_value());
  }

  Result<Page> query(const Table& table, const QueryRange& range, const PageRequest& request = {}) {
    return page_of([&](PageSink& sink) { return store_->query(table, range, request, sink); });
  }
  Result<Page> query(const QueryRange& range, const PageRequest& request = {}) {
    return query(*table_, range, request);
  }
  Result<Page> scan(const std::optional<ScanSegment>& segment) {
    return page_of([&](PageSink& sink) { return store_->scan(*table_, segment, {}, sink); });
  }

  // The sort keys a query answers, in order.
  std::vector<std::string> sort_keys(const QueryRange& range, PageRequest request = {}) {
    Result<Page> page = query(range, request);
    EXPECT_TRUE(page.has_value());
    std::vector<std::string> keys;
    for (const Item& item : page->items) {
      keys.push_back(item.at("c").get_if<Number>()->to_string());
    }
    return keys;
  }

  std::unique_ptr<Store> store_;
  std::shared_ptr<const Table> table_;
};

TEST_F(RangeScanTest, QueryReadsOnePartitionInNumericOrder) {
  for (const char* c : {"10", "-5", "2", "0.5", "-20"}) {
    put({{"p", std::string("a")}, {"c", number(c)}});
  }
  put({{"p", std::string("b")}, {"c", number("1")}});
  EXPECT_EQ(sort_keys(on("a")), (std::vector<std::string>{"-20", "-5", "0.5", "2", "10"}));
  PageRequest backwards;
  backwards.forward = false;
  EXPECT_EQ(sort_keys(on("a"), backwards),
            (std::vector<std::string>{"10", "2", "0.5", "-5", "-20"}));
  EXPECT_TRUE(sort_keys(on("c")).empty());
}

TEST_F(RangeScanTest, QuerySortKeyBounds) {
  for (int c = 1; c <= 5; ++c) {
    put({{"p", std::string("a")}, {"c", number(std::to_string(c))}});
  }
  using V = std::vector<std::string>;
  EXPECT_EQ(sort_keys(on("a", including("3"), including("3"))), V{"3"});
  EXPECT_EQ(sort_keys(on("a", std::nullopt, excluding("3"))), (V{"1", "2"}));
  EXPECT_EQ(sort_keys(on("a", std::nullopt, including("3"))), (V{"1", "2", "3"}));
  EXPECT_EQ(sort_keys(on("a", excluding("3"))), (V{"4", "5"}));
  EXPECT_EQ(sort_keys(on("a", including("3"))), (V{"3", "4", "5"}));
  EXPECT_EQ(sort_keys(on("a", including("2"), including("4"))), (V{"2", "3", "4"}));
  EXPECT_EQ(sort_keys(on("a", excluding("2"), excluding("5"))), (V{"3", "4"}));
}

TEST_F(RangeScanTest, BeginsWithIsAKeyRange) {
  TableSchema schema;
  schema.table_name = "names";
  schema.partition_key = {"p", ScalarType::kS};
  schema.sort_key = AttributeDefinition{"s", ScalarType::kS};
  ASSERT_TRUE(store_->create_table("us-east-1", schema).has_value());
  auto table = *store_->find_table("us-east-1", "names");
  using namespace std::string_literals;
  for (std::string s : {"ab"s, "abc"s, "ab\0x"s, "a"s, "b"s, "abd"s}) {
    Item item{{"p", std::string("k")}, {"s", s}};
    auto replace = [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
      return std::optional<Item>(item);
    };
    ASSERT_TRUE(store_->write_item(*table, item, replace).has_value());
  }
  QueryRange range;
  range.partition = {std::string("k")};
  range.begins_with = std::string("ab");
  Result<Page> page = query(*table, range);
  ASSERT_TRUE(page.has_value());
  std::vector<std::string> found;
  for (const Item& item : page->items) {
    found.push_back(*item.at("s").get_if<std::string>());
  }
  EXPECT_EQ(found, (std::vector<std::string>{"ab", std::string("ab\0x", 4), "abc", "abd"}));
}

TEST_F(RangeScanTest, LimitAndExclusiveStartKeyPageThroughInOrder) {
  for (int c = 1; c <= 7; ++c) {
    put({{"p", std::string("a")}, {"c", number(std::to_string(c))}});
  }
  for (bool forward : {true, false}) {
    std::vector<std::string> all;
    std::optional<Item> start;
    for (int pages = 0; pages < 10; ++pages) {
      PageRequest request;
      request.limit = 3;
      request.forward = forward;
      request.exclusive_start_key = start ? &*start : nullptr;
      Result<Page> page = query(on("a"), request);
      ASSERT_TRUE(page.has_value());
      for (const Item& item : page->items) {
        all.push_back(item.at("c").get_if<Number>()->to_string());
      }
      if (!page->summary.truncated) {
        EXPECT_FALSE(page->summary.last_item.has_value());
        break;
      }
      ASSERT_EQ(page->summary.last_item, page->items.back());
      const Item& last = page->items.back();
      start = Item{{"p", last.at("p")}, {"c", last.at("c")}};
    }
    std::vector<std::string> expected{"1", "2", "3", "4", "5", "6", "7"};
    if (!forward) {
      std::reverse(expected.begin(), expected.end());
    }
    EXPECT_EQ(all, expected);
  }
}

TEST_F(RangeScanTest, APageThatReachesItsLimitIsTruncatedEvenAtTheEnd) {
  for (int c = 1; c <= 3; ++c) {
    put({{"p", std::string("a")}, {"c", number(std::to_string(c))}});
  }
  PageRequest request;
  request.limit = 3;
  Result<Page> page = query(on("a"), request);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->items.size(), 3u);
  EXPECT_EQ(page->summary.count, 3u);
  EXPECT_TRUE(page->summary.truncated);
  request.limit = 4;
  EXPECT_FALSE(query(on("a"), request)->summary.truncated);
}

TEST_F(RangeScanTest, QueryStartKeyMustLieInTheKeyRange) {
  put({{"p", std::string("a")}, {"c", number("1")}});
  const Item elsewhere{{"p", std::string("b")}, {"c", number("1")}};
  PageRequest request;
  request.exclusive_start_key = &elsewhere;
  Result<Page> page = query(on("a"), request);
  ASSERT_TRUE(page.has_value());
  EXPECT_TRUE(page->summary.start_outside_range);
  EXPECT_TRUE(page->items.empty());
  const Item below{{"p", std::string("a")}, {"c", number("1")}};
  request.exclusive_start_key = &below;
  EXPECT_TRUE(query(on("a", excluding("5")), request)->summary.start_outside_range);
  EXPECT_FALSE(query(on("a", including("1")), request)->summary.start_outside_range);
}

TEST_F(RangeScanTest, PageStopsAtOneMegabyte) {
  const std::string payload(100 * 1024, 'x');
  for (int c = 0; c < 25; ++c) {
    put({{"p", std::string("a")}, {"c", number(std::to_string(c))}, {"v", payload}});
  }
  Result<Page> page = query(on("a"));
  ASSERT_TRUE(page.has_value());
  EXPECT_TRUE(page->summary.truncated);
  std::size_t bytes = 0;
  for (const Item& item : page->items) {
    bytes += item_size(item);
  }
  EXPECT_GE(bytes, kMaxPageBytes);
  EXPECT_LT(bytes - item_size(page->items.back()), kMaxPageBytes);
  EXPECT_EQ(page->summary.bytes, bytes);
  EXPECT_EQ(page->bytes, bytes);
}

TEST_F(RangeScanTest, PageReportsTheBytesOfEveryItemItRead) {
  put({{"p", std::string("a")}, {"c", number("1")}, {"v", std::string(1000, 'x')}});
  put({{"p", std::string("a")}, {"c", number("2")}});
  put({{"p", std::string("b")}, {"c", number("1")}, {"v", std::string(5000, 'x')}});
  Result<Page> page = query(on("a"));
  ASSERT_TRUE(page.has_value());
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->summary.bytes, item_size(page->items[0]) + item_size(page->items[1]));
  PageRequest one;
  one.limit = 1;
  page = query(on("a"), one);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->summary.bytes, item_size(page->items.at(0)));
  page = query(on("none"));
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(page->summary.bytes, 0u);
}

// The segments of 4096 that dynalite's scan tests recorded for these keys, in tests written to
// pass against DynamoDB itself.
TEST(ScanRange, SegmentsSplitTheHashSpaceAsDynamoDb) {
  auto in_segment = [](const AttributeValue& key, std::uint64_t segment) {
    const KeyRange range = scan_range(7, ScanSegment{segment, 4096});
    const std::string item_key = encode_item_key(7, key, nullptr);
    return range.lower <= item_key && item_key < range.upper;
  };
  EXPECT_TRUE(in_segment(std::string("3635"), 0));
  EXPECT_TRUE(in_segment(std::string("228"), 0));
  EXPECT_TRUE(in_segment(std::string("1668"), 1));
  EXPECT_TRUE(in_segment(std::string("3435"), 4));
  EXPECT_TRUE(in_segment(number("251"), 1));
  EXPECT_TRUE(in_segment(number("2388"), 4095));
}

TEST_F(RangeScanTest, ScanSegmentsHoldEveryItemExactlyOnce) {
  for (int i = 0; i < 300; ++i) {
    put({{"p", "user" + std::to_string(i)}, {"c", number("1")}});
  }
  for (std::uint64_t total : {1, 2, 3, 7, 1000}) {
    std::multiset<std::string> seen;
    for (std::uint64_t segment = 0; segment < total; ++segment) {
      Result<Page> page = scan(ScanSegment{segment, total});
      ASSERT_TRUE(page.has_value());
      EXPECT_FALSE(page->summary.truncated);
      for (const Item& item : page->items) {
        seen.insert(*item.at("p").get_if<std::string>());
      }
    }
    EXPECT_EQ(seen.size(), 300u) << total;
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()).size(), 300u) << total;
  }
  Result<Page> whole = scan(std::nullopt);
  ASSERT_TRUE(whole.has_value());
  EXPECT_EQ(whole->items.size(), 300u);
}

}  // namespace
}  // namespace ddblocal::storage
