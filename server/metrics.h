// Metrics: what GET /metrics shows, in Prometheus's text format: requests, errors and latency
// histograms per operation, each table's items and bytes, RocksDB's own figures. Recording is
// a few relaxed atomic additions on a shard of the calling thread's own, so that the data path
// pays next to nothing and threads do not contend for one cache line.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/api_error.h"
#include "storage/store.h"

namespace ddblocal {

class Metrics {
 public:
  // Upper bounds of the latency histogram's buckets, in seconds (then +Inf).
  static constexpr double kLatencyBuckets[] = {0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025,
                                               0.005,   0.01,   0.025,   0.05,   0.1,   0.25,
                                               0.5,     1,      2.5,     5,      10};
  // Error types are counted by ErrorType's value, up to this many.
  static constexpr std::size_t kErrorTypes = 32;

  // `operations`: the names RoutedResponse::operation indexes (Router::operations()).
  explicit Metrics(std::vector<std::string_view> operations);
  ~Metrics();
  Metrics(const Metrics&) = delete;
  Metrics& operator=(const Metrics&) = delete;

  // Counts one answered request: `operation` indexes the operations, nullopt for a request that
  // named none (a health check, an unknown target, a preflight). Thread-safe.
  void record(std::optional<std::size_t> operation, std::optional<ErrorType> error,
              std::chrono::nanoseconds latency);

  // The text of GET /metrics, with the tables and RocksDB's figures read from `store` now.
  std::string render(storage::Store& store) const;

 private:
  static constexpr std::size_t kBuckets = std::size(kLatencyBuckets) + 1;
  static constexpr std::size_t kShards = 8;

  struct alignas(64) Counters {
    std::atomic<std::uint64_t> requests{0};
    std::atomic<std::uint64_t> latency_nanoseconds{0};
    std::atomic<std::uint64_t> buckets[kBuckets]{};
    std::atomic<std::uint64_t> errors[kErrorTypes]{};
  };
  // The sums over every shard, for rendering.
  struct Totals {
    std::uint64_t requests = 0;
    std::uint64_t latency_nanoseconds = 0;
    std::uint64_t buckets[kBuckets]{};
    std::uint64_t errors[kErrorTypes]{};
  };

  Counters& counters(std::size_t shard, std::size_t slot) const {
    return counters_[shard * slots_ + slot];
  }
  Totals totals(std::size_t slot) const;
  void render_requests(std::string& out) const;

  std::vector<std::string_view> operations_;
  std::size_t slots_;  // one per operation, then one for requests naming none
  std::unique_ptr<Counters[]> counters_;
  std::array<std::uint64_t, kBuckets - 1> bucket_bounds_ns_{};
};

}  // namespace ddblocal
