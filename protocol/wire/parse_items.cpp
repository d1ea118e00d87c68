// Parsing and validation of the single-item operations: PutItem, GetItem, UpdateItem,
// DeleteItem, and the
// key checks that need the table's schema. The order of the checks is DynamoDB's: member
// types, then every member constraint at once, then attribute values, then the item rules.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/expressions/update.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/fields.h"
#include "protocol/wire/item_members.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/table_names.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {
namespace {

constexpr std::string_view kReturnValues[] = {"ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE",
                                              "UPDATED_NEW"};
// How PutItem, UpdateItem and DeleteItem list them when refusing another value, without the
// value and with DynamoDB's typo "UPDATE_NEW" (us-east-1 since 2026-08;
// nubo-db/dynamodb-conformance captures/2026-08-12-wording-drift.json).
constexpr std::string_view kReturnValuesListed[] = {"ALL_OLD", "UPDATED_OLD", "ALL_NEW",
                                                    "UPDATE_NEW", "NONE"};

bool valid_return_values(std::optional<std::string_view> text) {
  return !text || std::find(std::begin(kReturnValues), std::end(kReturnValues), *text) !=
                      std::end(kReturnValues);
}

void check_return_values(Violations& violations, std::optional<std::string_view> text) {
  if (!valid_return_values(text)) {
    violations.add_without_value(std::nullopt, enum_constraint(kReturnValuesListed));
  }
}

// An empty TableName stops DynamoDB's member checks: it is the one violation reported, without
// the value (us-east-1 since 2026-08; nubo-db/dynamodb-conformance
// captures/2026-08-12-wording-drift.json and paritysuite captures/2026-10-07-sweep-follow-up.json).
Result<void> check_table_name_not_empty(std::optional<std::string_view> table_name) {
  if (table_name && table_name->empty()) {
    Violations violations;
    violations.add_without_value("TableName", "Member must have length greater than or equal to 1");
    return violations.to_result();
  }
  return {};
}

// The members every single-item operation reads first.
struct CommonMembers {
  std::optional<std::string_view> table_name;
  std::optional<std::string_view> return_consumed_capacity;
};

Result<CommonMembers> read_common_members(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto table_name, optional_string(body, "TableName"));
  DDB_ASSIGN_OR_RETURN(auto capacity, optional_string(body, "ReturnConsumedCapacity"));
  return CommonMembers{table_name, capacity};
}

// REQUIRES: `text` is in kReturnValues.
ReturnValues return_values_of(std::optional<std::string_view> text) {
  if (!text || *text == "NONE") {
    return ReturnValues::kNone;
  }
  if (*text == "ALL_OLD") {
    return ReturnValues::kAllOld;
  }
  if (*text == "UPDATED_OLD") {
    return ReturnValues::kUpdatedOld;
  }
  return *text == "ALL_NEW" ? ReturnValues::kAllNew : ReturnValues::kUpdatedNew;
}

// What tells PutItem, DeleteItem and UpdateItem apart while parsing: they read the same
// members and check them the same way, except for the member that names the item, where
// DynamoDB lists its absence among the violations, the expressions they take and the
// ReturnValues they accept.
struct ItemWriteOperation {
  std::string_view member;  // "Item" or "Key"
  std::string_view path;    // the member's name in constraint messages
  // PutItem lists it after tableName, DeleteItem and UpdateItem after every other member.
  bool absence_listed_last;
  ExpressionMembersAllowed expressions;
  // PutItem and DeleteItem can only return the item as it was.
  bool only_old_item_returned;
  // UpdateItem reports a bad ReturnValues before, and instead of, any other violation.
  bool return_values_first = false;
};

constexpr ItemWriteOperation kPutItem{.member = "Item",
                                      .path = "item",
                                      .absence_listed_last = false,
                                      .expressions = kConditionOnly,
                                      .only_old_item_returned = true};
constexpr ItemWriteOperation kDeleteItem{.member = "Key",
                                         .path = "key",
                                         .absence_listed_last = true,
                                         .expressions = kConditionOnly,
                                         .only_old_item_returned = true};
constexpr ItemWriteOperation kUpdateItem{.member = "Key",
                                         .path = "key",
                                         .absence_listed_last = true,
                                         .expressions = kUpdateAndCondition,
                                         .only_old_item_returned = false,
                                         .return_values_first = true};

// The request PutItem, DeleteItem and UpdateItem have in common.
struct ItemWriteRequest {
  std::string table_name;
  Item attributes;
  ReturnValues return_values;
  bool return_old_item_on_condition_failure;
  ExpressionMembers expressions;
  capacity::Report return_consumed_capacity;
  bool return_item_collection_metrics;
};

// The members of an item write, checked in DynamoDB's order: member types, member
// constraints, the item's attribute values, ReturnValues, then the expressions.
Result<ItemWriteRequest> parse_item_write(const JsonValue& body,
                                          const ItemWriteOperation& operation) {
  DDB_ASSIGN_OR_RETURN(auto common, read_common_members(body));
  DDB_ASSIGN_OR_RETURN(auto attributes,
                       decode_attributes(body, operation.member, ValueWording::kCurrent));
  DDB_ASSIGN_OR_RETURN(auto return_values, optional_string(body, "ReturnValues"));
  DDB_ASSIGN_OR_RETURN(auto metrics, optional_string(body, "ReturnItemCollectionMetrics"));
  DDB_ASSIGN_OR_RETURN(auto on_condition_failure,
                       optional_string(body, "ReturnValuesOnConditionCheckFailure"));
  DDB_ASSIGN_OR_RETURN(ClassicMembers classic,
                       read_classic_members(body, classic_members_taken(operation.expressions)));
  DDB_RETURN_IF_ERROR(read_expression_member_types(body, operation.expressions));

  DDB_RETURN_IF_ERROR(check_table_name_not_empty(common.table_name));
  Violations violations;
  // UpdateItem checks ReturnValues first and alone (paritysuite
  // captures/2026-10-07-sweep-follow-up.json, all 33 regions).
  if (operation.return_values_first) {
    check_return_values(violations, return_values);
    DDB_RETURN_IF_ERROR(violations.to_result());
  }
  check(violations, "returnConsumedCapacity", common.return_consumed_capacity,
        kReturnConsumedCapacityRule);
  check_table_name_or_arn(violations, "tableName", common.table_name);
  if (!operation.absence_listed_last) {
    check_present(violations, operation.path, attributes.present);
  }
  check_return_values(violations, return_values);
  check(violations, "returnItemCollectionMetrics", metrics, kReturnItemCollectionMetricsRule);
  check(violations, "returnValuesOnConditionCheckFailure", on_condition_failure,
        kReturnValuesOnConditionCheckFailureRule);
  check_classic_constraints(classic, violations);
  if (operation.absence_listed_last) {
    check_present(violations, operation.path, attributes.present);
  }
  DDB_RETURN_IF_ERROR(violations.to_result());
  // From here on DynamoDB words each failure in the one-violation envelope (see
  // kOneViolationPrefix).
  if (attributes.deferred) {
    return in_one_violation(std::move(*attributes.deferred));
  }
  ReturnValues returned = return_values_of(return_values);
  if (operation.only_old_item_returned && returned != ReturnValues::kNone &&
      returned != ReturnValues::kAllOld) {
    return ApiError::validation(one_violation("ReturnValues can only be ALL_OLD or NONE"));
  }
  Result<ExpressionMembers> expressions =
      parse_expression_members(body, operation.expressions, classic);
  if (!expressions) {
    return in_one_violation(std::move(expressions).error());
  }
  return ItemWriteRequest{std::string(*common.table_name),
                          std::move(attributes.attributes),
                          returned,
                          on_condition_failure == "ALL_OLD",
                          std::move(*expressions),
                          consumed_capacity_report(common.return_consumed_capacity),
                          item_collection_metrics_asked(metrics)};
}

// One key attribute of a table, with whether it is the partition key.
struct KeyAttribute {
  const AttributeDefinition& definition;
  bool partition;
};

std::vector<KeyAttribute> table_keys(const TableSchema& schema) {
  std::vector<KeyAttribute> keys{{schema.partition_key, true}};
  if (schema.sort_key) {
    keys.push_back({*schema.sort_key, false});
  }
  return keys;
}

// A key value that is not an empty string or binary.
Result<void> check_key_not_empty(const KeyAttribute& key, const AttributeValue& value) {
  const auto* text = value.get_if<std::string>();
  const auto* binary = value.get_if<Binary>();
  if ((text && text->empty()) || (binary && binary->bytes.empty())) {
    return ApiError::validation(
        "One or more parameter values are not valid. The AttributeValue for a key attribute "
        "cannot contain an empty " +
        std::string(text ? "string" : "binary") + " value. Key: " + key.definition.name);
  }
  return {};
}

// The checks of one key value that do not depend on how the key was given: not empty, within
// its size limit. Numbers have no size check: 38 digits fit in any limit.
// REQUIRES: value has the declared type.
Result<void> check_key_value(const KeyAttribute& key, const AttributeValue& value) {
  DDB_RETURN_IF_ERROR(check_key_not_empty(key, value));
  std::size_t size = 0;
  if (const auto* text = value.get_if<std::string>()) {
    size = text->size();
  } else if (const auto* binary = value.get_if<Binary>()) {
    size = binary->bytes.size();
  }
  // The missing space in "of2048" is DynamoDB's.
  if (key.partition && size > kMaxPartitionKeyBytes) {
    return ApiError::validation(
        "One or more parameter values were invalid: Size of hashkey has exceeded the maximum "
        "size limit of2048 bytes");
  }
  if (!key.partition && size > kMaxSortKeyBytes) {
    return ApiError::validation(
        "One or more parameter values were invalid: Aggregated size of all range keys has "
        "exceeded the size limit of 1024 bytes");
  }
  return {};
}

}  // namespace

Result<PutItemRequest> parse_put_item(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto write, parse_item_write(body, kPutItem));
  if (item_size(write.attributes) > kMaxItemBytes) {
    return ApiError::validation("Item size has exceeded the maximum allowed size");
  }
  return PutItemRequest{std::move(write.table_name),
                        std::move(write.attributes),
                        write.return_values,
                        std::move(write.expressions.condition),
                        write.return_old_item_on_condition_failure,
                        write.return_consumed_capacity,
                        write.return_item_collection_metrics};
}

Result<UpdateItemRequest> parse_update_item(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto write, parse_item_write(body, kUpdateItem));
  return UpdateItemRequest{std::move(write.table_name),
                           std::move(write.attributes),
                           write.return_values,
                           std::move(write.expressions.update),
                           std::move(write.expressions.condition),
                           write.return_old_item_on_condition_failure,
                           write.return_consumed_capacity,
                           write.return_item_collection_metrics};
}

Result<GetItemRequest> parse_get_item(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto common, read_common_members(body));
  DDB_ASSIGN_OR_RETURN(auto key, decode_attributes(body, "Key", ValueWording::kCurrent));
  DDB_ASSIGN_OR_RETURN(auto consistent_read, optional_bool(body, "ConsistentRead"));
  DDB_ASSIGN_OR_RETURN(ClassicMembers classic,
                       read_classic_members(body, classic_members_taken(kProjectionOnly)));
  DDB_RETURN_IF_ERROR(read_expression_member_types(body, kProjectionOnly));

  Violations violations;
  check(violations, "returnConsumedCapacity", common.return_consumed_capacity,
        kReturnConsumedCapacityRule);
  check_classic_constraints(classic, violations);
  check_present(violations, "key", key.present);
  check_table_name_or_arn(violations, "tableName", common.table_name);
  DDB_RETURN_IF_ERROR(violations.to_result());
  if (key.deferred) {
    return std::move(*key.deferred);
  }
  DDB_ASSIGN_OR_RETURN(auto expressions, parse_expression_members(body, kProjectionOnly, classic));
  return GetItemRequest{std::string(*common.table_name), std::move(key.attributes),
                        consistent_read.value_or(false), std::move(expressions.projection),
                        consumed_capacity_report(common.return_consumed_capacity)};
}

Result<DeleteItemRequest> parse_delete_item(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto write, parse_item_write(body, kDeleteItem));
  return DeleteItemRequest{std::move(write.table_name),
                           std::move(write.attributes),
                           write.return_values,
                           std::move(write.expressions.condition),
                           write.return_old_item_on_condition_failure,
                           write.return_consumed_capacity,
                           write.return_item_collection_metrics};
}

Result<void> validate_key(const TableSchema& schema, const Item& key) {
  // DynamoDB says no more than this for a Key of the wrong shape: which attribute is missing,
  // extra or of the wrong type is not told.
  const std::vector<KeyAttribute> keys = table_keys(schema);
  if (key.size() != keys.size()) {
    return ApiError::validation(std::string(kKeyDoesNotMatchSchema));
  }
  for (const KeyAttribute& key_attribute : keys) {
    const auto found = key.find(key_attribute.definition.name);
    if (found == key.end() ||
        found->second.type() != value_type_of(key_attribute.definition.type)) {
      return ApiError::validation(std::string(kKeyDoesNotMatchSchema));
    }
    DDB_RETURN_IF_ERROR(check_key_value(key_attribute, found->second));
  }
  return {};
}

Result<void> validate_key_values_not_empty(const TableSchema& schema, const Item& item) {
  for (const KeyAttribute& key_attribute : table_keys(schema)) {
    const auto found = item.find(key_attribute.definition.name);
    if (found != item.end() &&
        found->second.type() == value_type_of(key_attribute.definition.type)) {
      DDB_RETURN_IF_ERROR(check_key_not_empty(key_attribute, found->second));
    }
  }
  return {};
}

Item key_of(const TableSchema& schema, const Item& item, const SecondaryIndex* index) {
  Item key;
  auto copy = [&](const AttributeDefinition& definition) {
    if (const auto found = item.find(definition.name); found != item.end()) {
      key.insert(*found);
    }
  };
  for (const KeyAttribute& key_attribute : table_keys(schema)) {
    copy(key_attribute.definition);
  }
  if (index != nullptr) {
    key_attributes(index->key_schema).for_each(copy);
  }
  return key;
}

Result<void> validate_update_keys(const TableSchema& schema, const expr::UpdateExpression& update) {
  for (const expr::Path& path : expr::updated_paths(update)) {
    const std::string& name = path.elements.front().name;
    for (const KeyAttribute& key_attribute : table_keys(schema)) {
      if (name == key_attribute.definition.name) {
        return ApiError::validation(
            "One or more parameter values were invalid: Cannot update "
            "attribute " +
            name + ". This attribute is part of the key");
      }
    }
    // An index key may change, as a whole: it is a scalar.
    const bool index_key =
        std::any_of(schema.indexes.begin(), schema.indexes.end(), [&](const SecondaryIndex& index) {
          return key_attributes(index.key_schema).contains(name);
        });
    if (index_key && path.elements.size() > 1) {
      return ApiError::validation(
          "Key attributes must be scalars; list random access '[]' and map lookup '.' are not "
          "allowed: IndexKey: " +
          name);
    }
  }
  return {};
}

Result<void> validate_item_keys(const TableSchema& schema, const Item& item) {
  for (const KeyAttribute& key_attribute : table_keys(schema)) {
    const AttributeDefinition& definition = key_attribute.definition;
    const auto found = item.find(definition.name);
    if (found == item.end()) {
      return ApiError::validation("One or more parameter values were invalid: Missing the key " +
                                  definition.name + " in the item");
    }
    if (found->second.type() != value_type_of(definition.type)) {
      return ApiError::validation(
          "One or more parameter values were invalid: Type mismatch for key " + definition.name +
          " expected: " + scalar_type_name(definition.type) +
          " actual: " + type_name(found->second.type()));
    }
    DDB_RETURN_IF_ERROR(check_key_value(key_attribute, found->second));
  }
  return validate_index_keys(schema, item);
}

// Empty values first, then types (the order DynamoDB Local reports them in).
Result<void> validate_index_keys(const TableSchema& schema, const Item& item,
                                 const Item* old_item) {
  auto each_key = [&](auto&& check) -> Result<void> {
    Result<void> result;
    for (const SecondaryIndex& index : schema.indexes) {
      key_attributes(index.key_schema).for_each([&](const AttributeDefinition& key) {
        const auto found = item.find(key.name);
        if (!result || found == item.end()) {
          return;
        }
        if (old_item != nullptr) {
          const auto old = old_item->find(key.name);
          if (old != old_item->end() && old->second == found->second) {
            return;
          }
        }
        result = check(index, key, found->second);
      });
    }
    return result;
  };
  DDB_RETURN_IF_ERROR(each_key([&](const SecondaryIndex& index, const AttributeDefinition& key,
                                   const AttributeValue& value) -> Result<void> {
    const auto* text = value.get_if<std::string>();
    const auto* binary = value.get_if<Binary>();
    if ((text && text->empty()) || (binary && binary->bytes.empty())) {
      const std::string kind = text ? "string" : "binary";
      if (old_item != nullptr) {
        return ApiError::validation(
            "One or more parameter values are not valid. The update expression attempted to "
            "update a secondary index key to a value that is not supported. The AttributeValue "
            "for a key attribute cannot contain an empty " +
            kind + " value.");
      }
      return ApiError::validation(
          "One or more parameter values are not valid. A value specified for a secondary index "
          "key is not supported. The AttributeValue for a key attribute cannot contain an empty " +
          kind + " value. IndexName: " + index.name + ", IndexKey: " + key.name);
    }
    return {};
  }));
  return each_key([&](const SecondaryIndex& index, const AttributeDefinition& key,
                      const AttributeValue& value) -> Result<void> {
    if (value.type() != value_type_of(key.type)) {
      return ApiError::validation(
          "One or more parameter values were invalid: Type mismatch for Index Key " + key.name +
          " Expected: " + scalar_type_name(key.type) + " Actual: " + type_name(value.type()) +
          " IndexName: " + index.name);
    }
    return {};
  });
}

}  // namespace ddblocal::wire
