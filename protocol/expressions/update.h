// Applying a resolved UpdateExpression to an item: SET (with +, -, if_not_exists,
// list_append), REMOVE, ADD and DELETE.
#pragma once

#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/expressions/ast.h"
#include "protocol/result.h"

namespace ddblocal::expr {

// The item after the update. `item` is the old item, or only the key attributes when there
// was none (UpdateItem's upsert). Fails with DynamoDB's ValidationException when the update
// cannot apply to this item (a path through a missing or non-document attribute, an operand
// of the wrong type, a number out of range). REQUIRES: update resolved.
Result<Item> apply_update(const UpdateExpression& update, Item item);

// The paths an update writes or removes, in order, for ReturnValues UPDATED_OLD/UPDATED_NEW.
std::vector<Path> updated_paths(const UpdateExpression& update);

}  // namespace ddblocal::expr
