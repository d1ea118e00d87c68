#include "protocol/table_settings.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

TEST(TableSettings, WarmThroughputIsAtLeastInitialAndCapacity) {
  EXPECT_EQ(effective_warm_throughput(std::nullopt, 0, 0), kInitialWarmThroughput);
  EXPECT_EQ(effective_warm_throughput(std::nullopt, 50'000, 10), (WarmThroughput{50'000, 4'000}));
  EXPECT_EQ(effective_warm_throughput(WarmThroughput{20'000, 9'000}, 5, 5),
            (WarmThroughput{20'000, 9'000}));
}

TEST(TableSettings, DecreasesAreCountedPerUtcDay) {
  const double day = 86'400;
  ThroughputHistory history = record_throughput_change({}, 10, 10, 5, 10, 3 * day + 10);
  history = record_throughput_change(history, 5, 10, 4, 10, 3 * day + 20);
  EXPECT_EQ(decreases_today(history, 3 * day + 30), 2);
  EXPECT_EQ(decreases_today(history, 4 * day + 1), 0);
  history = record_throughput_change(history, 4, 10, 3, 10, 4 * day + 2);
  EXPECT_EQ(decreases_today(history, 4 * day + 3), 1);
  EXPECT_FALSE(history.last_increase);
  history = record_throughput_change(history, 3, 10, 8, 10, 4 * day + 4);
  EXPECT_EQ(*history.last_increase, 4 * day + 4);
}

TEST(TableSettings, KmsKeyArnFromIdAliasOrArn) {
  EXPECT_EQ(kms_key_arn({"abc"}, "r"), "arn:aws:kms:r:000000000000:key/abc");
  EXPECT_EQ(kms_key_arn({"alias/x"}, "r"), "arn:aws:kms:r:000000000000:alias/x");
  EXPECT_EQ(kms_key_arn({"arn:aws:kms:q:1:key/z"}, "r"), "arn:aws:kms:q:1:key/z");
}

}  // namespace
}  // namespace ddblocal
