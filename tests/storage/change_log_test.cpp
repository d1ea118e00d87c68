#include "storage/change_log.h"

#include <gtest/gtest.h>

#include "tests/storage/store_test_util.h"

namespace ddblocal::storage {
namespace {

constexpr std::uint64_t kTable = 7;

Item keys(std::string name) {
  return {{"p", AttributeValue(std::move(name))}};
}

std::unique_ptr<Database> open_database(const StoreOptions& options) {
  Result<std::unique_ptr<Database>> database = Database::open(options);
  EXPECT_TRUE(database.has_value());
  return std::move(*database);
}

std::unique_ptr<Database> in_memory() {
  StoreOptions options;
  options.in_memory = true;
  return open_database(options);
}

// Logs the insert of item `name` of kTable under the reservation's `index`th stamp.
void log_insert(Database& database, const ChangeLog::Reservation& reservation, std::size_t index,
                const std::string& name) {
  rocksdb::WriteBatch batch;
  add_change_record(database, batch, kTable, reservation.stamp(index, ChangeOrigin::kRequest),
                    keys(name), std::nullopt, keys(name));
  ASSERT_TRUE(database.write(batch).has_value());
}

std::vector<std::uint64_t> sequences(const ChangeLog::Page& page) {
  std::vector<std::uint64_t> numbers;
  for (const ChangeRecord& record : page.records) {
    numbers.push_back(record.sequence_number);
  }
  return numbers;
}

TEST(ChangeLog, ReservationsTakeIncreasingSequenceNumbers) {
  auto database = in_memory();
  ChangeLog log(*database);
  ChangeLog::Reservation first = log.reserve(2);
  ChangeLog::Reservation second = log.reserve(1);
  EXPECT_EQ(first.stamp(0, ChangeOrigin::kRequest).sequence, 1u);
  EXPECT_EQ(first.stamp(1, ChangeOrigin::kRequest).sequence, 2u);
  EXPECT_EQ(second.stamp(0, ChangeOrigin::kRequest).sequence, 3u);
  EXPECT_LE(first.stamp(0, ChangeOrigin::kRequest).time_ms,
            second.stamp(0, ChangeOrigin::kRequest).time_ms);
  EXPECT_EQ(log.next(), 4u);
  ChangeLog::Reservation none = log.reserve(0);
  EXPECT_EQ(log.next(), 4u);
}

TEST(ChangeLog, ReadersSeeNothingFromAWriteStillUnderWay) {
  auto database = in_memory();
  ChangeLog log(*database);
  std::optional<ChangeLog::Reservation> slow(log.reserve(1));
  {
    ChangeLog::Reservation fast = log.reserve(1);
    log_insert(*database, fast, 0, "fast");
  }
  // The later write committed, the earlier one did not: neither may be read yet, or a reader
  // would pass the earlier one by.
  EXPECT_EQ(log.visible(), 0u);
  log_insert(*database, *slow, 0, "slow");
  slow.reset();
  EXPECT_EQ(log.visible(), 2u);
  Result<ChangeLog::Page> page =
      log.read(kTable, 0, log.visible(), 10, 1 << 20, StreamViewType::kKeysOnly);
  ASSERT_TRUE(page.has_value());
  EXPECT_EQ(sequences(*page), (std::vector<std::uint64_t>{1, 2}));
  EXPECT_EQ(page->records[0].keys, keys("slow"));
}

TEST(ChangeLog, ReadsARangeInPagesAndFindsItsLastRecord) {
  auto database = in_memory();
  ChangeLog log(*database);
  {
    ChangeLog::Reservation reservation = log.reserve(5);
    for (std::size_t i = 0; i < 5; ++i) {
      log_insert(*database, reservation, i, "item" + std::to_string(i));
    }
  }
  Result<ChangeLog::Page> first = log.read(kTable, 0, 4, 2, 1 << 20, StreamViewType::kKeysOnly);
  EXPECT_EQ(sequences(*first), (std::vector<std::uint64_t>{1, 2}));
  EXPECT_TRUE(first->truncated);
  Result<ChangeLog::Page> rest = log.read(kTable, 2, 4, 10, 1 << 20, StreamViewType::kKeysOnly);
  EXPECT_EQ(sequences(*rest), (std::vector<std::uint64_t>{3, 4}));
  EXPECT_FALSE(rest->truncated);
  // A byte budget stops a page too, but never before its first record.
  Result<ChangeLog::Page> small = log.read(kTable, 0, 5, 10, 1, StreamViewType::kKeysOnly);
  EXPECT_EQ(sequences(*small), (std::vector<std::uint64_t>{1}));
  EXPECT_TRUE(small->truncated);
  EXPECT_EQ(log.last_in(kTable, 1, 4).value(), 4u);
  EXPECT_EQ(log.last_in(kTable, 1, 100).value(), 5u);
  EXPECT_FALSE(log.last_in(kTable, 6, 100).value().has_value());
  EXPECT_FALSE(log.last_in(kTable + 1, 1, 100).value().has_value());
}

TEST(ChangeLog, TrimsOldRecordsAndRemembersWhere) {
  auto database = in_memory();
  ChangeLog log(*database);
  {
    ChangeLog::Reservation reservation = log.reserve(3);
    for (std::size_t i = 0; i < 3; ++i) {
      log_insert(*database, reservation, i, "item");
    }
  }
  EXPECT_EQ(log.trim_point(kTable).value(), 0u);
  const std::int64_t now = log.reserve(1).stamp(0, ChangeOrigin::kRequest).time_ms;
  ASSERT_TRUE(log.trim(kTable, now - 60'000).has_value());  // nothing that old
  EXPECT_EQ(log.trim_point(kTable).value(), 0u);
  ASSERT_TRUE(log.trim(kTable, now + 1).has_value());
  EXPECT_EQ(log.trim_point(kTable).value(), 3u);
  EXPECT_TRUE(log.read(kTable, 0, 10, 10, 1 << 20, StreamViewType::kKeysOnly)->records.empty());
}

TEST(ChangeLog, ContinuesPastItsRecordsAndTrimPointsAfterARestart) {
  test_util::TemporaryFolder folder("change-log-test");
  {
    auto database = open_database(folder.options());
    ChangeLog log(*database);
    ChangeLog::Reservation reservation = log.reserve(4);
    for (std::size_t i = 0; i < 4; ++i) {
      log_insert(*database, reservation, i, "item");
    }
  }
  {
    auto database = open_database(folder.options());
    ChangeLog log(*database);
    ASSERT_TRUE(log.recover(0).has_value());
    EXPECT_EQ(log.next(), 5u);
    ASSERT_TRUE(log.trim(kTable, std::numeric_limits<std::int64_t>::max()).has_value());
  }
  auto database = open_database(folder.options());
  ChangeLog log(*database);
  ASSERT_TRUE(log.recover(0).has_value());
  EXPECT_EQ(log.next(), 5u);  // every record trimmed, none of their numbers reused
  ChangeLog floored(*database);
  ASSERT_TRUE(floored.recover(9).has_value());
  EXPECT_EQ(floored.next(), 9u);
}

}  // namespace
}  // namespace ddblocal::storage
