#include "server/handlers/transaction_outcome.h"

#include <algorithm>

namespace ddblocal {

Result<void> check_distinct_items(const ItemTargets& targets) {
  if (targets.first_repeated()) {
    return ApiError::validation(
        "Transaction request cannot include multiple operations on one item");
  }
  return {};
}

ApiError canceled_by_validation(std::size_t actions, std::size_t failed, const ApiError& error) {
  std::vector<CancellationReason> reasons(actions, CancellationReason{"None", "", nullptr});
  reasons[failed] = {"ValidationError", error.message(), nullptr};
  return ApiError::transaction_canceled(std::move(reasons));
}

Result<std::vector<CancellationReason>> cancellation_reasons(
    const std::vector<std::optional<ApiError>>& failures) {
  std::vector<CancellationReason> reasons;
  for (const std::optional<ApiError>& failure : failures) {
    if (!failure) {
      reasons.push_back({"None", "", nullptr});
    } else if (failure->type() == ErrorType::kConditionalCheckFailed) {
      const Item* item = failure->item();
      reasons.push_back({"ConditionalCheckFailed", failure->message(),
                         item != nullptr ? std::make_shared<const Item>(*item) : nullptr});
    } else if (failure->type() == ErrorType::kValidation ||
               failure->type() == ErrorType::kDuplicateItem) {
      // A PartiQL INSERT of a key that exists is a ValidationError in a transaction.
      reasons.push_back({"ValidationError", failure->message(), nullptr});
    } else {
      return *failure;
    }
  }
  return reasons;
}

capacity::Consumption replay_consumption(const std::vector<storage::ItemAddress>& addresses,
                                         const std::vector<storage::ItemWrite>& writes) {
  capacity::Consumption replay;
  for (std::size_t i = 0; i < writes.size(); ++i) {
    const std::size_t before = writes[i].old_item ? item_size(*writes[i].old_item) : 0;
    const std::size_t after = writes[i].new_item ? item_size(*writes[i].new_item) : 0;
    replay.of(addresses[i].table->schema.table_name).table.read +=
        capacity::read_units(std::max(before, after), capacity::Read::kTransactional);
  }
  return replay;
}

Result<std::string> run_once(
    RequestContext& context, const std::optional<std::string>& token, const std::string& digest,
    const std::function<std::string(const capacity::Consumption& replay)>& repeat_answer,
    const std::function<Result<std::string>(capacity::Consumption* replay)>& run) {
  if (!token) {
    return run(nullptr);
  }
  ClientRequestTokens& tokens = context.client_request_tokens;
  switch (tokens.claim(*token, digest, ClientRequestTokens::Clock::now())) {
    case ClientRequestTokens::Claim::kRepeat:
      return repeat_answer(tokens.replay_of(*token));
    case ClientRequestTokens::Claim::kMismatch:
      return ApiError::idempotent_parameter_mismatch(
          "DynamoDB rejected the request because you retried a request with a different payload "
          "but with an idempotent token that was already used.");
    case ClientRequestTokens::Claim::kInProgress:
      return ApiError::transaction_in_progress(
          "The transaction with the given request token is already in progress.");
    case ClientRequestTokens::Claim::kNew:
      break;
  }
  capacity::Consumption replay;
  Result<std::string> answer = run(&replay);
  tokens.finish(*token, answer.has_value(), ClientRequestTokens::Clock::now(), std::move(replay));
  return answer;
}

}  // namespace ddblocal
