// The wall clock, as DynamoDB's timestamps count it: since the Unix epoch.
#pragma once

#include <chrono>
#include <cstdint>

namespace ddblocal {

inline std::int64_t unix_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

inline std::int64_t unix_seconds() {
  return unix_ms() / 1000;
}

// In seconds, to the millisecond: DynamoDB's date-time members (CreationDateTime, ...).
inline double unix_time() {
  return static_cast<double>(unix_ms()) / 1000;
}

}  // namespace ddblocal
