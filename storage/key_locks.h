// KeyLocks: a striped lock table that serializes the read-check-write of writes to items,
// without a global lock. Two keys may share a stripe; that only costs concurrency.
#pragma once

#include <array>
#include <cstddef>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ddblocal::storage {

class KeyLocks {
 public:
  static constexpr std::size_t kStripes = 4096;

  // The stripes of several keys held together; released when destroyed.
  class Guard {
   public:
    Guard(Guard&&) = default;
    ~Guard();
    // The stripes held, ascending and distinct: the order they were taken in.
    const std::vector<std::size_t>& stripes() const { return stripes_; }

   private:
    friend class KeyLocks;
    Guard(KeyLocks& locks, std::vector<std::size_t> stripes);

    KeyLocks* locks_;
    std::vector<std::size_t> stripes_;
  };

  static std::size_t stripe_of(std::string_view item_key);

  // Locks the stripe of an encoded item key until the returned lock is destroyed.
  std::unique_lock<std::mutex> lock(std::string_view item_key);
  // Locks the stripes of every key. Every caller takes stripes in ascending order, so
  // writers of overlapping key sets cannot deadlock.
  Guard lock_all(std::span<const std::string> item_keys);
  // Returns once every lock held when it was called has been released, taking and releasing
  // each stripe in turn: every write under way when it was called has then finished.
  void wait_for_writers();

 private:
  std::array<std::mutex, kStripes> stripes_;
};

}  // namespace ddblocal::storage
