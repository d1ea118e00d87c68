// The expression members of an item request (ConditionExpression, UpdateExpression,
// ProjectionExpression with ExpressionAttributeNames and ExpressionAttributeValues): read,
// parsed and resolved, with DynamoDB's checks of the placeholder maps themselves.
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
};

inline constexpr ExpressionMembersAllowed kConditionOnly{.condition = true};
inline constexpr ExpressionMembersAllowed kUpdateAndCondition{.condition = true, .update = true};
inline constexpr ExpressionMembersAllowed kProjectionOnly{.projection = true};

struct ExpressionMembers {
  std::optional<expr::Condition> condition;
  std::optional<expr::UpdateExpression> update;
  std::optional<expr::Projection> projection;
};

// Reads the allowed expression members of `body`; each present one is parsed and resolved,
// and every placeholder must be defined and used. Fails with DynamoDB's error.
Result<ExpressionMembers> parse_expression_members(const JsonValue& body,
                                                   const ExpressionMembersAllowed& allowed);

}  // namespace ddblocal::wire
