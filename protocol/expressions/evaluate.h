// Evaluation of a resolved condition (ConditionExpression, FilterExpression) against an item.
#pragma once

#include "protocol/attribute_value.h"
#include "protocol/expressions/ast.h"

namespace ddblocal::expr {

// True when the item (nullptr: no item) satisfies the condition. Follows DynamoDB's type rules:
// comparing values of different types, or a function applied to an attribute of the wrong
// type, is false rather than an error; numbers compare exactly; strings and binaries by
// unsigned bytes. REQUIRES: condition resolved.
bool evaluate(const Condition& condition, const Item* item);

}  // namespace ddblocal::expr
