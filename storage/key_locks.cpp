#include "storage/key_locks.h"

#include <algorithm>
#include <functional>

namespace ddblocal::storage {

std::size_t KeyLocks::stripe_of(std::string_view item_key) {
  return std::hash<std::string_view>{}(item_key) % kStripes;
}

std::unique_lock<std::mutex> KeyLocks::lock(std::string_view item_key) {
  return std::unique_lock<std::mutex>(stripes_[stripe_of(item_key)]);
}

KeyLocks::Guard KeyLocks::lock_all(std::span<const std::string> item_keys) {
  std::vector<std::size_t> stripes;
  stripes.reserve(item_keys.size());
  for (const std::string& key : item_keys) {
    stripes.push_back(stripe_of(key));
  }
  std::sort(stripes.begin(), stripes.end());
  stripes.erase(std::unique(stripes.begin(), stripes.end()), stripes.end());
  return Guard(*this, std::move(stripes));
}

void KeyLocks::wait_for_writers() {
  for (std::mutex& stripe : stripes_) {
    std::lock_guard held(stripe);
  }
}

KeyLocks::Guard::Guard(KeyLocks& locks, std::vector<std::size_t> stripes)
    : locks_(&locks), stripes_(std::move(stripes)) {
  for (std::size_t stripe : stripes_) {
    locks_->stripes_[stripe].lock();
  }
}

KeyLocks::Guard::~Guard() {
  // A moved-from guard holds no stripes.
  for (auto stripe = stripes_.rbegin(); stripe != stripes_.rend(); ++stripe) {
    locks_->stripes_[*stripe].unlock();
  }
}

}  // namespace ddblocal::storage
