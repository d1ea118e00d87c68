// The names of an item's types without their definitions (attribute_value.h), for headers
// that only pass items around.
#pragma once

#include <functional>
#include <map>
#include <string>

namespace ddblocal {

class AttributeValue;
// Ordered by name so that items serialize deterministically.
using AttributeMap = std::map<std::string, AttributeValue, std::less<>>;
using Item = AttributeMap;

}  // namespace ddblocal
