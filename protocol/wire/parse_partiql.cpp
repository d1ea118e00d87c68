// Parsing and validation of ExecuteStatement, BatchExecuteStatement and ExecuteTransaction, and
// the NextToken of a SELECT's pages. Member constraints are the API model's (Statement 1 to
// 8192 characters, Parameters at least one, Statements 1 to 25, TransactStatements 1 to 100,
// ClientRequestToken 1 to 36, Limit at least 1, NextToken 1 to 32768), reported together as the
// other operations report theirs.
#include <string>
#include <string_view>
#include <utility>

#include "protocol/wire/digest.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/fields.h"
#include "protocol/wire/item_members.h"
#include "protocol/wire/partiql_requests.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {
namespace {

constexpr StringRule kStatementRule{
    .required = true, .min_length = 1, .max_length = kMaxStatementLength};
constexpr ListRule kParametersRule{.min_length = 1};
constexpr IntegerRule kLimitRule{.min = 1};
constexpr StringRule kNextTokenRule{.min_length = 1, .max_length = kMaxNextTokenLength};
constexpr StringRule kClientRequestTokenRule{.min_length = 1, .max_length = 36};
constexpr ListRule kStatementsRule{
    .required = true, .min_length = 1, .max_length = kMaxBatchStatements};
constexpr ListRule kTransactStatementsRule{
    .required = true, .min_length = 1, .max_length = kMaxTransactionStatements};

// DynamoDB prints a list in its messages with each element's Java toString; ddblocal abbreviates
// it, as no client reads it.
std::string_view rendered(const JsonValue* list) {
  return list != nullptr && list->Empty() ? "[]" : "[...]";
}

std::optional<std::size_t> size_of(const JsonValue* list) {
  return list != nullptr ? std::optional<std::size_t>(list->Size()) : std::nullopt;
}

// One statement's members, as read and checked; its parameters decoded once every constraint
// of the request passed.
struct StatementMembers {
  std::optional<std::string_view> statement;
  const JsonValue* parameters = nullptr;
  std::optional<bool> consistent_read;
  std::optional<std::string_view> on_failure;
};

// Reads the members of one statement object, recording constraint violations under `path`
// ("" for ExecuteStatement, "statements.1.member." inside a list).
Result<StatementMembers> read_statement(const JsonValue& object, const std::string& path,
                                        Violations& violations) {
  StatementMembers members;
  DDB_ASSIGN_OR_RETURN(members.statement, optional_string(object, "Statement"));
  DDB_ASSIGN_OR_RETURN(members.parameters, optional_array(object, "Parameters"));
  if (members.parameters != nullptr) {
    // Their JSON types now, their values once every member's constraints passed.
    for (const JsonValue& parameter : members.parameters->GetArray()) {
      DDB_RETURN_IF_ERROR(check_value_shapes(parameter));
    }
  }
  DDB_ASSIGN_OR_RETURN(members.consistent_read, optional_bool(object, "ConsistentRead"));
  DDB_ASSIGN_OR_RETURN(members.on_failure,
                       optional_string(object, "ReturnValuesOnConditionCheckFailure"));
  check(violations, path + "statement", members.statement, kStatementRule);
  check(violations, path + "parameters", size_of(members.parameters), rendered(members.parameters),
        kParametersRule);
  check(violations, path + "returnValuesOnConditionCheckFailure", members.on_failure,
        kReturnValuesOnConditionCheckFailureRule);
  return members;
}

Result<StatementRequest> to_request(const StatementMembers& members) {
  StatementRequest request;
  request.statement = std::string(*members.statement);
  if (members.parameters != nullptr) {
    for (const JsonValue& parameter : members.parameters->GetArray()) {
      DDB_ASSIGN_OR_RETURN(AttributeValue value, decode_value(parameter));
      request.parameters.push_back(std::move(value));
    }
  }
  request.consistent_read = members.consistent_read.value_or(false);
  request.return_old_item_on_condition_failure = members.on_failure == "ALL_OLD";
  return request;
}

// The statement objects of a Statements or TransactStatements list; `shape` names them in the
// API model.
Result<std::vector<StatementRequest>> read_statements(const JsonValue& list,
                                                      std::string_view member,
                                                      std::string_view shape,
                                                      Violations& violations) {
  std::vector<StatementMembers> read;
  std::size_t position = 0;
  for (const JsonValue& element : list.GetArray()) {
    DDB_ASSIGN_OR_RETURN(const JsonValue* object, object_value(element, shape));
    const std::string path = std::string(member) + "." + std::to_string(++position) + ".member.";
    DDB_ASSIGN_OR_RETURN(StatementMembers members, read_statement(*object, path, violations));
    read.push_back(members);
  }
  DDB_RETURN_IF_ERROR(violations.to_result());
  std::vector<StatementRequest> statements;
  for (const StatementMembers& members : read) {
    DDB_ASSIGN_OR_RETURN(StatementRequest statement, to_request(members));
    statements.push_back(std::move(statement));
  }
  return statements;
}

std::optional<std::string> owned(std::optional<std::string_view> text) {
  return text ? std::optional<std::string>(*text) : std::nullopt;
}

constexpr char kHexDigits[] = "0123456789abcdef";

std::string to_hex(std::string_view bytes) {
  std::string hex;
  for (char c : bytes) {
    const auto byte = static_cast<unsigned char>(c);
    hex.push_back(kHexDigits[byte >> 4]);
    hex.push_back(kHexDigits[byte & 0xF]);
  }
  return hex;
}

std::optional<std::string> from_hex(std::string_view hex) {
  auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
  };
  if (hex.size() % 2 != 0) {
    return std::nullopt;
  }
  std::string bytes;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = digit(hex[i]);
    const int low = digit(hex[i + 1]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    bytes.push_back(static_cast<char>(high * 16 + low));
  }
  return bytes;
}

}  // namespace

Result<ExecuteStatementRequest> parse_execute_statement(const JsonValue& body) {
  Violations violations;
  DDB_ASSIGN_OR_RETURN(StatementMembers members, read_statement(body, "", violations));
  DDB_ASSIGN_OR_RETURN(auto limit, optional_integer(body, "Limit"));
  DDB_ASSIGN_OR_RETURN(auto next_token, optional_string(body, "NextToken"));
  DDB_ASSIGN_OR_RETURN(auto capacity, optional_string(body, "ReturnConsumedCapacity"));
  check(violations, "limit", limit, kLimitRule);
  check(violations, "nextToken", next_token, kNextTokenRule);
  check(violations, "returnConsumedCapacity", capacity, kReturnConsumedCapacityRule);
  DDB_RETURN_IF_ERROR(violations.to_result());

  ExecuteStatementRequest request;
  DDB_ASSIGN_OR_RETURN(request.statement, to_request(members));
  request.limit = limit;
  request.next_token = owned(next_token);
  request.return_consumed_capacity = consumed_capacity_report(capacity);
  std::string signed_part = request.statement.statement;
  signed_part.push_back('\0');
  if (members.parameters != nullptr) {
    signed_part += digest_of(*members.parameters);
  }
  request.digest = digest_of(signed_part);
  return request;
}

Result<BatchExecuteStatementRequest> parse_batch_execute_statement(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* list, optional_array(body, "Statements"));
  DDB_ASSIGN_OR_RETURN(auto capacity, optional_string(body, "ReturnConsumedCapacity"));
  Violations violations;
  check(violations, "statements", size_of(list), rendered(list), kStatementsRule);
  check(violations, "returnConsumedCapacity", capacity, kReturnConsumedCapacityRule);
  DDB_RETURN_IF_ERROR(violations.to_result());

  BatchExecuteStatementRequest request;
  DDB_ASSIGN_OR_RETURN(request.statements,
                       read_statements(*list, "statements", "BatchStatementRequest", violations));
  request.return_consumed_capacity = consumed_capacity_report(capacity);
  return request;
}

Result<ExecuteTransactionRequest> parse_execute_transaction(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* list, optional_array(body, "TransactStatements"));
  DDB_ASSIGN_OR_RETURN(auto token, optional_string(body, "ClientRequestToken"));
  DDB_ASSIGN_OR_RETURN(auto capacity, optional_string(body, "ReturnConsumedCapacity"));
  Violations violations;
  check(violations, "transactStatements", size_of(list), rendered(list), kTransactStatementsRule);
  check(violations, "clientRequestToken", token, kClientRequestTokenRule);
  check(violations, "returnConsumedCapacity", capacity, kReturnConsumedCapacityRule);
  DDB_RETURN_IF_ERROR(violations.to_result());

  ExecuteTransactionRequest request;
  DDB_ASSIGN_OR_RETURN(request.statements, read_statements(*list, "transactStatements",
                                                           "ParameterizedStatement", violations));
  request.client_request_token = owned(token);
  request.digest = digest_of(*list);
  request.return_consumed_capacity = consumed_capacity_report(capacity);
  return request;
}

std::string encode_page_token(const PageToken& token) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  writer.Key("d");
  writer.String(to_hex(token.digest));
  writer.Key("q");
  writer.Uint64(token.query);
  writer.Key("k");
  write_item(writer, token.exclusive_start_key);
  writer.EndObject();
  return to_hex(std::string_view(buffer.GetString(), buffer.GetSize()));
}

Result<PageToken> decode_page_token(std::string_view text, std::string_view digest) {
  const ApiError invalid = ApiError::validation("Invalid NextToken");
  std::optional<std::string> json = from_hex(text);
  JsonDocument document;
  if (!json || !parse_request_body(*json, document)) {
    return invalid;
  }
  const JsonValue* d = document.HasMember("d") ? &document["d"] : nullptr;
  const JsonValue* q = document.HasMember("q") ? &document["q"] : nullptr;
  const JsonValue* k = document.HasMember("k") ? &document["k"] : nullptr;
  if (d == nullptr || !d->IsString() || q == nullptr || !q->IsUint64() || k == nullptr ||
      !k->IsObject()) {
    return invalid;
  }
  std::optional<std::string> token_digest =
      from_hex(std::string_view(d->GetString(), d->GetStringLength()));
  Result<Item> key = decode_item(*k);
  if (!token_digest || !key) {
    return invalid;
  }
  if (*token_digest != digest) {
    return ApiError::validation("NextToken does not match request");
  }
  return PageToken{std::move(*token_digest), static_cast<std::size_t>(q->GetUint64()),
                   std::move(key).value()};
}

}  // namespace ddblocal::wire
