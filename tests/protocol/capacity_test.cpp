// Tests for the capacity arithmetic: the unit boundaries of reads (4 KB) and writes (1 KB), the
// minimum of one unit, the eventual, strong and transactional multipliers, the index entry rules
// (figures from the Developer Guide's examples and from captures of the real service), the
// per-table accumulation and the item collection size range.
#include "protocol/capacity.h"

#include <gtest/gtest.h>

namespace ddblocal::capacity {
namespace {

constexpr std::size_t kKB = 1024;

TEST(Capacity, ReadsRoundUpToFourKilobytes) {
  EXPECT_EQ(read_units(1, Read::kStrong), 1);
  EXPECT_EQ(read_units(4 * kKB, Read::kStrong), 1);
  EXPECT_EQ(read_units(4 * kKB + 1, Read::kStrong), 2);
  EXPECT_EQ(read_units(400 * kKB, Read::kStrong), 100);
  // The guide's examples: 3.5 KB reads as 4 KB, 10 KB as 12 KB.
  EXPECT_EQ(read_units(3584, Read::kStrong), 1);
  EXPECT_EQ(read_units(10 * kKB, Read::kStrong), 3);
}

TEST(Capacity, EventuallyConsistentReadsCostHalfTransactionalTwice) {
  EXPECT_EQ(read_units(8 * kKB, Read::kEventual), 1);
  EXPECT_EQ(read_units(8 * kKB, Read::kStrong), 2);
  EXPECT_EQ(read_units(8 * kKB, Read::kTransactional), 4);
  EXPECT_EQ(read_units(4 * kKB + 1, Read::kEventual), 1);
  EXPECT_EQ(read_units(8 * kKB + 1, Read::kEventual), 1.5);
}

TEST(Capacity, ConsistentReadIsAStrongRead) {
  EXPECT_EQ(read_of(true), Read::kStrong);
  EXPECT_EQ(read_of(false), Read::kEventual);
}

TEST(Capacity, AReadOfNothingCostsOneUnit) {
  EXPECT_EQ(read_units(0, Read::kEventual), 0.5);
  EXPECT_EQ(read_units(0, Read::kStrong), 1);
  EXPECT_EQ(read_units(0, Read::kTransactional), 2);
}

TEST(Capacity, QueryPagesAreSummedThenRounded) {
  // The guide: 10 items of 40.8 KB together cost 44 KB, read strongly consistent: 11 units.
  EXPECT_EQ(read_units(41779, Read::kStrong), 11);
  // 1500 items of 64 bytes: 96 KB, 24 units; an eventually consistent read of 80 KB: 10.
  EXPECT_EQ(read_units(1500 * 64, Read::kStrong), 24);
  EXPECT_EQ(read_units(80 * kKB, Read::kEventual), 10);
}

TEST(Capacity, WritesRoundUpToOneKilobyte) {
  EXPECT_EQ(write_units(1), 1);
  EXPECT_EQ(write_units(kKB), 1);
  EXPECT_EQ(write_units(kKB + 1), 2);
  EXPECT_EQ(write_units(1638), 2);  // the guide's 1.6 KB item
  EXPECT_EQ(write_units(400 * kKB), 400);
}

TEST(Capacity, AWriteOfNothingCostsOneUnit) {
  EXPECT_EQ(write_units(0), 1);
  EXPECT_EQ(write_units(0, true), 2);
}

TEST(Capacity, TransactionalWritesCostTwice) {
  EXPECT_EQ(write_units(500, true), 2);
  EXPECT_EQ(write_units(1536, true), 4);
}

TEST(Capacity, AnIndexEntryPutOrDeletedCostsOneWriteOfItsSize) {
  EXPECT_EQ(index_write_units({std::nullopt, 18, false}), 1);
  EXPECT_EQ(index_write_units({3017, std::nullopt, false}), 3);
}

TEST(Capacity, AMovedIndexEntryCostsADeleteAndAPutEachRounded) {
  EXPECT_EQ(index_write_units({18, 20, true}), 2);
  // 1517 bytes on both sides: 2 + 2, not the 3 of the summed bytes.
  EXPECT_EQ(index_write_units({1517, 1517, true}), 4);
  EXPECT_EQ(index_write_units({3017, 18, true}), 4);
}

TEST(Capacity, AnIndexEntryRewrittenInPlaceCostsTheLargerEntry) {
  EXPECT_EQ(index_write_units({3017, 18, false}), 3);
  EXPECT_EQ(index_write_units({18, 3020, false}), 3);
  EXPECT_EQ(index_write_units({617, 617, false}), 1);
  EXPECT_EQ(index_write_units({1517, 1517, false}), 2);
}

TEST(Capacity, TablesAreListedInTheOrderFirstUsed) {
  Consumption consumption;
  consumption.of("second").table.read += 1;
  consumption.of("first").table.write += 2;
  consumption.of("second").table.read += 0.5;
  ASSERT_EQ(consumption.tables().size(), 2u);
  EXPECT_EQ(consumption.tables()[0].table_name, "second");
  EXPECT_EQ(consumption.tables()[0].table.read, 1.5);
  EXPECT_EQ(consumption.tables()[1].table_name, "first");
  EXPECT_EQ(consumption.tables()[1].table.write, 2);
}

TEST(Capacity, IndexUnitsAddUpPerIndexAndIntoTheTotal) {
  TableConsumption table{"t", {0, 1}, {}};
  table.add_to_index("g", true, {0, 1});
  table.add_to_index("l", false, {0, 2});
  table.add_to_index("g", true, {0, 1});
  ASSERT_EQ(table.indexes.size(), 2u);
  EXPECT_EQ(table.indexes[0].name, "g");
  EXPECT_TRUE(table.indexes[0].global);
  EXPECT_EQ(table.indexes[0].units.write, 2);
  EXPECT_FALSE(table.indexes[1].global);
  EXPECT_EQ(table.total().write, 5);
  EXPECT_EQ(table.total().read, 0);
}

TEST(Capacity, ItemCollectionSizeIsAWholeGigabyteRange) {
  constexpr std::uint64_t kGB = std::uint64_t{1} << 30;
  EXPECT_EQ(size_estimate_range_gb(0), (std::array<double, 2>{0, 1}));
  EXPECT_EQ(size_estimate_range_gb(kGB - 1), (std::array<double, 2>{0, 1}));
  EXPECT_EQ(size_estimate_range_gb(kGB), (std::array<double, 2>{1, 2}));
  EXPECT_EQ(size_estimate_range_gb(10 * kGB - 1), (std::array<double, 2>{9, 10}));
}

}  // namespace
}  // namespace ddblocal::capacity
