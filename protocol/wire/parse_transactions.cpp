// Parsing and validation of TransactWriteItems and TransactGetItems. Every member constraint
// of every action is reported in one message, as DynamoDB's validator does; texts follow
// /work/notes/messages-batch-txn.md.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/wire/digest.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/fields.h"
#include "protocol/wire/item_members.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/table_names.h"

namespace ddblocal::wire {
namespace {

constexpr StringRule kClientRequestTokenRule{.min_length = 1, .max_length = 36};
constexpr ListRule kTransactItemsRule{
    .required = true, .min_length = 1, .max_length = kMaxTransactionActions};

// How a TransactWriteItems action is spelled in a request and in constraint paths.
struct ActionMember {
  TransactionAction action;
  std::string_view member;  // "Put"
  std::string_view path;    // "put"
  std::string_view item_member;
  ExpressionMembersAllowed expressions;
};

constexpr std::array<ActionMember, 4> kActionMembers{{
    {TransactionAction::kConditionCheck, "ConditionCheck", "conditionCheck", "Key",
     kTransactCondition},
    {TransactionAction::kPut, "Put", "put", "Item", kTransactCondition},
    {TransactionAction::kDelete, "Delete", "delete", "Key", kTransactCondition},
    {TransactionAction::kUpdate, "Update", "update", "Key", kTransactUpdate},
}};

// DynamoDB prints the list in the message with each element's Java toString; ddblocal
// abbreviates it, as no client reads it.
constexpr std::string_view kRenderedList = "[...]";

// TransactItems checked as a list: present, 1 to 100 elements.
Result<const JsonValue*> read_transact_items(const JsonValue& body, Violations& violations) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* items, optional_array(body, "TransactItems"));
  std::optional<std::size_t> size;
  if (items != nullptr) {
    size = items->Size();
  }
  check(violations, "transactItems", size,
        items != nullptr && items->Empty() ? "[]" : kRenderedList, kTransactItemsRule);
  return items;
}

// One action of a TransactWriteItems, its member constraints recorded in `violations`.
struct ParsedAction {
  const ActionMember* member = nullptr;
  const JsonValue* json = nullptr;
  DecodedAttributes attributes;
  std::optional<std::string_view> table_name;
  bool return_old_item = false;
  // An element with no action or several: reported once every member constraint passed.
  std::optional<ApiError> element_error;
};

Result<ParsedAction> read_action_members(const ActionMember& member, const JsonValue& json,
                                         std::size_t position, Violations& violations) {
  ParsedAction parsed;
  parsed.member = &member;
  parsed.json = &json;
  const std::string path =
      "transactItems." + std::to_string(position) + ".member." + std::string(member.path) + ".";
  DDB_ASSIGN_OR_RETURN(parsed.table_name, optional_string(json, "TableName"));
  DDB_ASSIGN_OR_RETURN(parsed.attributes, decode_attributes(json, member.item_member));
  DDB_ASSIGN_OR_RETURN(auto on_failure,
                       optional_string(json, "ReturnValuesOnConditionCheckFailure"));
  DDB_ASSIGN_OR_RETURN(auto condition, optional_string(json, "ConditionExpression"));
  DDB_ASSIGN_OR_RETURN(auto update, optional_string(json, "UpdateExpression"));
  DDB_RETURN_IF_ERROR(read_expression_member_types(json, member.expressions));
  check_table_name_or_arn(violations, path + "tableName", parsed.table_name);
  check_present(violations, path + (member.item_member == "Item" ? "item" : "key"),
                parsed.attributes.present);
  check(violations, path + "returnValuesOnConditionCheckFailure", on_failure,
        kReturnValuesOnConditionCheckFailureRule);
  if (member.action == TransactionAction::kConditionCheck) {
    check_present(violations, path + "conditionExpression", condition.has_value());
  }
  if (member.action == TransactionAction::kUpdate) {
    check_present(violations, path + "updateExpression", update.has_value());
  }
  parsed.return_old_item = on_failure == "ALL_OLD";
  return parsed;
}

// Every action an element holds is read and constrained, as DynamoDB's validator walks the
// whole request (architect/dynalite test/transactWriteItem.js lists a Put's and a Delete's
// missing members of one element together).
Result<ParsedAction> read_write_action(const JsonValue& element, std::size_t position,
                                       Violations& violations) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* object, object_value(element, "TransactWriteItem"));
  ParsedAction parsed;
  std::size_t actions = 0;
  for (const ActionMember& member : kActionMembers) {
    DDB_ASSIGN_OR_RETURN(const JsonValue* json, optional_object(*object, member.member));
    if (json != nullptr) {
      ++actions;
      DDB_ASSIGN_OR_RETURN(parsed, read_action_members(member, *json, position, violations));
    }
  }
  if (actions == 0) {
    parsed.element_error = ApiError::validation(
        "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request");
  } else if (actions > 1) {
    parsed.element_error =
        ApiError::validation("TransactItems can only contain one of Check, Put, Update or Delete");
  }
  return parsed;
}

// The action once every constraint passed: attribute values, size, expressions.
Result<TransactWrite> to_transact_write(ParsedAction parsed) {
  if (parsed.attributes.deferred) {
    return std::move(*parsed.attributes.deferred);
  }
  const TransactionAction action = parsed.member->action;
  if (action == TransactionAction::kPut &&
      item_size(parsed.attributes.attributes) > kMaxItemBytes) {
    return ApiError::validation("Item size has exceeded the maximum allowed size");
  }
  DDB_ASSIGN_OR_RETURN(auto expressions,
                       parse_expression_members(*parsed.json, parsed.member->expressions));
  return TransactWrite{action,
                       std::string(*parsed.table_name),
                       std::move(parsed.attributes.attributes),
                       std::move(expressions.condition),
                       std::move(expressions.update),
                       parsed.return_old_item};
}

}  // namespace

Result<TransactWriteItemsRequest> parse_transact_write_items(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto capacity, optional_string(body, "ReturnConsumedCapacity"));
  DDB_ASSIGN_OR_RETURN(auto metrics, optional_string(body, "ReturnItemCollectionMetrics"));
  DDB_ASSIGN_OR_RETURN(auto token, optional_string(body, "ClientRequestToken"));
  // One message for the top-level members and every action's (paritysuite/dynamodb-conformance
  // tests/tier3/validation-ordering/transactions.test.ts, 2026-10-09), the token first.
  Violations violations;
  check(violations, "clientRequestToken", token, kClientRequestTokenRule);
  check(violations, "returnConsumedCapacity", capacity, kReturnConsumedCapacityRule);
  check(violations, "returnItemCollectionMetrics", metrics, kReturnItemCollectionMetricsRule);
  DDB_ASSIGN_OR_RETURN(const JsonValue* items, read_transact_items(body, violations));
  std::vector<ParsedAction> parsed;
  for (std::size_t i = 0; items != nullptr && i < items->Size(); ++i) {
    DDB_ASSIGN_OR_RETURN(auto action, read_write_action((*items)[i], i + 1, violations));
    parsed.push_back(std::move(action));
  }
  DDB_RETURN_IF_ERROR(violations.to_result());
  for (const ParsedAction& action : parsed) {
    if (action.element_error) {
      return *action.element_error;
    }
  }

  TransactWriteItemsRequest request;
  request.digest = digest_of(*items);
  request.return_consumed_capacity = consumed_capacity_report(capacity);
  request.return_item_collection_metrics = item_collection_metrics_asked(metrics);
  if (token) {
    request.client_request_token = std::string(*token);
  }
  std::size_t payload = 0;
  for (ParsedAction& action : parsed) {
    DDB_ASSIGN_OR_RETURN(auto write, to_transact_write(std::move(action)));
    if (write.action == TransactionAction::kPut) {
      payload += item_size(write.item);
    }
    request.actions.push_back(std::move(write));
  }
  if (payload > kMaxTransactionBytes) {
    return ApiError::validation("Transaction payload size cannot exceed 4MB. Payload Size: " +
                                std::to_string(payload));
  }
  return request;
}

Result<TransactGetItemsRequest> parse_transact_get_items(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto capacity, optional_string(body, "ReturnConsumedCapacity"));
  Violations violations;
  check(violations, "returnConsumedCapacity", capacity, kReturnConsumedCapacityRule);
  DDB_ASSIGN_OR_RETURN(const JsonValue* items, read_transact_items(body, violations));

  struct ParsedGet {
    const JsonValue* json;
    std::optional<std::string_view> table_name;
    DecodedAttributes key;
  };
  std::vector<ParsedGet> parsed;
  for (std::size_t i = 0; items != nullptr && i < items->Size(); ++i) {
    const std::string path = "transactItems." + std::to_string(i + 1) + ".member.get";
    DDB_ASSIGN_OR_RETURN(const JsonValue* object, object_value((*items)[i], "TransactGetItem"));
    DDB_ASSIGN_OR_RETURN(const JsonValue* get, optional_object(*object, "Get"));
    if (get == nullptr) {
      violations.add(path, std::nullopt, "Member must not be null");
      continue;
    }
    ParsedGet entry{get, std::nullopt, {}};
    DDB_ASSIGN_OR_RETURN(entry.table_name, optional_string(*get, "TableName"));
    DDB_ASSIGN_OR_RETURN(entry.key, decode_attributes(*get, "Key"));
    DDB_RETURN_IF_ERROR(read_expression_member_types(*get, kTransactProjection));
    check_table_name_or_arn(violations, path + ".tableName", entry.table_name);
    check_present(violations, path + ".key", entry.key.present);
    parsed.push_back(std::move(entry));
  }
  DDB_RETURN_IF_ERROR(violations.to_result());

  TransactGetItemsRequest request;
  request.return_consumed_capacity = consumed_capacity_report(capacity);
  for (ParsedGet& entry : parsed) {
    if (entry.key.deferred) {
      return std::move(*entry.key.deferred);
    }
    DDB_ASSIGN_OR_RETURN(auto expressions,
                         parse_expression_members(*entry.json, kTransactProjection));
    request.gets.push_back(GetItemRequest{std::string(*entry.table_name),
                                          std::move(entry.key.attributes), false,
                                          std::move(expressions.projection)});
  }
  return request;
}

}  // namespace ddblocal::wire
