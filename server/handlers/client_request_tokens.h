// ClientRequestTokens: the idempotency of TransactWriteItems. A ClientRequestToken names one
// request for 10 minutes after that request succeeded: a retry of it (same TransactItems)
// succeeds again without writing, a different request under the token is refused. A retry
// reports, as its ConsumedCapacity, the read of the items the request wrote.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <string>
#include <unordered_map>

#include "protocol/capacity.h"

namespace ddblocal {

class ClientRequestTokens {
 public:
  using Clock = std::chrono::steady_clock;
  // DynamoDB's idempotency window (TransactWriteItems in the API Reference).
  static constexpr Clock::duration kWindow = std::chrono::minutes(10);

  enum class Claim {
    kNew,         // run the request, then call finish
    kRepeat,      // the same request succeeded already: answer success, write nothing
    kMismatch,    // another request holds the token: IdempotentParameterMismatchException
    kInProgress,  // the same request is running now: TransactionInProgressException
  };

  // Claims `token` for the request whose TransactItems have `digest`.
  Claim claim(const std::string& token, const std::string& digest, Clock::time_point now);
  // Ends a kNew claim: a success keeps the token for kWindow, with what a retry of it consumes
  // (`replay`); a failure frees it (a canceled request is not remembered, so its retry runs
  // again).
  void finish(const std::string& token, bool succeeded, Clock::time_point now,
              capacity::Consumption replay = {});
  // What a retry of the request that holds `token` consumes; nothing once the token expired.
  capacity::Consumption replay_of(const std::string& token);

 private:
  struct Entry {
    std::string digest;
    bool done = false;
    capacity::Consumption replay;
  };

  // Forgets tokens whose window ended.
  void expire(Clock::time_point now);

  std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  // Finished tokens in the order their windows end.
  std::deque<std::pair<Clock::time_point, std::string>> expiries_;
};

}  // namespace ddblocal
