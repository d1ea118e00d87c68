// The Store's streams: the change records of every write, shard iterators, closing, re-enabling,
// retention, restarts.
#include <gtest/gtest.h>

#include "protocol/clock.h"
#include "tests/storage/store_test_util.h"

namespace ddblocal::storage {
namespace {

using test_util::open_in_memory;
using test_util::put;
using test_util::remove;

constexpr std::string_view kRegion = "us-east-1";

TableSchema streamed(std::optional<StreamViewType> view = StreamViewType::kNewAndOldImages) {
  TableSchema schema;
  schema.table_name = "events";
  schema.partition_key = {"p", ScalarType::kS};
  schema.attribute_definitions = {schema.partition_key};
  schema.billing_mode = BillingMode::kPayPerRequest;
  schema.stream = view;
  return schema;
}

Item key(std::string name) {
  return {{"p", AttributeValue(std::move(name))}};
}

Item item(std::string name, std::string_view value) {
  return {{"p", AttributeValue(std::move(name))}, {"v", *Number::parse(value)}};
}

class StoreStreamsTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(store_->create_table(kRegion, streamed()).has_value()); }

  std::shared_ptr<const Table> table() { return *store_->find_table(kRegion, "events"); }
  StreamName latest() { return {std::string(kRegion), "events", *table()->latest_stream_label}; }
  StreamDescription describe(const StreamName& stream) {
    return *store_->describe_stream(kRegion, stream);
  }

  Result<ShardIterator> iterator(const StreamName& stream, ShardIteratorType type,
                                 std::optional<std::uint64_t> sequence = std::nullopt) {
    return store_->get_shard_iterator(kRegion, stream, describe(stream).shard.shard_id, type,
                                      sequence, unix_ms());
  }

  // Every record the stream has, from its trim horizon on.
  std::vector<ChangeRecord> all_records(const StreamName& stream) {
    Result<StreamRecords> read = store_->get_records(
        kRegion, *iterator(stream, ShardIteratorType::kTrimHorizon), 1000, unix_ms());
    EXPECT_TRUE(read.has_value());
    return read ? read->records : std::vector<ChangeRecord>();
  }

  std::unique_ptr<Store> store_ = open_in_memory();
};

TEST_F(StoreStreamsTest, EveryChangeHasOneRecordInOrder) {
  ASSERT_TRUE(put(*store_, *table(), key("a"), item("a", "1")).has_value());
  ASSERT_TRUE(put(*store_, *table(), key("a"), item("a", "1")).has_value());  // changes nothing
  ASSERT_TRUE(put(*store_, *table(), key("a"), item("a", "2")).has_value());
  ASSERT_TRUE(remove(*store_, *table(), key("a")).has_value());
  ASSERT_TRUE(remove(*store_, *table(), key("a")).has_value());  // nothing to remove

  std::vector<ChangeRecord> records = all_records(latest());
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].new_image, item("a", "1"));
  EXPECT_FALSE(records[0].old_image.has_value());
  EXPECT_EQ(records[1].old_image, item("a", "1"));
  EXPECT_EQ(records[1].new_image, item("a", "2"));
  EXPECT_EQ(records[2].old_image, item("a", "2"));
  EXPECT_FALSE(records[2].new_image.has_value());
  for (const ChangeRecord& record : records) {
    EXPECT_EQ(record.keys, key("a"));
    EXPECT_EQ(record.origin, ChangeOrigin::kRequest);
  }
  EXPECT_LT(records[0].sequence_number, records[1].sequence_number);
  EXPECT_LT(records[1].sequence_number, records[2].sequence_number);
}

TEST_F(StoreStreamsTest, AnAllOrNothingWriteLogsEachChangeInItsOrder) {
  std::vector<Item> keys{key("x"), key("y")};
  std::vector<Item> items{item("x", "1"), item("y", "2")};
  std::vector<KeyedChange> changes;
  auto current = table();
  for (std::size_t i = 0; i < 2; ++i) {
    changes.push_back({{current.get(), &keys[i]},
                       [&items, i](const std::optional<Item>&) -> Result<std::optional<Item>> {
                         return std::optional<Item>(items[i]);
                       }});
  }
  ASSERT_TRUE(store_->write_all(changes)->committed());
  std::vector<ChangeRecord> records = all_records(latest());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].keys, key("x"));
  EXPECT_EQ(records[1].keys, key("y"));
  EXPECT_EQ(records[1].sequence_number, records[0].sequence_number + 1);
}

TEST_F(StoreStreamsTest, IteratorsStartWhereTheirTypeSays) {
  ASSERT_TRUE(put(*store_, *table(), key("a"), item("a", "1")).has_value());
  ASSERT_TRUE(put(*store_, *table(), key("b"), item("b", "1")).has_value());
  std::vector<ChangeRecord> records = all_records(latest());
  ASSERT_EQ(records.size(), 2u);
  const std::uint64_t second = records[1].sequence_number;

  auto read = [&](ShardIteratorType type, std::optional<std::uint64_t> sequence) {
    return store_->get_records(kRegion, *iterator(latest(), type, sequence), 10, unix_ms())
        ->records.size();
  };
  EXPECT_EQ(read(ShardIteratorType::kAtSequenceNumber, second), 1u);
  EXPECT_EQ(read(ShardIteratorType::kAfterSequenceNumber, second), 0u);
  EXPECT_EQ(read(ShardIteratorType::kLatest, std::nullopt), 0u);

  // LATEST reads what is written after it.
  ShardIterator latest_iterator = *iterator(latest(), ShardIteratorType::kLatest);
  ASSERT_TRUE(put(*store_, *table(), key("c"), item("c", "1")).has_value());
  Result<StreamRecords> after = store_->get_records(kRegion, latest_iterator, 10, unix_ms());
  ASSERT_EQ(after->records.size(), 1u);
  EXPECT_EQ(after->records[0].keys, key("c"));
  // Caught up: no records, and an iterator to wait with.
  Result<StreamRecords> caught_up = store_->get_records(kRegion, *after->next, 10, unix_ms());
  EXPECT_TRUE(caught_up->records.empty());
  EXPECT_TRUE(caught_up->next.has_value());
}

TEST_F(StoreStreamsTest, PagesFollowTheLimit) {
  for (const char* name : {"a", "b", "c"}) {
    ASSERT_TRUE(put(*store_, *table(), key(name), item(name, "1")).has_value());
  }
  Result<StreamRecords> first = store_->get_records(
      kRegion, *iterator(latest(), ShardIteratorType::kTrimHorizon), 2, unix_ms());
  ASSERT_EQ(first->records.size(), 2u);
  Result<StreamRecords> second = store_->get_records(kRegion, *first->next, 2, unix_ms());
  ASSERT_EQ(second->records.size(), 1u);
  EXPECT_EQ(second->records[0].keys, key("c"));
}

TEST_F(StoreStreamsTest, RefusesOtherShardsAndSequenceNumbersOutsideTheShard) {
  StreamName stream = latest();
  Result<ShardIterator> other =
      store_->get_shard_iterator(kRegion, stream, "shardId-00000000000000000000-00000000",
                                 ShardIteratorType::kLatest, std::nullopt, unix_ms());
  ASSERT_FALSE(other.has_value());
  EXPECT_EQ(other.error().type(), ErrorType::kResourceNotFound);
  Result<ShardIterator> beyond = iterator(stream, ShardIteratorType::kAtSequenceNumber,
                                          describe(stream).shard.starting_sequence_number + 5);
  ASSERT_FALSE(beyond.has_value());
  EXPECT_EQ(beyond.error().message(), "Invalid SequenceNumber for the shard");
  // A fresh stream's own start is a place to begin at, records or not.
  EXPECT_TRUE(iterator(stream, ShardIteratorType::kAtSequenceNumber,
                       describe(stream).shard.starting_sequence_number)
                  .has_value());
  Result<StreamDescription> missing =
      store_->describe_stream(kRegion, {std::string(kRegion), "events", "2020-01-01T00:00:00.000"});
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message(),
            "Requested resource not found: Stream: arn:aws:dynamodb:us-east-1:000000000000:table/"
            "events/stream/2020-01-01T00:00:00.000 not found");
  EXPECT_FALSE(store_->describe_stream("eu-west-1", stream).has_value());
}

TEST_F(StoreStreamsTest, AnIteratorExpiresAfterFifteenMinutes) {
  ShardIterator old = *iterator(latest(), ShardIteratorType::kTrimHorizon);
  old.issued_ms -= kShardIteratorLifetimeMs + 1;
  Result<StreamRecords> read = store_->get_records(kRegion, old, 10, unix_ms());
  ASSERT_FALSE(read.has_value());
  EXPECT_EQ(read.error().type(), ErrorType::kExpiredIterator);
}

Result<TableSchema> toggle_stream(const TableSchema& current, std::optional<StreamViewType> view) {
  TableSchema schema = current;
  schema.stream = view;
  return schema;
}

TEST_F(StoreStreamsTest, DisablingClosesTheShardAndReEnablingMakesANewStream) {
  ASSERT_TRUE(put(*store_, *table(), key("a"), item("a", "1")).has_value());
  const StreamName first = latest();
  ShardIterator reader = *iterator(first, ShardIteratorType::kTrimHorizon);
  ASSERT_TRUE(
      store_
          ->update_table(kRegion, "events",
                         [](const TableSchema& s) { return toggle_stream(s, std::nullopt); })
          .has_value());
  // Writes with no stream enabled are logged nowhere.
  ASSERT_TRUE(put(*store_, *table(), key("b"), item("b", "1")).has_value());
  StreamDescription closed = describe(first);
  EXPECT_EQ(closed.status, StreamStatus::kDisabled);
  ASSERT_TRUE(closed.shard.ending_sequence_number.has_value());
  Result<StreamRecords> rest = store_->get_records(kRegion, reader, 10, unix_ms());
  ASSERT_EQ(rest->records.size(), 1u);
  EXPECT_FALSE(rest->next.has_value());  // read to the end of a closed shard
  EXPECT_EQ(*closed.shard.ending_sequence_number, rest->records[0].sequence_number);

  ASSERT_TRUE(store_
                  ->update_table(kRegion, "events",
                                 [](const TableSchema& s) {
                                   return toggle_stream(s, StreamViewType::kKeysOnly);
                                 })
                  .has_value());
  const StreamName second = latest();
  EXPECT_NE(second.label, first.label);
  ASSERT_TRUE(put(*store_, *table(), key("c"), item("c", "1")).has_value());
  EXPECT_EQ(all_records(second).size(), 1u);
  EXPECT_EQ(all_records(first).size(), 1u);
  EXPECT_EQ(describe(second).view_type, StreamViewType::kKeysOnly);
  StreamPage page = store_->list_streams(kRegion, "events", std::nullopt, 10);
  ASSERT_EQ(page.streams.size(), 2u);
  EXPECT_EQ(page.streams[0], second);  // newest first
  EXPECT_EQ(page.streams[1], first);
}

TEST_F(StoreStreamsTest, StreamsOutliveTheirTableForTheRetentionPeriod) {
  ASSERT_TRUE(put(*store_, *table(), key("a"), item("a", "1")).has_value());
  const StreamName stream = latest();
  ASSERT_TRUE(store_->delete_table(kRegion, "events").has_value());
  EXPECT_EQ(describe(stream).status, StreamStatus::kDisabled);
  EXPECT_EQ(all_records(stream).size(), 1u);
  // A table of the same name gets a stream of its own.
  ASSERT_TRUE(store_->create_table(kRegion, streamed()).has_value());
  EXPECT_NE(latest(), stream);
  EXPECT_TRUE(all_records(latest()).empty());

  ASSERT_TRUE(store_->trim_change_logs(unix_ms() + kStreamRetentionMs + 1000).has_value());
  EXPECT_FALSE(store_->describe_stream(kRegion, stream).has_value());
  EXPECT_TRUE(store_->describe_stream(kRegion, latest()).has_value());
}

TEST_F(StoreStreamsTest, TrimmedRecordsAreGoneAndIteratorsBeforeThemFail) {
  ASSERT_TRUE(put(*store_, *table(), key("a"), item("a", "1")).has_value());
  ShardIterator before = *iterator(latest(), ShardIteratorType::kTrimHorizon);
  ASSERT_TRUE(store_->trim_change_logs(unix_ms() + kStreamRetentionMs + 1000).has_value());
  Result<StreamRecords> stale = store_->get_records(kRegion, before, 10, unix_ms());
  ASSERT_FALSE(stale.has_value());
  EXPECT_EQ(stale.error().type(), ErrorType::kTrimmedDataAccess);
  EXPECT_TRUE(all_records(latest()).empty());
  ASSERT_TRUE(put(*store_, *table(), key("b"), item("b", "1")).has_value());
  EXPECT_EQ(all_records(latest()).size(), 1u);
}

TEST(StoreStreams, ListsStreamsByTableNewestFirstWithPaging) {
  auto store = open_in_memory();
  for (const char* name : {"bbb", "aaa", "ccc"}) {
    TableSchema schema = streamed();
    schema.table_name = name;
    ASSERT_TRUE(store->create_table(kRegion, schema).has_value());
  }
  StreamPage first = store->list_streams(kRegion, std::nullopt, std::nullopt, 2);
  ASSERT_EQ(first.streams.size(), 2u);
  EXPECT_EQ(first.streams[0].table_name, "aaa");
  EXPECT_EQ(first.streams[1].table_name, "bbb");
  ASSERT_TRUE(first.last_evaluated.has_value());
  StreamPage rest = store->list_streams(kRegion, std::nullopt, first.last_evaluated, 2);
  ASSERT_EQ(rest.streams.size(), 1u);
  EXPECT_EQ(rest.streams[0].table_name, "ccc");
  EXPECT_FALSE(rest.last_evaluated.has_value());
  EXPECT_TRUE(store->list_streams("eu-west-1", std::nullopt, std::nullopt, 10).streams.empty());
}

TEST(StoreStreams, RecordsAndStreamsSurviveARestart) {
  test_util::TemporaryFolder folder("store-streams-test");
  StreamName stream;
  std::uint64_t last_sequence = 0;
  {
    auto store = std::move(*Store::open(folder.options()));
    ASSERT_TRUE(store->create_table(kRegion, streamed()).has_value());
    auto table = *store->find_table(kRegion, "events");
    stream = {std::string(kRegion), "events", *table->latest_stream_label};
    ASSERT_TRUE(put(*store, *table, key("a"), item("a", "1")).has_value());
  }
  auto store = std::move(*Store::open(folder.options()));
  auto table = *store->find_table(kRegion, "events");
  EXPECT_EQ(table->schema.stream, StreamViewType::kNewAndOldImages);
  ASSERT_TRUE(put(*store, *table, key("b"), item("b", "1")).has_value());
  StreamDescription description = *store->describe_stream(kRegion, stream);
  ShardIterator start =
      *store->get_shard_iterator(kRegion, stream, description.shard.shard_id,
                                 ShardIteratorType::kTrimHorizon, std::nullopt, unix_ms());
  std::vector<ChangeRecord> records = store->get_records(kRegion, start, 10, unix_ms())->records;
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].keys, key("a"));
  EXPECT_EQ(records[1].keys, key("b"));
  last_sequence = records[1].sequence_number;
  EXPECT_GT(last_sequence, records[0].sequence_number);
}

}  // namespace
}  // namespace ddblocal::storage
