// What TransactWriteItems and ExecuteTransaction share around the store's write_all: one
// action per item, the TransactionCanceledException of a transaction that cannot commit, and
// ClientRequestToken idempotency.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "protocol/api_error.h"
#include "protocol/capacity.h"
#include "protocol/result.h"
#include "server/handlers/handler.h"
#include "server/handlers/item_targets.h"

namespace ddblocal {

// A transaction names each item once: DynamoDB refuses two actions (or two reads) on one item.
Result<void> check_distinct_items(const ItemTargets& targets);

// A canceled transaction of `actions` actions where action `failed` broke a rule before
// anything was read: that action's reason is the rule, every other action's "None".
ApiError canceled_by_validation(std::size_t actions, std::size_t failed, const ApiError& error);

// The reasons of a transaction some of whose changes failed (write_all's failures), in order.
// Fails instead with an error that is not an action's fault (storage).
Result<std::vector<CancellationReason>> cancellation_reasons(
    const std::vector<std::optional<ApiError>>& failures);

// What a retry under the same ClientRequestToken consumes: a transactional read of each item
// the transaction wrote or checked, as large as the write was charged (Developer Guide,
// "Capacity management for transactions": a repeated call returns the read capacity units
// consumed in reading the items).
capacity::Consumption replay_consumption(const std::vector<storage::ItemAddress>& addresses,
                                         const std::vector<storage::ItemWrite>& writes);

// Runs `run` (a transaction whose request has `digest`) once for its ClientRequestToken, if
// any: a retry of a request that succeeded answers `repeat_answer` of what `run` left in its
// `replay` (what the retry consumes) without running it again, a different request under the
// token is refused, one still running is reported in progress. Without a token, `run` gets no
// `replay`.
Result<std::string> run_once(
    RequestContext& context, const std::optional<std::string>& token, const std::string& digest,
    const std::function<std::string(const capacity::Consumption& replay)>& repeat_answer,
    const std::function<Result<std::string>(capacity::Consumption* replay)>& run);

}  // namespace ddblocal
