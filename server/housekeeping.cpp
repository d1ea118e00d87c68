#include "server/housekeeping.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "protocol/clock.h"

namespace ddblocal {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

HousekeepingOptions housekeeping_options(double ttl_sweep_interval_seconds) {
  HousekeepingOptions options;
  options.ttl_sweep_interval.reset();
  if (ttl_sweep_interval_seconds > 0) {
    options.ttl_sweep_interval = std::max(
        std::chrono::milliseconds(1),
        std::chrono::milliseconds(static_cast<std::int64_t>(ttl_sweep_interval_seconds * 1000)));
  }
  return options;
}

Housekeeping::Housekeeping(storage::Store& store, HousekeepingOptions options)
    : store_(store), options_(options), thread_([this] { run(); }) {}

Housekeeping::~Housekeeping() {
  stop();
}

void Housekeeping::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) {
    thread_.join();
  }
}

void Housekeeping::run() {
  // Records may have outlived their retention while the server was down: trim at once.
  Clock::time_point next_trim = Clock::now();
  Clock::time_point next_sweep =
      Clock::now() + options_.ttl_sweep_interval.value_or(std::chrono::hours(24 * 365));
  std::unique_lock lock(mutex_);
  while (!wake_.wait_until(lock, std::min(next_trim, next_sweep), [this] { return stopping_; })) {
    lock.unlock();
    const Clock::time_point now = Clock::now();
    if (options_.ttl_sweep_interval && now >= next_sweep) {
      sweep();
      next_sweep = Clock::now() + *options_.ttl_sweep_interval;
    }
    if (now >= next_trim) {
      trim();
      next_trim = Clock::now() + options_.retention_interval;
    }
    lock.lock();
  }
}

void Housekeeping::sweep() {
  Result<std::size_t> deleted = store_.delete_expired(unix_seconds());
  if (!deleted) {
    spdlog::warn("Time to Live sweep failed: {}", deleted.error().message());
  } else if (*deleted > 0) {
    spdlog::debug("Time to Live sweep deleted {} expired items", *deleted);
  }
}

void Housekeeping::trim() {
  Result<void> trimmed = store_.trim_change_logs(unix_ms());
  if (!trimmed) {
    spdlog::warn("trimming change records failed: {}", trimmed.error().message());
  }
}

}  // namespace ddblocal
