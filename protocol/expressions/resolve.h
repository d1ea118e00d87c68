// Substitution of ExpressionAttributeNames ("#n") and ExpressionAttributeValues (":v") into
// parsed expressions, and the checks DynamoDB makes before touching any item: undefined or
// unused placeholders, operand types known from the values alone, overlapping update paths.
#pragma once

#include <map>
#include <set>
#include <string>

#include "protocol/expressions/ast.h"
#include "protocol/expressions/parser.h"
#include "protocol/result.h"

namespace ddblocal::expr {

using AttributeNames = std::map<std::string, std::string, std::less<>>;

// The placeholders of one request, shared by all of its expressions: every name and value
// must be used by at least one of them.
class Placeholders {
 public:
  // Either may be null when the request has none. Both must outlive this object.
  Placeholders(const AttributeNames* names, const Item* values) : names_(names), values_(values) {}

  Result<void> resolve(Condition& condition, ExpressionKind kind);
  // `kind` names the member in messages: kUpdate, or kStatement for a PartiQL SET and REMOVE.
  Result<void> resolve(UpdateExpression& update, ExpressionKind kind = ExpressionKind::kUpdate);
  Result<void> resolve(Projection& projection, ExpressionKind kind = ExpressionKind::kProjection);

  // Call after resolving every expression of the request: an unused name or value is
  // DynamoDB's ValidationException.
  Result<void> check_all_used() const;

 private:
  const AttributeNames* names_;
  const Item* values_;
  std::set<std::string, std::less<>> used_names_;
  std::set<std::string, std::less<>> used_values_;
};

}  // namespace ddblocal::expr
