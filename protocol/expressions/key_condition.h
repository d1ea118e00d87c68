// KeyConditionExpression: a resolved condition turned into the partition key value and the
// sort key range a Query reads, with DynamoDB's rules for what a key condition may say.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/expressions/ast.h"
#include "protocol/key_schema.h"
#include "protocol/result.h"

namespace ddblocal::expr {

// More conditions than a key condition can hold: DynamoDB's text predates multi-attribute keys.
inline constexpr std::string_view kConditionsLength = "Conditions can be of length 1 or 2 only";

enum class SortKeyOp : std::uint8_t { kNone, kEq, kLt, kLe, kGt, kGe, kBetween, kBeginsWith };

struct KeyCondition {
  // One per partition key attribute, in key schema order.
  std::vector<AttributeValue> partition_values;
  // The values the leading sort key attributes equal, when a multi-attribute sort key has
  // conditions on more than one: sort_op applies to the attribute after them.
  std::vector<AttributeValue> sort_prefix;
  SortKeyOp sort_op = SortKeyOp::kNone;
  AttributeValue sort_value;  // the operand; BETWEEN's lower bound
  AttributeValue sort_high;   // BETWEEN's upper bound
};

// The key condition of a query on a table (or index) with the key `keys`: equality on every
// partition key attribute, and conditions on a left-to-right prefix of the sort key attributes,
// equality on all but the last, which may also be <, <=, >, >=, BETWEEN or begins_with; joined
// by AND. Fails with DynamoDB's ValidationException otherwise (a non-key attribute, OR, NOT, two
// conditions on one key, a key attribute missed, a value of the wrong type, ...).
// REQUIRES: condition resolved.
Result<KeyCondition> to_key_condition(const Condition& condition, const KeyAttributes& keys);

// A Query's FilterExpression may not name a key attribute: DynamoDB's ValidationException
// names the first one. REQUIRES: filter resolved.
Result<void> check_filter_keys(const Condition& filter, const KeyAttributes& keys);

using PathMatch = std::function<bool(const Path&)>;

// The first document path of the condition that `match` accepts, wherever it appears (even
// under OR or inside a function), or nullptr.
const Path* first_path(const Condition& condition, const PathMatch& match);

// The attributes the condition reads (the first name of each path), each once, in order of
// appearance. REQUIRES: condition resolved.
std::vector<std::string> attribute_names(const Condition& condition);

}  // namespace ddblocal::expr
