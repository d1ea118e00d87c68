// ProjectionExpression: the named paths are merged into a tree, which is then walked alongside
// the item, keeping what the tree reaches. Nested parts that reach nothing are dropped whole.
#include "protocol/expressions/projection.h"

#include <map>
#include <optional>
#include <string>
#include <utility>

namespace ddblocal::expr {
namespace {

// The parts of one value to keep: all of it, or some map members, or some list elements.
struct Selection {
  bool whole = false;
  std::map<std::string, Selection, std::less<>> members;
  // Ordered by index, so kept list elements stay in their order whatever the paths' order.
  std::map<std::uint32_t, Selection> elements;
};

void select(Selection& root, const Path& path) {
  Selection* node = &root;
  for (const PathElement& element : path.elements) {
    node = element.kind == PathElement::Kind::kName ? &node->members[element.name]
                                                    : &node->elements[element.index];
  }
  node->whole = true;
}

// The selected parts of `value`, or nothing when the selection reaches none of it.
std::optional<AttributeValue> keep(const AttributeValue& value, const Selection& selection) {
  if (selection.whole) {
    return value;
  }
  if (const auto* map = value.get_if<AttributeMap>()) {
    AttributeMap kept;
    for (const auto& [name, member_selection] : selection.members) {
      auto member = map->find(name);
      if (member == map->end()) {
        continue;
      }
      if (std::optional<AttributeValue> part = keep(member->second, member_selection)) {
        kept.emplace(name, std::move(*part));
      }
    }
    return kept.empty() ? std::nullopt : std::optional<AttributeValue>(std::move(kept));
  }
  if (const auto* list = value.get_if<AttributeList>()) {
    AttributeList kept;
    for (const auto& [index, element_selection] : selection.elements) {
      if (index >= list->size()) {
        break;
      }
      if (std::optional<AttributeValue> part = keep((*list)[index], element_selection)) {
        kept.push_back(std::move(*part));
      }
    }
    return kept.empty() ? std::nullopt : std::optional<AttributeValue>(std::move(kept));
  }
  return std::nullopt;
}

}  // namespace

Item project(const Item& item, const std::vector<Path>& paths) {
  Selection root;
  for (const Path& path : paths) {
    if (!path.elements.empty()) {
      select(root, path);
    }
  }
  Item kept;
  for (const auto& [name, selection] : root.members) {
    auto attribute = item.find(name);
    if (attribute == item.end()) {
      continue;
    }
    if (std::optional<AttributeValue> part = keep(attribute->second, selection)) {
      kept.emplace(name, std::move(*part));
    }
  }
  return kept;
}

std::vector<std::string> attribute_names(const std::vector<Path>& paths) {
  std::vector<std::string> names;
  names.reserve(paths.size());
  for (const Path& path : paths) {
    names.push_back(path.elements.front().name);
  }
  return names;
}

bool names_only(const std::vector<Path>& paths) {
  return std::all_of(paths.begin(), paths.end(),
                     [](const Path& path) { return path.elements.size() == 1; });
}

}  // namespace ddblocal::expr
