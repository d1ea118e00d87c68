// The expression members of a request (ConditionExpression, UpdateExpression,
// ProjectionExpression, FilterExpression, KeyConditionExpression with ExpressionAttributeNames
// and ExpressionAttributeValues): read, parsed and resolved, with DynamoDB's checks of the
// placeholder maps themselves.
#pragma once

#include <optional>

#include "protocol/expressions/ast.h"
#include "protocol/result.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// Which expressions an operation takes.
struct ExpressionMembersAllowed {
  bool condition = false;
  bool update = false;
  bool projection = false;
  bool key_condition = false;  // also makes KeyConditionExpression required
  bool filter = false;
};

inline constexpr ExpressionMembersAllowed kConditionOnly{.condition = true};
inline constexpr ExpressionMembersAllowed kUpdateAndCondition{.condition = true, .update = true};
inline constexpr ExpressionMembersAllowed kProjectionOnly{.projection = true};
inline constexpr ExpressionMembersAllowed kQueryExpressions{
    .projection = true, .key_condition = true, .filter = true};
inline constexpr ExpressionMembersAllowed kScanExpressions{.projection = true, .filter = true};

struct ExpressionMembers {
  std::optional<expr::Condition> condition;
  std::optional<expr::UpdateExpression> update;
  std::optional<expr::Projection> projection;
  std::optional<expr::Condition> key_condition;
  std::optional<expr::Condition> filter;
};

// The checks DynamoDB makes on which expression members are present, before it looks at
// anything else in them: legacy parameters mixed with expressions (or alone, which ddblocal
// refuses), placeholder maps without an expression to use them, a Query without its key
// condition. Query and Scan validate ExclusiveStartKey and segments between these checks and
// the parsing, so they call this first.
Result<void> check_expression_members(const JsonValue& body,
                                      const ExpressionMembersAllowed& allowed);

// Runs check_expression_members, then reads the placeholder maps and parses and resolves each
// allowed expression present, in DynamoDB's order (Update, Condition, Filter, Projection,
// KeyCondition); every placeholder must be defined and used. Fails with DynamoDB's error.
Result<ExpressionMembers> parse_expression_members(const JsonValue& body,
                                                   const ExpressionMembersAllowed& allowed);

}  // namespace ddblocal::wire
