// TransientStatuses: for --delay-transient-statuses (DynamoDB Local's -delayTransientStatuses),
// how long a table stays CREATING after CreateTable, UPDATING (its new global indexes CREATING)
// after UpdateTable, and DELETING after DeleteTable. The changes themselves are complete at once;
// only what DescribeTable shows and what the table accepts meanwhile follow the delay, so that
// code which must wait for ACTIVE (or for the table to be gone) is tested. Internal to storage/.
// Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>

#include "protocol/table_schema.h"

namespace ddblocal::storage {

class TransientStatuses {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // A zero delay: nothing is ever transient, every call is a no-op.
  explicit TransientStatuses(std::chrono::milliseconds delay,
                             Clock clock = &std::chrono::steady_clock::now);

  void created(std::uint64_t table_uid);
  void updated(std::uint64_t table_uid, std::set<std::string, std::less<>> new_indexes);
  // `description`: the deleted table as DeleteTable answered it (status DELETING).
  void deleted(std::string_view region, std::string_view name, TableDescription description);

  // CREATING or UPDATING while the delay since the change runs, else ACTIVE.
  TableStatus status(std::uint64_t table_uid) const;
  // Whether the index was added by an update whose delay still runs.
  bool index_creating(std::uint64_t table_uid, std::string_view index) const;
  // The description of a table deleted less than the delay ago.
  std::optional<TableDescription> deleting(std::string_view region, std::string_view name) const;

 private:
  struct Change {
    TableStatus status;
    std::chrono::steady_clock::time_point until;
    std::set<std::string, std::less<>> new_indexes;
  };
  struct Deletion {
    std::chrono::steady_clock::time_point until;
    TableDescription description;
  };
  // Runs `change` (given the time now) under the lock, unless the delay is zero.
  void remember(const std::function<void(std::chrono::steady_clock::time_point now)>& change);
  // Drops what has expired. REQUIRES: mutex_ held.
  void forget_expired(std::chrono::steady_clock::time_point now) const;
  const Change* change_of(std::uint64_t table_uid) const;

  const std::chrono::milliseconds delay_;
  const Clock clock_;
  mutable std::mutex mutex_;
  mutable std::map<std::uint64_t, Change> changes_;
  mutable std::map<std::pair<std::string, std::string>, Deletion, std::less<>> deletions_;
};

}  // namespace ddblocal::storage
