// Housekeeping: a background thread that runs the store's Time to Live sweep (deleting expired
// items) every sweep interval, and trims change records past their retention every minute.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "storage/store.h"

namespace ddblocal {

struct HousekeepingOptions {
  // How often expired items are looked for; nullopt: never (TTL deletion switched off).
  std::optional<std::chrono::milliseconds> ttl_sweep_interval = std::chrono::seconds(1);
  std::chrono::milliseconds retention_interval = std::chrono::minutes(1);
};

// The options of a sweep interval in seconds, as configured: 0 switches deletion off.
HousekeepingOptions housekeeping_options(double ttl_sweep_interval_seconds);

class Housekeeping {
 public:
  // Starts the thread. `store` outlives this object (or its stop()).
  Housekeeping(storage::Store& store, HousekeepingOptions options);
  ~Housekeeping();
  Housekeeping(const Housekeeping&) = delete;
  Housekeeping& operator=(const Housekeeping&) = delete;

  // Stops the thread once the task it runs (if any) is done; idempotent.
  void stop();

 private:
  void run();
  void sweep();
  void trim();

  storage::Store& store_;
  const HousekeepingOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace ddblocal
