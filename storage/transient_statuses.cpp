#include "storage/transient_statuses.h"

namespace ddblocal::storage {

TransientStatuses::TransientStatuses(std::chrono::milliseconds delay, Clock clock)
    : delay_(delay), clock_(std::move(clock)) {}

void TransientStatuses::forget_expired(std::chrono::steady_clock::time_point now) const {
  std::erase_if(changes_, [&](const auto& entry) { return entry.second.until <= now; });
  std::erase_if(deletions_, [&](const auto& entry) { return entry.second.until <= now; });
}

void TransientStatuses::remember(
    const std::function<void(std::chrono::steady_clock::time_point now)>& change) {
  if (delay_.count() == 0) {
    return;
  }
  const auto now = clock_();
  std::lock_guard lock(mutex_);
  forget_expired(now);
  change(now);
}

void TransientStatuses::created(std::uint64_t table_uid) {
  remember([&](auto now) { changes_[table_uid] = {TableStatus::kCreating, now + delay_, {}}; });
}

void TransientStatuses::updated(std::uint64_t table_uid,
                                std::set<std::string, std::less<>> new_indexes) {
  remember([&](auto now) {
    changes_[table_uid] = {TableStatus::kUpdating, now + delay_, std::move(new_indexes)};
  });
}

void TransientStatuses::deleted(std::string_view region, std::string_view name,
                                TableDescription description) {
  remember([&](auto now) {
    deletions_[{std::string(region), std::string(name)}] = {now + delay_, std::move(description)};
  });
}

const TransientStatuses::Change* TransientStatuses::change_of(std::uint64_t table_uid) const {
  forget_expired(clock_());
  auto found = changes_.find(table_uid);
  return found == changes_.end() ? nullptr : &found->second;
}

TableStatus TransientStatuses::status(std::uint64_t table_uid) const {
  if (delay_.count() == 0) {
    return TableStatus::kActive;
  }
  std::lock_guard lock(mutex_);
  const Change* change = change_of(table_uid);
  return change == nullptr ? TableStatus::kActive : change->status;
}

bool TransientStatuses::index_creating(std::uint64_t table_uid, std::string_view index) const {
  if (delay_.count() == 0) {
    return false;
  }
  std::lock_guard lock(mutex_);
  const Change* change = change_of(table_uid);
  return change != nullptr && change->new_indexes.contains(index);
}

std::optional<TableDescription> TransientStatuses::deleting(std::string_view region,
                                                            std::string_view name) const {
  if (delay_.count() == 0) {
    return std::nullopt;
  }
  std::lock_guard lock(mutex_);
  forget_expired(clock_());
  auto found = deletions_.find(std::pair{std::string(region), std::string(name)});
  return found == deletions_.end() ? std::nullopt : std::optional(found->second.description);
}

}  // namespace ddblocal::storage
