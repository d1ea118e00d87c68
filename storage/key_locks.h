// KeyLocks: a striped lock table that serializes the read-check-write of writes to one item,
// without a global lock. Two keys may share a stripe; that only costs concurrency.
#pragma once

#include <array>
#include <mutex>
#include <string_view>

namespace ddblocal::storage {

class KeyLocks {
 public:
  static constexpr std::size_t kStripes = 4096;

  // Locks the stripe of an encoded item key until the returned lock is destroyed.
  std::unique_lock<std::mutex> lock(std::string_view item_key);

 private:
  std::array<std::mutex, kStripes> stripes_;
};

}  // namespace ddblocal::storage
