// The classic (pre-2014) request parameters: Expected with ConditionalOperator, AttributeUpdates,
// AttributesToGet, KeyConditions, QueryFilter and ScanFilter. They are read with the request,
// checked with DynamoDB's messages (/work/notes/messages-classic.md), and translated into the
// trees the expression language builds (protocol/expressions/ast.h), so that one evaluator
// serves both forms. A classic attribute name is one top-level attribute, dots and all.
// Internal to the wire layer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/expressions/ast.h"
#include "protocol/expressions/key_condition.h"
#include "protocol/result.h"
#include "protocol/table_schema.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

enum class ComparisonOperator : std::uint8_t {
  kEq,
  kNe,
  kLe,
  kLt,
  kGe,
  kGt,
  kNotNull,
  kNull,
  kContains,
  kNotContains,
  kBeginsWith,
  kIn,
  kBetween
};

// The operator named `name` ("EQ", "BEGINS_WITH", ...); nullopt for a name outside the API's
// enum.
std::optional<ComparisonOperator> comparison_operator_of(std::string_view name);

// One entry of Expected, QueryFilter, ScanFilter or KeyConditions, as sent.
struct ClassicCondition {
  std::string attribute;
  bool null = false;  // the entry itself is JSON null
  std::optional<std::string_view> comparison_operator;
  std::optional<bool> exists;  // Expected only
  bool has_value = false;      // Expected only: Value given
  bool has_value_list = false;
  // Value, or the elements of AttributeValueList, those that decoded.
  std::vector<AttributeValue> values;
  // The first of them DynamoDB's value checks refused.
  std::optional<ApiError> value_error;
};

// One entry of AttributeUpdates, as sent.
struct ClassicUpdate {
  std::string attribute;
  bool null = false;
  std::optional<std::string_view> action;
  std::optional<AttributeValue> value;
  std::optional<ApiError> value_error;
};

// The classic members a request has, of those its operation takes; absent ones are nullopt.
// The views point into the request body.
struct ClassicMembers {
  std::optional<std::vector<ClassicCondition>> expected;
  std::optional<std::vector<ClassicUpdate>> attribute_updates;
  std::optional<std::vector<std::string_view>> attributes_to_get;  // JSON null reads as ""
  std::optional<std::vector<ClassicCondition>> key_conditions;
  std::optional<std::vector<ClassicCondition>> query_filter;
  std::optional<std::vector<ClassicCondition>> scan_filter;
  std::optional<std::string_view> conditional_operator;
};

// Which classic members an operation takes: each replaced by one of its expressions.
struct ClassicMembersTaken {
  bool expected = false;  // with ConditionalOperator
  bool attribute_updates = false;
  bool attributes_to_get = false;
  bool query = false;  // KeyConditions and QueryFilter, with ConditionalOperator
  bool scan = false;   // ScanFilter, with ConditionalOperator
};

// One condition of KeyConditions, checked on its own but not yet against a key schema.
struct KeyConditionTerm {
  std::string attribute;
  ComparisonOperator op = ComparisonOperator::kEq;
  std::vector<AttributeValue> values;
};
using KeyConditionTerms = std::vector<KeyConditionTerm>;

// Reads the classic members `taken` from the body: their JSON types (a SerializationException,
// as for any member) and their attribute values, whose ValidationExceptions wait in the entries
// for the checks below. REQUIRES: body.IsObject().
Result<ClassicMembers> read_classic_members(const JsonValue& body,
                                            const ClassicMembersTaken& taken);

// Records the violations of the members' constraints in the API model: the enums of
// ComparisonOperator, ConditionalOperator and Action, a filter's ComparisonOperator present,
// AttributesToGet of 1 to 255 names. `prefix` comes before each path ("requestItems.t.member.").
void check_classic_constraints(const ClassicMembers& classic, Violations& violations,
                               std::string_view prefix = "");

// Expected (with ConditionalOperator) as a condition; nullopt when absent or empty. Fails with
// DynamoDB's message for the first entry it refuses, or for a ConditionalOperator with one entry.
Result<std::optional<expr::Condition>> translate_expected(const ClassicMembers& classic);

// QueryFilter or ScanFilter (with ConditionalOperator) as a condition; nullopt when absent or
// empty.
Result<std::optional<expr::Condition>> translate_filter(const ClassicMembers& classic);

// KeyConditions, each condition checked: the values, their count and types for the operator;
// one or two conditions. REQUIRES: classic.key_conditions.
Result<KeyConditionTerms> check_key_conditions(const ClassicMembers& classic);

// The key range of KeyConditions on a table or index with the key `keys`, with DynamoDB's checks
// in its order: each partition key attribute's condition (an equality), then the sort key
// attributes' from the left (equalities but the last), each an indexable operator with values of
// the key's type.
Result<expr::KeyCondition> to_key_condition(const KeyConditionTerms& terms,
                                            const KeyAttributes& keys);

// AttributeUpdates as an update; nullopt when absent or empty (the item is then only created).
Result<std::optional<expr::UpdateExpression>> translate_attribute_updates(
    const ClassicMembers& classic);

// AttributesToGet as a projection of top-level attributes; nullopt when absent. Fails when a
// name repeats or is empty.
Result<std::optional<expr::Projection>> translate_attributes_to_get(const ClassicMembers& classic);

}  // namespace ddblocal::wire
