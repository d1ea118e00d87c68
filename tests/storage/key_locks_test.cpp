#include "storage/key_locks.h"

#include <algorithm>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace ddblocal::storage {
namespace {

TEST(KeyLocks, LockAllTakesEachStripeOnceInAscendingOrder) {
  KeyLocks locks;
  std::vector<std::string> keys;
  for (int i = 0; i < 200; ++i) {
    keys.push_back("key-" + std::to_string(i % 50));  // each key four times
  }
  KeyLocks::Guard guard = locks.lock_all(keys);
  const std::vector<std::size_t>& stripes = guard.stripes();
  EXPECT_TRUE(std::is_sorted(stripes.begin(), stripes.end()));
  EXPECT_EQ(std::adjacent_find(stripes.begin(), stripes.end()), stripes.end());
  for (const std::string& key : keys) {
    EXPECT_TRUE(std::binary_search(stripes.begin(), stripes.end(), KeyLocks::stripe_of(key)));
  }
}

TEST(KeyLocks, GuardReleasesItsStripes) {
  KeyLocks locks;
  const std::vector<std::string> keys{"a", "b", "c"};
  { KeyLocks::Guard guard = locks.lock_all(keys); }
  KeyLocks::Guard again = locks.lock_all(keys);
  EXPECT_FALSE(again.stripes().empty());
}

// Two writers lock overlapping key sets listed in opposite orders: taken in stripe order,
// they cannot deadlock, and each one's critical section is exclusive.
TEST(KeyLocks, OverlappingSetsInOppositeOrdersDoNotDeadlock) {
  KeyLocks locks;
  std::vector<std::string> forward;
  for (int i = 0; i < 20; ++i) {
    forward.push_back("item-" + std::to_string(i));
  }
  const std::vector<std::string> backward(forward.rbegin(), forward.rend());
  int shared_counter = 0;
  auto writer = [&](const std::vector<std::string>& keys) {
    for (int i = 0; i < 5000; ++i) {
      KeyLocks::Guard guard = locks.lock_all(keys);
      ++shared_counter;
    }
  };
  std::thread first(writer, forward);
  std::thread second(writer, backward);
  first.join();
  second.join();
  EXPECT_EQ(shared_counter, 10000);
}

}  // namespace
}  // namespace ddblocal::storage
