#include "protocol/point_in_time_recovery.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

TEST(RestorableWindow, OpensWhenEnabledAndReachesNow) {
  const std::int64_t now = 100 * kMillisecondsPerDay;
  RestorableWindow window = restorable_window({now - 5000, 35}, now);
  EXPECT_EQ(window.earliest_ms, now - 5000);
  EXPECT_EQ(window.latest_ms, now);
}

TEST(RestorableWindow, ReachesBackNoFurtherThanTheRecoveryPeriod) {
  const std::int64_t now = 100 * kMillisecondsPerDay;
  RestorableWindow window = restorable_window({now - 10 * kMillisecondsPerDay, 7}, now);
  EXPECT_EQ(window.earliest_ms, now - 7 * kMillisecondsPerDay);
}

}  // namespace
}  // namespace ddblocal
