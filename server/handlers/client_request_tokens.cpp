#include "server/handlers/client_request_tokens.h"

namespace ddblocal {

ClientRequestTokens::Claim ClientRequestTokens::claim(const std::string& token,
                                                      const std::string& digest,
                                                      Clock::time_point now) {
  std::lock_guard lock(mutex_);
  expire(now);
  auto [entry, inserted] = entries_.try_emplace(token, Entry{digest, false, {}});
  if (inserted) {
    return Claim::kNew;
  }
  if (entry->second.digest != digest) {
    return Claim::kMismatch;
  }
  return entry->second.done ? Claim::kRepeat : Claim::kInProgress;
}

void ClientRequestTokens::finish(const std::string& token, bool succeeded, Clock::time_point now,
                                 capacity::Consumption replay) {
  std::lock_guard lock(mutex_);
  if (!succeeded) {
    entries_.erase(token);
    return;
  }
  Entry& entry = entries_[token];
  entry.done = true;
  entry.replay = std::move(replay);
  expiries_.emplace_back(now + kWindow, token);
}

capacity::Consumption ClientRequestTokens::replay_of(const std::string& token) {
  std::lock_guard lock(mutex_);
  auto found = entries_.find(token);
  return found != entries_.end() ? found->second.replay : capacity::Consumption();
}

void ClientRequestTokens::expire(Clock::time_point now) {
  while (!expiries_.empty() && expiries_.front().first <= now) {
    entries_.erase(expiries_.front().second);
    expiries_.pop_front();
  }
}

}  // namespace ddblocal
