// Translating a parsed PartiQL statement into the expression language's trees (ast.h of
// protocol/expressions): its WHERE into an expr::Condition, its SET and REMOVE into an
// expr::UpdateExpression, its SELECT list into an expr::Projection, with its `?` bound from the
// request's Parameters. The trees are resolved (checked) as the expression language checks its
// own, so evaluate.cpp and update.cpp run them unchanged. Nothing here needs the table: which
// attributes are keys is plan.h's business.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/expressions/ast.h"
#include "protocol/partiql/ast.h"
#include "protocol/result.h"

namespace ddblocal::partiql {

// The table a statement names, and the index a SELECT may name.
struct Target {
  std::string table;
  std::optional<std::string> index;
};

// ORDER BY one attribute.
struct Ordering {
  std::string attribute;
  bool descending = false;
};

// A SELECT. Its projection is empty for `*`; otherwise each path's value is returned under
// the matching output name (the path's last name, with the indexes after it: "d" for a.b.d,
// "l[1]" for l[1]), as DynamoDB returns them.
struct Read {
  Target target;
  expr::Projection projection;
  std::vector<std::string> output_names;
  std::optional<expr::Condition> where;
  std::vector<Ordering> order_by;
};

struct Insert {
  Target target;
  Item item;
};

struct Update {
  Target target;
  expr::UpdateExpression update;
  std::optional<expr::Condition> where;
  Returning returning = Returning::kNone;
};

struct Delete {
  Target target;
  std::optional<expr::Condition> where;
  Returning returning = Returning::kNone;
};

// EXISTS(SELECT ...): a transaction's condition on one item.
struct Check {
  Target target;
  std::optional<expr::Condition> where;
};

using Operation = std::variant<Read, Insert, Update, Delete, Check>;

// The operation a statement asks for. Fails with DynamoDB's ValidationException: fewer
// parameters than `?` ("Number of parameters in request and statement don't match."; more are
// ignored, as DynamoDB ignores them), an invalid table name, an operator or function PartiQL
// for DynamoDB does not run, a literal it refuses, or what the expression language's checks
// refuse (operand types, overlapping paths, too many operators).
Result<Operation> translate(const Statement& statement, std::span<const AttributeValue> parameters);

// A statement's SELECT, INSERT, UPDATE, DELETE and EXISTS are reads, writes, writes, writes
// and a transaction's condition.
inline bool is_read(const Operation& operation) {
  return std::holds_alternative<Read>(operation);
}

// The table (and index) an operation names.
const Target& target_of(const Operation& operation);

}  // namespace ddblocal::partiql
