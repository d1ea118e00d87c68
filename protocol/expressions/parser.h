// Parsing of expression texts into syntax trees (ast.h), with DynamoDB's limits and its error
// messages ("Invalid ConditionExpression: Syntax error; token: \"...\", near: \"...\"").
// Placeholders stay unresolved; see resolve.h.
#pragma once

#include <string_view>

#include "protocol/expressions/ast.h"
#include "protocol/result.h"

namespace ddblocal::expr {

// Which request member a text came from; DynamoDB names it in its messages.
enum class ExpressionKind : std::uint8_t {
  kCondition,     // ConditionExpression
  kFilter,        // FilterExpression
  kKeyCondition,  // KeyConditionExpression
  kUpdate,        // UpdateExpression
  kProjection,    // ProjectionExpression
  kStatement,     // a PartiQL statement's clause: DynamoDB's messages name no member
};
std::string_view expression_name(ExpressionKind kind);

// A condition, filter or key-condition expression.
Result<Condition> parse_condition(std::string_view text, ExpressionKind kind);
Result<UpdateExpression> parse_update(std::string_view text);
Result<Projection> parse_projection(std::string_view text);

}  // namespace ddblocal::expr
