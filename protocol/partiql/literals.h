// PartiQL literals as DynamoDB values: 'strings', numbers, TRUE/FALSE, NULL, {tuples} (maps),
// [lists], <<bags>> (string or number sets) and `?` parameters, with DynamoDB's messages for the
// literals it refuses ("Empty bags are not supported at 1:45:2", "Duplicate keys in tuple. Key: p
// under root at 1:41:3", a number out of range "... under root.x").
#pragma once

#include <span>

#include "protocol/attribute_value.h"
#include "protocol/partiql/ast.h"
#include "protocol/result.h"

namespace ddblocal::partiql {

// The value of a literal or parameter standing as an operand or an attribute's value. Inside a
// tuple, list or bag only literals are allowed, as in DynamoDB. REQUIRES: every parameter of the
// expression has a value in `parameters`.
Result<AttributeValue> literal_value(const Expr& literal,
                                     std::span<const AttributeValue> parameters);

// The item an INSERT's VALUE tuple spells: each attribute converted as literal_value converts an
// operand. REQUIRES: tuple.kind == Expr::Kind::kTuple.
Result<Item> literal_item(const Expr& tuple, std::span<const AttributeValue> parameters);

// Whether `e` is a literal or parameter (something literal_value may accept).
bool is_literal(const Expr& e);

}  // namespace ddblocal::partiql
