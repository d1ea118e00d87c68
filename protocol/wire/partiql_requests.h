// The requests of ExecuteStatement, BatchExecuteStatement and ExecuteTransaction, and their
// parsers: member constraints with DynamoDB's "N validation errors detected" messages, the
// Parameters decoded as AttributeValues. The statements themselves are parsed by
// protocol/partiql/, once per statement, so that a batch reports each one's error in its place.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/capacity.h"
#include "protocol/result.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// The statement limits of the API Reference.
inline constexpr std::size_t kMaxStatementLength = 8192;
inline constexpr std::size_t kMaxBatchStatements = 25;
inline constexpr std::size_t kMaxTransactionStatements = 100;
inline constexpr std::size_t kMaxNextTokenLength = 32768;

// One statement with what the request says about it.
struct StatementRequest {
  std::string statement;
  std::vector<AttributeValue> parameters;
  bool consistent_read = false;
  // ReturnValuesOnConditionCheckFailure ALL_OLD.
  bool return_old_item_on_condition_failure = false;
};

struct ExecuteStatementRequest {
  StatementRequest statement;
  std::optional<std::int64_t> limit;
  std::optional<std::string> next_token;
  // SHA-256 of the statement and its parameters: a NextToken belongs to one of them.
  std::string digest;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
};

struct BatchExecuteStatementRequest {
  std::vector<StatementRequest> statements;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
};

struct ExecuteTransactionRequest {
  std::vector<StatementRequest> statements;
  std::optional<std::string> client_request_token;
  // SHA-256 of TransactStatements as sent, for ClientRequestToken idempotency.
  std::string digest;
  capacity::Report return_consumed_capacity = capacity::Report::kNone;
};

Result<ExecuteStatementRequest> parse_execute_statement(const JsonValue& body);
Result<BatchExecuteStatementRequest> parse_batch_execute_statement(const JsonValue& body);
Result<ExecuteTransactionRequest> parse_execute_transaction(const JsonValue& body);

// Where a SELECT's next page starts: which of its Queries (0 for a Scan), after which key.
struct PageToken {
  std::string digest;  // of the request it continues (ExecuteStatementRequest::digest)
  std::size_t query = 0;
  Item exclusive_start_key;
};

// The NextToken of a page: opaque text of at most kMaxNextTokenLength characters.
std::string encode_page_token(const PageToken& token);
// The token a client sent back. Fails with DynamoDB's "Invalid NextToken" for text that is not
// one, and "NextToken does not match request" for the token of another statement.
Result<PageToken> decode_page_token(std::string_view text, std::string_view digest);

}  // namespace ddblocal::wire
