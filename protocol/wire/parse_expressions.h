// The expression members of a request (ConditionExpression, UpdateExpression,
// ProjectionExpression, FilterExpression, KeyConditionExpression with ExpressionAttributeNames
// and ExpressionAttributeValues): read, parsed and resolved, with DynamoDB's checks of the
// placeholder maps themselves; and the classic members that stand for them, translated into the
// same trees (classic_members.h).
#pragma once

#include <optional>

#include "protocol/expressions/ast.h"
#include "protocol/result.h"
#include "protocol/wire/classic_members.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// Which expressions an operation takes.
struct ExpressionMembersAllowed {
  bool condition = false;
  bool update = false;
  bool projection = false;
  bool key_condition = false;  // also makes KeyConditionExpression required
  bool filter = false;
  // The classic members that stand for these expressions are taken too (the transactions'
  // actions have none: DynamoDB ignores members a shape lacks).
  bool classic = true;
  // Scan and the transactions still answer in DynamoDB's older validation wording (us-east-1,
  // late 2026: paritysuite/dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts):
  // a bad value in ExpressionAttributeValues comes wrapped in "ExpressionAttributeValues
  // contains invalid value: <text> for key <name>", which the other operations dropped.
  bool older_wording = false;
};

inline constexpr ExpressionMembersAllowed kConditionOnly{.condition = true};
inline constexpr ExpressionMembersAllowed kUpdateAndCondition{.condition = true, .update = true};
inline constexpr ExpressionMembersAllowed kProjectionOnly{.projection = true};
inline constexpr ExpressionMembersAllowed kQueryExpressions{
    .projection = true, .key_condition = true, .filter = true};
inline constexpr ExpressionMembersAllowed kScanExpressions{
    .projection = true, .filter = true, .older_wording = true};
inline constexpr ExpressionMembersAllowed kTransactCondition{
    .condition = true, .classic = false, .older_wording = true};
inline constexpr ExpressionMembersAllowed kTransactUpdate{
    .condition = true, .update = true, .classic = false, .older_wording = true};
inline constexpr ExpressionMembersAllowed kTransactProjection{
    .projection = true, .classic = false, .older_wording = true};

// The classic members an operation with these expressions takes.
ClassicMembersTaken classic_members_taken(const ExpressionMembersAllowed& allowed);

struct ExpressionMembers {
  std::optional<expr::Condition> condition;
  std::optional<expr::UpdateExpression> update;
  std::optional<expr::Projection> projection;
  std::optional<expr::Condition> key_condition;
  std::optional<expr::Condition> filter;
  // KeyConditions, given instead of key_condition.
  std::optional<KeyConditionTerms> key_conditions;
  // The filter is QueryFilter's (DynamoDB names it in the message refusing a key attribute).
  bool filter_from_query_filter = false;
};

// Reads the JSON types of the expression members (the texts, the placeholder maps and every
// value in ExpressionAttributeValues) and fails with the SerializationException for one out of
// place. DynamoDB reads the whole request before validating any of it, so parsers call this with
// their other member reads, before the first ValidationException.
Result<void> read_expression_member_types(const JsonValue& body,
                                          const ExpressionMembersAllowed& allowed);

// The checks DynamoDB makes on which members are present, before it looks at anything else in
// them: classic parameters mixed with expressions, placeholder maps without an expression to
// use them, a ConditionalOperator without conditions to join, a Query without its key
// condition. Query and Scan validate more between these checks and the parsing, so they call
// this first.
Result<void> check_expression_members(const JsonValue& body,
                                      const ExpressionMembersAllowed& allowed);

// The classic members other than KeyConditions translated, in DynamoDB's order: AttributeUpdates,
// Expected, QueryFilter, AttributesToGet, ScanFilter. REQUIRES: check_expression_members passed.
Result<ExpressionMembers> translate_classic_members(const ClassicMembers& classic);

// Reads the placeholder maps and parses and resolves each allowed expression present into
// `members`, in DynamoDB's order (Update, Condition, Filter, Projection, KeyCondition); every
// placeholder must be defined and used. Then checks KeyConditions. Fails with DynamoDB's error.
Result<void> parse_expressions(const JsonValue& body, const ExpressionMembersAllowed& allowed,
                               const ClassicMembers& classic, ExpressionMembers& members);

// check_expression_members, translate_classic_members, then parse_expressions. `classic` holds
// the classic members read from `body`; the second form reads them itself.
Result<ExpressionMembers> parse_expression_members(const JsonValue& body,
                                                   const ExpressionMembersAllowed& allowed,
                                                   const ClassicMembers& classic);
Result<ExpressionMembers> parse_expression_members(const JsonValue& body,
                                                   const ExpressionMembersAllowed& allowed);

}  // namespace ddblocal::wire
