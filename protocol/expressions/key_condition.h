// KeyConditionExpression: a resolved condition turned into the partition key value and the
// sort key range a Query reads, with DynamoDB's rules for what a key condition may say.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/expressions/ast.h"
#include "protocol/result.h"
#include "protocol/table_schema.h"

namespace ddblocal::expr {

enum class SortKeyOp : std::uint8_t { kNone, kEq, kLt, kLe, kGt, kGe, kBetween, kBeginsWith };

struct KeyCondition {
  AttributeValue partition_value;
  SortKeyOp sort_op = SortKeyOp::kNone;
  AttributeValue sort_value;  // the operand; BETWEEN's lower bound
  AttributeValue sort_high;   // BETWEEN's upper bound
};

// The key condition of a query on a table (or index) with `partition_key` and `sort_key`:
// equality on the partition key, at most one condition on the sort key (=, <, <=, >, >=,
// BETWEEN, begins_with), joined by AND. Fails with DynamoDB's ValidationException otherwise
// (a non-key attribute, OR, NOT, two conditions on one key, no partition key condition, a
// value of the wrong type, ...). REQUIRES: condition resolved.
Result<KeyCondition> to_key_condition(const Condition& condition,
                                      const AttributeDefinition& partition_key,
                                      const std::optional<AttributeDefinition>& sort_key);

// A Query's FilterExpression may not name a key attribute: DynamoDB's ValidationException
// names the first one. REQUIRES: filter resolved.
Result<void> check_filter_keys(const Condition& filter, const AttributeDefinition& partition_key,
                               const std::optional<AttributeDefinition>& sort_key);

using PathMatch = std::function<bool(const Path&)>;

// The first document path of the condition that `match` accepts, wherever it appears (even
// under OR or inside a function), or nullptr.
const Path* first_path(const Condition& condition, const PathMatch& match);

// The attributes the condition reads (the first name of each path), each once, in order of
// appearance. REQUIRES: condition resolved.
std::vector<std::string> attribute_names(const Condition& condition);

}  // namespace ddblocal::expr
