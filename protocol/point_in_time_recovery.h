// Point-in-time recovery: a table that has it enabled can be restored, into a new table, as it
// was at any millisecond from when recovery was enabled (at most its recovery period ago) up to
// now.
#pragma once

#include <cstdint>

namespace ddblocal {

// RecoveryPeriodInDays: 1 to 35, 35 when not given.
inline constexpr std::int32_t kMinRecoveryPeriodDays = 1;
inline constexpr std::int32_t kMaxRecoveryPeriodDays = 35;
inline constexpr std::int64_t kMillisecondsPerDay = 24LL * 3600 * 1000;

// Recovery as a table has it enabled.
struct PointInTimeRecovery {
  // When recovery was enabled, in milliseconds since the Unix epoch: no restore goes further
  // back.
  std::int64_t enabled_ms = 0;
  std::int32_t recovery_period_days = kMaxRecoveryPeriodDays;
  bool operator==(const PointInTimeRecovery&) const = default;
};

// The times a restore may ask for, in milliseconds since the Unix epoch.
struct RestorableWindow {
  std::int64_t earliest_ms = 0;
  std::int64_t latest_ms = 0;
};

// At `now_ms`: from when recovery was enabled, or the recovery period ago if that is later, up
// to now. (DynamoDB's LatestRestorableDateTime lags about five minutes behind; ddblocal keeps
// every change, so a restore may ask for the moment just past.)
inline RestorableWindow restorable_window(const PointInTimeRecovery& recovery,
                                          std::int64_t now_ms) {
  const std::int64_t period_start = now_ms - recovery.recovery_period_days * kMillisecondsPerDay;
  return {recovery.enabled_ms > period_start ? recovery.enabled_ms : period_start, now_ms};
}

// What DescribeContinuousBackups reports of a table's point-in-time recovery.
struct PointInTimeRecoveryDescription {
  bool enabled = false;
  // When enabled: the recovery period and the restorable window.
  std::int32_t recovery_period_days = 0;
  RestorableWindow window;
};

}  // namespace ddblocal
