// Applying a resolved UpdateExpression the way DynamoDB does: every SET value is computed from
// the old item first; then the writes (SET, ADD, DELETE) apply in path order, and the removals
// last, highest path first, so that every list index means a position in the old list.
#include "protocol/expressions/update.h"

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <utility>

#include "protocol/expressions/path.h"

namespace ddblocal::expr {
namespace {

constexpr char kInvalidPath[] =
    "The document path provided in the update expression is invalid for update";
constexpr char kMissingAttribute[] =
    "The provided expression refers to an attribute that does not exist in the item";
constexpr char kWrongType[] = "An operand in the update expression has an incorrect data type";
constexpr char kTypeMismatch[] = "Type mismatch for attribute to update";
constexpr char kNestingExceeded[] =
    "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
    "beyond supported limit";

// DynamoDB's 32 levels of nesting, counted as the wire decoder counts them: the item is level
// 1, a top-level attribute's value level 2, and a map or list may sit at most at level 32.
constexpr int kMaxNestingLevel = 32;

ApiError wrong_type() {
  return ApiError::validation(kWrongType);
}

// True when every map and list in `value`, itself at `level`, is within kMaxNestingLevel.
bool within_nesting_limit(const AttributeValue& value, int level) {
  if (const auto* map = value.get_if<AttributeMap>()) {
    if (level > kMaxNestingLevel) {
      return false;
    }
    for (const auto& [name, member] : *map) {
      if (!within_nesting_limit(member, level + 1)) {
        return false;
      }
    }
  } else if (const auto* list = value.get_if<AttributeList>()) {
    if (level > kMaxNestingLevel) {
      return false;
    }
    for (const AttributeValue& element : *list) {
      if (!within_nesting_limit(element, level + 1)) {
        return false;
      }
    }
  }
  return true;
}

bool element_less(const PathElement& a, const PathElement& b) {
  if (a.kind != b.kind) {
    return a.kind < b.kind;
  }
  return a.kind == PathElement::Kind::kName ? a.name < b.name : a.index < b.index;
}

// Orders paths element by element, list indexes numerically, a path before its extensions.
bool path_less(const Path& a, const Path& b) {
  return std::lexicographical_compare(a.elements.begin(), a.elements.end(), b.elements.begin(),
                                      b.elements.end(), element_less);
}

// A SET operand's value in the old item. Operands evaluate left to right; the first missing
// attribute or wrong type stops the evaluation.
Result<AttributeValue> set_value(const Operand& operand, const Item& item);

Result<AttributeValue> path_value(const Path& path, const Item& item) {
  const AttributeValue* value = find_path(&item, path);
  if (value == nullptr) {
    return ApiError::validation(kMissingAttribute);
  }
  return *value;
}

Result<AttributeValue> arithmetic_value(const Arithmetic& arithmetic, const Item& item) {
  if (arithmetic.operands.size() != 2) {
    return wrong_type();
  }
  DDB_ASSIGN_OR_RETURN(AttributeValue left, set_value(arithmetic.operands[0], item));
  if (left.type() != ValueType::kN) {
    return wrong_type();
  }
  DDB_ASSIGN_OR_RETURN(AttributeValue right, set_value(arithmetic.operands[1], item));
  if (right.type() != ValueType::kN) {
    return wrong_type();
  }
  const Number& a = *left.get_if<Number>();
  const Number& b = *right.get_if<Number>();
  DDB_ASSIGN_OR_RETURN(Number result, arithmetic.op == '-' ? a.subtract(b) : a.add(b));
  return AttributeValue(std::move(result));
}

Result<AttributeValue> function_value(const FunctionCall& call, const Item& item) {
  if (call.arguments.size() != 2) {
    return wrong_type();
  }
  if (call.name == "if_not_exists") {
    // The fallback is evaluated even when unused: a missing attribute there is still an error.
    DDB_ASSIGN_OR_RETURN(AttributeValue fallback, set_value(call.arguments[1], item));
    const auto* path = std::get_if<Path>(&call.arguments[0].node);
    const AttributeValue* existing = path == nullptr ? nullptr : find_path(&item, *path);
    return existing == nullptr ? fallback : *existing;
  }
  if (call.name == "list_append") {
    DDB_ASSIGN_OR_RETURN(AttributeValue first, set_value(call.arguments[0], item));
    auto* list = std::get_if<AttributeList>(&first.variant());
    if (list == nullptr) {
      return wrong_type();
    }
    DDB_ASSIGN_OR_RETURN(AttributeValue second, set_value(call.arguments[1], item));
    auto* tail = std::get_if<AttributeList>(&second.variant());
    if (tail == nullptr) {
      return wrong_type();
    }
    list->insert(list->end(), std::make_move_iterator(tail->begin()),
                 std::make_move_iterator(tail->end()));
    return first;
  }
  return wrong_type();
}

Result<AttributeValue> set_value(const Operand& operand, const Item& item) {
  if (const auto* path = std::get_if<Path>(&operand.node)) {
    return path_value(*path, item);
  }
  if (const auto* value = std::get_if<ValueRef>(&operand.node)) {
    return value->value;
  }
  if (const auto* arithmetic = std::get_if<Arithmetic>(&operand.node)) {
    return arithmetic_value(*arithmetic, item);
  }
  return function_value(std::get<FunctionCall>(operand.node), item);
}

// All SET values, in action order. DynamoDB reports a wrong type in any action before a
// missing attribute in any action, so a missing attribute waits for the other actions.
Result<std::vector<AttributeValue>> set_values(const std::vector<SetAction>& actions,
                                               const Item& item) {
  std::vector<AttributeValue> values;
  std::optional<ApiError> missing;
  for (const SetAction& action : actions) {
    Result<AttributeValue> value = set_value(action.value, item);
    if (!value) {
      if (value.error().message() != kMissingAttribute) {
        return std::move(value).error();
      }
      if (!missing) {
        missing = value.error();
      }
      values.emplace_back();
      continue;
    }
    values.push_back(std::move(value).value());
  }
  if (missing) {
    return *missing;
  }
  return values;
}

// The container holding a path's last element: a map, a list, or neither (both nullptr) when
// an earlier step is missing or is not a map or list.
struct Parent {
  AttributeMap* map = nullptr;
  AttributeList* list = nullptr;
};

Parent find_parent(Item& item, const Path& path) {
  Parent parent{&item, nullptr};
  for (std::size_t i = 0; i + 1 < path.elements.size(); ++i) {
    const PathElement& element = path.elements[i];
    AttributeValue* next = nullptr;
    if (element.kind == PathElement::Kind::kName && parent.map != nullptr) {
      auto member = parent.map->find(element.name);
      next = member == parent.map->end() ? nullptr : &member->second;
    } else if (element.kind == PathElement::Kind::kIndex && parent.list != nullptr &&
               element.index < parent.list->size()) {
      next = &(*parent.list)[element.index];
    }
    if (next == nullptr) {
      return {};
    }
    parent = {std::get_if<AttributeMap>(&next->variant()),
              std::get_if<AttributeList>(&next->variant())};
  }
  return parent;
}

// Whether the path's last element fits its container (a name in a map, an index in a list).
bool fits(const Parent& parent, const PathElement& last) {
  return last.kind == PathElement::Kind::kName ? parent.map != nullptr : parent.list != nullptr;
}

// The value at the path's last element of `parent`, or nullptr. REQUIRES: fits(parent, last).
AttributeValue* find_child(const Parent& parent, const PathElement& last) {
  if (last.kind == PathElement::Kind::kName) {
    auto member = parent.map->find(last.name);
    return member == parent.map->end() ? nullptr : &member->second;
  }
  return last.index < parent.list->size() ? &(*parent.list)[last.index] : nullptr;
}

// Stores a new value at the path's last element: a map member, or the end of the list (an
// index past the end appends). REQUIRES: fits(parent, last).
void store_child(const Parent& parent, const PathElement& last, AttributeValue value) {
  if (last.kind == PathElement::Kind::kName) {
    (*parent.map)[last.name] = std::move(value);
  } else {
    parent.list->push_back(std::move(value));
  }
}

template <typename Set>
Set set_union(const Set& a, const Set& b) {
  Set result;
  std::set_union(a.members.begin(), a.members.end(), b.members.begin(), b.members.end(),
                 std::back_inserter(result.members));
  return result;
}

template <typename Set>
Set set_difference(const Set& a, const Set& b) {
  Set result;
  std::set_difference(a.members.begin(), a.members.end(), b.members.begin(), b.members.end(),
                      std::back_inserter(result.members));
  return result;
}

bool is_set(ValueType type) {
  return type == ValueType::kSS || type == ValueType::kNS || type == ValueType::kBS;
}

// ADD to an existing value: a number plus a number, or the union of two sets of one type.
Result<AttributeValue> added(const AttributeValue& target, const AttributeValue& value) {
  if (target.type() != value.type()) {
    return wrong_type();
  }
  if (const auto* n = target.get_if<Number>()) {
    DDB_ASSIGN_OR_RETURN(Number sum, n->add(*value.get_if<Number>()));
    return AttributeValue(std::move(sum));
  }
  if (const auto* ss = target.get_if<StringSet>()) {
    return AttributeValue(set_union(*ss, *value.get_if<StringSet>()));
  }
  if (const auto* ns = target.get_if<NumberSet>()) {
    return AttributeValue(set_union(*ns, *value.get_if<NumberSet>()));
  }
  if (const auto* bs = target.get_if<BinarySet>()) {
    return AttributeValue(set_union(*bs, *value.get_if<BinarySet>()));
  }
  return wrong_type();
}

// DELETE from an existing set: the members of the target not in the value, of the same type.
Result<AttributeValue> deleted(const AttributeValue& target, const AttributeValue& value) {
  if (target.type() != value.type()) {
    return wrong_type();
  }
  if (const auto* ss = target.get_if<StringSet>()) {
    return AttributeValue(set_difference(*ss, *value.get_if<StringSet>()));
  }
  if (const auto* ns = target.get_if<NumberSet>()) {
    return AttributeValue(set_difference(*ns, *value.get_if<NumberSet>()));
  }
  if (const auto* bs = target.get_if<BinarySet>()) {
    return AttributeValue(set_difference(*bs, *value.get_if<BinarySet>()));
  }
  return wrong_type();
}

bool is_empty_set(const AttributeValue& value) {
  if (const auto* ss = value.get_if<StringSet>()) {
    return ss->members.empty();
  }
  if (const auto* ns = value.get_if<NumberSet>()) {
    return ns->members.empty();
  }
  const auto* bs = value.get_if<BinarySet>();
  return bs != nullptr && bs->members.empty();
}

struct Write {
  enum class Kind : std::uint8_t { kSet, kAdd, kDelete };
  Kind kind;
  const Path* path;
  AttributeValue* computed = nullptr;       // kSet: its value, moved into the item
  const AttributeValue* operand = nullptr;  // kAdd, kDelete
};

// Applies one write. Returns false, leaving the item as it was, when the path does not fit the
// item; a set that DELETE empties is left empty and its path appended to `emptied`.
Result<bool> apply_write(const Write& write, Item& item, std::vector<Path>& emptied) {
  const PathElement& last = write.path->elements.back();
  Parent parent = find_parent(item, *write.path);
  if (!fits(parent, last)) {
    return false;
  }
  AttributeValue* target = find_child(parent, last);
  switch (write.kind) {
    case Write::Kind::kSet:
      if (target != nullptr) {
        *target = std::move(*write.computed);
      } else {
        store_child(parent, last, std::move(*write.computed));
      }
      break;
    case Write::Kind::kAdd:
      // A missing attribute starts as 0 or the empty set, so it simply takes the operand.
      if (target == nullptr) {
        if (write.operand->type() != ValueType::kN && !is_set(write.operand->type())) {
          return wrong_type();
        }
        store_child(parent, last, *write.operand);
      } else {
        DDB_ASSIGN_OR_RETURN(*target, added(*target, *write.operand));
      }
      break;
    case Write::Kind::kDelete:
      if (target != nullptr) {
        DDB_ASSIGN_OR_RETURN(*target, deleted(*target, *write.operand));
        if (is_empty_set(*target)) {
          emptied.push_back(*write.path);
        }
      }
      break;
  }
  return true;
}

// The REMOVE paths that name something in the (old) item. Fails when a path runs through a
// missing attribute or one that is not a map or list.
Result<std::vector<Path>> removals(const std::vector<RemoveAction>& actions, Item& item) {
  std::vector<Path> paths;
  for (const RemoveAction& action : actions) {
    Parent parent = find_parent(item, action.path);
    if (!fits(parent, action.path.elements.back())) {
      return ApiError::validation(kInvalidPath);
    }
    if (find_child(parent, action.path.elements.back()) != nullptr) {
      paths.push_back(action.path);
    }
  }
  return paths;
}

void remove_path(Item& item, const Path& path) {
  const PathElement& last = path.elements.back();
  Parent parent = find_parent(item, path);
  if (!fits(parent, last) || find_child(parent, last) == nullptr) {
    return;
  }
  if (last.kind == PathElement::Kind::kName) {
    parent.map->erase(last.name);
  } else {
    parent.list->erase(parent.list->begin() + last.index);
  }
}

Result<Item> apply_actions(const UpdateExpression& update, Item item) {
  DDB_ASSIGN_OR_RETURN(std::vector<AttributeValue> values, set_values(update.set, item));
  // An invalid path is reported only when no operand has the wrong type.
  Result<std::vector<Path>> removed = removals(update.remove, item);
  bool invalid_path = !removed.has_value();

  // Only SET can deepen an item (SET m.x = m, or a deep value under a nested path): its value
  // sits one level below the path's last element. Checked before the writes move the values.
  bool too_deep = false;
  for (std::size_t i = 0; i < update.set.size() && !too_deep; ++i) {
    const int level = static_cast<int>(update.set[i].path.elements.size()) + 1;
    too_deep = !within_nesting_limit(values[i], level);
  }

  std::vector<Write> writes;
  for (std::size_t i = 0; i < update.set.size(); ++i) {
    writes.push_back({Write::Kind::kSet, &update.set[i].path, &values[i]});
  }
  for (const AddAction& action : update.add) {
    writes.push_back({Write::Kind::kAdd, &action.path, nullptr, &action.value.value});
  }
  for (const DeleteAction& action : update.del) {
    writes.push_back({Write::Kind::kDelete, &action.path, nullptr, &action.value.value});
  }
  // In path order, writes past the end of one list append in index order.
  std::stable_sort(writes.begin(), writes.end(),
                   [](const Write& a, const Write& b) { return path_less(*a.path, *b.path); });
  std::vector<Path> emptied;
  for (const Write& write : writes) {
    DDB_ASSIGN_OR_RETURN(bool applied, apply_write(write, item, emptied));
    invalid_path = invalid_path || !applied;
  }
  if (invalid_path) {
    return ApiError::validation(kInvalidPath);
  }
  if (too_deep) {
    return ApiError::validation(kNestingExceeded);
  }

  std::vector<Path> paths = std::move(removed).value();
  paths.insert(paths.end(), emptied.begin(), emptied.end());
  // Highest path first: removing an element shifts only the elements after it, which are gone.
  std::sort(paths.begin(), paths.end(),
            [](const Path& a, const Path& b) { return path_less(b, a); });
  for (const Path& path : paths) {
    remove_path(item, path);
  }
  return item;
}

}  // namespace

Result<Item> apply_update(const UpdateExpression& update, Item item) {
  Result<Item> updated = apply_actions(update, std::move(item));
  if (!updated && update.from_attribute_updates && updated.error().message() == kWrongType) {
    return ApiError::validation(kTypeMismatch);
  }
  return updated;
}

std::vector<Path> updated_paths(const UpdateExpression& update) {
  std::vector<Path> paths;
  for (const SetAction& action : update.set) {
    paths.push_back(action.path);
  }
  for (const RemoveAction& action : update.remove) {
    paths.push_back(action.path);
  }
  for (const AddAction& action : update.add) {
    paths.push_back(action.path);
  }
  for (const DeleteAction& action : update.del) {
    paths.push_back(action.path);
  }
  return paths;
}

}  // namespace ddblocal::expr
