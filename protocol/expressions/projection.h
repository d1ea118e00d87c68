// ProjectionExpression: keeping only some document paths of an item.
#pragma once

#include <string>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/expressions/ast.h"

namespace ddblocal::expr {

// The parts of `item` that the paths name, nested maps and list elements kept in their
// place (list elements renumbered in order, as DynamoDB returns them). REQUIRES: resolved.
Item project(const Item& item, const std::vector<Path>& paths);

// Whether every path is a top-level attribute: project then keeps just attribute_names(paths).
bool names_only(const std::vector<Path>& paths);

// The attributes the paths read (the first name of each path), in order.
std::vector<std::string> attribute_names(const std::vector<Path>& paths);

}  // namespace ddblocal::expr
