// Reading a document path (a.b[2].c) in an item: map members by name, list elements by index.
#include "protocol/expressions/path.h"

namespace ddblocal::expr {

const AttributeValue* find_path(const Item* item, const Path& path) {
  if (item == nullptr || path.elements.empty() ||
      path.elements.front().kind != PathElement::Kind::kName) {
    return nullptr;
  }
  auto top = item->find(path.elements.front().name);
  if (top == item->end()) {
    return nullptr;
  }
  const AttributeValue* value = &top->second;
  for (std::size_t i = 1; i < path.elements.size(); ++i) {
    const PathElement& element = path.elements[i];
    if (element.kind == PathElement::Kind::kName) {
      const AttributeMap* map = value->get_if<AttributeMap>();
      if (map == nullptr) {
        return nullptr;
      }
      auto member = map->find(element.name);
      if (member == map->end()) {
        return nullptr;
      }
      value = &member->second;
    } else {
      const AttributeList* list = value->get_if<AttributeList>();
      if (list == nullptr || element.index >= list->size()) {
        return nullptr;
      }
      value = &(*list)[element.index];
    }
  }
  return value;
}

}  // namespace ddblocal::expr
