#include "storage/transient_statuses.h"

#include <gtest/gtest.h>

namespace ddblocal::storage {
namespace {

using namespace std::chrono_literals;

class TransientStatusesTest : public ::testing::Test {
 protected:
  std::chrono::steady_clock::time_point now_{};
  TransientStatuses statuses_{2000ms, [this] { return now_; }};
};

TEST_F(TransientStatusesTest, CreatingUntilTheDelayPasses) {
  statuses_.created(7);
  EXPECT_EQ(statuses_.status(7), TableStatus::kCreating);
  EXPECT_EQ(statuses_.status(8), TableStatus::kActive);
  now_ += 1999ms;
  EXPECT_EQ(statuses_.status(7), TableStatus::kCreating);
  now_ += 1ms;
  EXPECT_EQ(statuses_.status(7), TableStatus::kActive);
}

TEST_F(TransientStatusesTest, UpdatingWithItsNewIndexesCreating) {
  statuses_.updated(7, {"by_owner"});
  EXPECT_EQ(statuses_.status(7), TableStatus::kUpdating);
  EXPECT_TRUE(statuses_.index_creating(7, "by_owner"));
  EXPECT_FALSE(statuses_.index_creating(7, "by_date"));
  now_ += 2s;
  EXPECT_EQ(statuses_.status(7), TableStatus::kActive);
  EXPECT_FALSE(statuses_.index_creating(7, "by_owner"));
}

TEST_F(TransientStatusesTest, RemembersADeletedTableForTheDelay) {
  TableDescription description;
  description.schema.table_name = "gone";
  description.status = TableStatus::kDeleting;
  statuses_.deleted("us-east-1", "gone", description);
  ASSERT_TRUE(statuses_.deleting("us-east-1", "gone").has_value());
  EXPECT_EQ(statuses_.deleting("us-east-1", "gone")->status, TableStatus::kDeleting);
  EXPECT_FALSE(statuses_.deleting("eu-west-1", "gone").has_value());
  now_ += 2s;
  EXPECT_FALSE(statuses_.deleting("us-east-1", "gone").has_value());
}

TEST(TransientStatuses, WithoutADelayNothingIsTransient) {
  TransientStatuses statuses(0ms);
  statuses.created(1);
  statuses.updated(2, {"i"});
  statuses.deleted("r", "t", TableDescription{});
  EXPECT_EQ(statuses.status(1), TableStatus::kActive);
  EXPECT_EQ(statuses.status(2), TableStatus::kActive);
  EXPECT_FALSE(statuses.index_creating(2, "i"));
  EXPECT_FALSE(statuses.deleting("r", "t").has_value());
}

}  // namespace
}  // namespace ddblocal::storage
