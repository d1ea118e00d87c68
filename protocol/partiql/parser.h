// Parsing a PartiQL statement into its syntax tree (ast.h), with DynamoDB's messages for what it
// cannot read ("Statement wasn't well formed, can't be processed: Unexpected term") and for the
// forms its PartiQL refuses (a table alias, GROUP BY, SELECT VALUE, several tables, ...).
#pragma once

#include <string_view>

#include "protocol/partiql/ast.h"
#include "protocol/result.h"

namespace ddblocal::partiql {

// Nesting deeper than this (parentheses, NOT, literals inside literals) is refused, so that no
// statement can exhaust the stack; DynamoDB's own limits (32 levels of nested values, 8192
// characters) stop real statements long before.
inline constexpr int kMaxNesting = 128;

// The statement, or DynamoDB's ValidationException. A statement that parses but is not one
// DynamoDB runs (a bare expression, CREATE TABLE) fails with "Unsupported operation: <what>".
Result<Statement> parse_statement(std::string_view text);

}  // namespace ddblocal::partiql
