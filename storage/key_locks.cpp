#include "storage/key_locks.h"

#include <functional>

namespace ddblocal::storage {

std::unique_lock<std::mutex> KeyLocks::lock(std::string_view item_key) {
  std::size_t stripe = std::hash<std::string_view>{}(item_key) % kStripes;
  return std::unique_lock<std::mutex>(stripes_[stripe]);
}

}  // namespace ddblocal::storage
