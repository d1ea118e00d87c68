// The response bodies of ExecuteStatement and BatchExecuteStatement. (ExecuteTransaction answers
// as TransactGetItems does for reads, and with an empty Responses list for writes.)
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/wire/response_metrics.h"

namespace ddblocal::wire {

// {"Items":[...]}, with "NextToken" when `next_token` is not null, and the ConsumedCapacity
// `metrics` holds.
std::string write_statement_response(const std::vector<Item>& items, const std::string* next_token,
                                     const ResponseMetrics& metrics);

// What one statement of a BatchExecuteStatement did: its table (once the statement named an
// existing one), the item it read or returned, or its error.
struct BatchStatementError {
  std::string code;  // "ValidationError", "ConditionalCheckFailed", "DuplicateItem", ...
  std::string message;
  std::shared_ptr<const Item> item;  // ReturnValuesOnConditionCheckFailure ALL_OLD
};
struct BatchStatementResult {
  std::optional<std::string> table_name;
  std::optional<Item> item;
  std::optional<BatchStatementError> error;
};

// {"Responses":[{"TableName":...,"Item":{...}},{"Error":{"Code":...,"Message":...}},...]},
// and the ConsumedCapacity of each table `metrics` holds.
std::string write_batch_statement_response(const std::vector<BatchStatementResult>& results,
                                           const ResponseMetrics& metrics);

// ExecuteTransaction's writes: {"Responses":[]}, and the ConsumedCapacity of each table.
std::string write_transaction_writes_response(const ResponseMetrics& metrics);

}  // namespace ddblocal::wire
