// Reading a document path (a.b[2].c) in an item.
#pragma once

#include "protocol/attribute_value.h"
#include "protocol/expressions/ast.h"

namespace ddblocal::expr {

// The value at `path`, or nullptr when the item (nullptr: no item) has nothing there.
// REQUIRES: path resolved.
const AttributeValue* find_path(const Item* item, const Path& path);

}  // namespace ddblocal::expr
