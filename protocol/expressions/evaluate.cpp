// Evaluating a resolved condition against an item, with DynamoDB's rules: an operand that names
// nothing (a missing attribute, or size() of a value that has no size) makes every comparison
// false except <>, which it makes true; values of different types are unequal and unordered.
#include "protocol/expressions/evaluate.h"

#include <algorithm>
#include <compare>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocol/expressions/path.h"
#include "protocol/utf16.h"

namespace ddblocal::expr {
namespace {

// size(value): strings in UTF-16 code units, binaries in bytes, sets, lists and maps by their
// element count. Numbers, booleans and NULL have no size (nullptr).
const AttributeValue* size_of(const AttributeValue& value, AttributeValue& scratch) {
  std::size_t size = 0;
  if (const auto* s = value.get_if<std::string>()) {
    size = utf16_length(*s);
  } else if (const auto* b = value.get_if<Binary>()) {
    size = b->bytes.size();
  } else if (const auto* ss = value.get_if<StringSet>()) {
    size = ss->members.size();
  } else if (const auto* ns = value.get_if<NumberSet>()) {
    size = ns->members.size();
  } else if (const auto* bs = value.get_if<BinarySet>()) {
    size = bs->members.size();
  } else if (const auto* list = value.get_if<AttributeList>()) {
    size = list->size();
  } else if (const auto* map = value.get_if<AttributeMap>()) {
    size = map->size();
  } else {
    return nullptr;
  }
  // A count always parses: it is a short run of digits.
  scratch = Number::parse(std::to_string(size)).value();
  return &scratch;
}

// The value an operand stands for, or nullptr when it names nothing. `scratch` holds a value
// computed here (size()); the result may point into it, so it must outlive the result.
const AttributeValue* operand_value(const Operand& operand, const Item* item,
                                    AttributeValue& scratch) {
  if (const auto* path = std::get_if<Path>(&operand.node)) {
    return find_path(item, *path);
  }
  if (const auto* value = std::get_if<ValueRef>(&operand.node)) {
    return &value->value;
  }
  // Resolution admits no other function, and no arithmetic, in a condition.
  const auto* call = std::get_if<FunctionCall>(&operand.node);
  if (call == nullptr || call->name != "size" || call->arguments.size() != 1) {
    return nullptr;
  }
  AttributeValue argument_scratch;
  const AttributeValue* argument = operand_value(call->arguments[0], item, argument_scratch);
  return argument == nullptr ? nullptr : size_of(*argument, scratch);
}

// Only strings, numbers and binaries are ordered, and only against their own type.
// REQUIRES: a and b of the same type.
std::partial_ordering order(const AttributeValue& a, const AttributeValue& b) {
  if (const auto* s = a.get_if<std::string>()) {
    // std::string compares as unsigned bytes, which is UTF-8 code point order.
    return *s <=> *b.get_if<std::string>();
  }
  if (const auto* n = a.get_if<Number>()) {
    return *n <=> *b.get_if<Number>();
  }
  if (const auto* bytes = a.get_if<Binary>()) {
    return bytes->bytes <=> b.get_if<Binary>()->bytes;
  }
  return std::partial_ordering::unordered;
}

bool compare(CompareOp op, const AttributeValue* a, const AttributeValue* b) {
  if (op == CompareOp::kNe) {
    return a == nullptr || b == nullptr || !(*a == *b);
  }
  if (a == nullptr || b == nullptr) {
    return false;
  }
  if (op == CompareOp::kEq) {
    return *a == *b;
  }
  if (a->type() != b->type()) {
    return false;
  }
  std::partial_ordering ordering = order(*a, *b);
  switch (op) {
    case CompareOp::kLt:
      return ordering < 0;
    case CompareOp::kLe:
      return ordering <= 0;
    case CompareOp::kGt:
      return ordering > 0;
    case CompareOp::kGe:
      return ordering >= 0;
    case CompareOp::kEq:
    case CompareOp::kNe:
      break;
  }
  return false;
}

bool begins_with(const AttributeValue& value, const AttributeValue& prefix) {
  if (const auto* s = value.get_if<std::string>()) {
    const auto* p = prefix.get_if<std::string>();
    return p != nullptr && s->starts_with(*p);
  }
  if (const auto* b = value.get_if<Binary>()) {
    const auto* p = prefix.get_if<Binary>();
    return p != nullptr && b->bytes.starts_with(p->bytes);
  }
  return false;
}

template <typename Member>
bool has_member(const std::vector<Member>& members, const Member* candidate) {
  return candidate != nullptr && std::binary_search(members.begin(), members.end(), *candidate);
}

// contains(value, operand): a substring of a string or binary, a member of a set of the
// operand's type, or an element of a list equal to the operand.
bool contains(const AttributeValue& value, const AttributeValue& operand) {
  if (const auto* s = value.get_if<std::string>()) {
    const auto* part = operand.get_if<std::string>();
    return part != nullptr && s->find(*part) != std::string::npos;
  }
  if (const auto* b = value.get_if<Binary>()) {
    const auto* part = operand.get_if<Binary>();
    return part != nullptr && b->bytes.find(part->bytes) != std::string::npos;
  }
  if (const auto* ss = value.get_if<StringSet>()) {
    return has_member(ss->members, operand.get_if<std::string>());
  }
  if (const auto* ns = value.get_if<NumberSet>()) {
    return has_member(ns->members, operand.get_if<Number>());
  }
  if (const auto* bs = value.get_if<BinarySet>()) {
    const auto* member = operand.get_if<Binary>();
    return has_member(bs->members, member == nullptr ? nullptr : &member->bytes);
  }
  if (const auto* list = value.get_if<AttributeList>()) {
    return std::find(list->begin(), list->end(), operand) != list->end();
  }
  return false;
}

bool evaluate_function(const FunctionCondition& function, const Item* item) {
  const std::vector<Operand>& arguments = function.arguments;
  if (function.name == "attribute_exists" || function.name == "attribute_not_exists") {
    const auto* path = arguments.size() == 1 ? std::get_if<Path>(&arguments[0].node) : nullptr;
    bool exists = path != nullptr && find_path(item, *path) != nullptr;
    return function.name == "attribute_exists" ? exists : !exists;
  }
  if (arguments.size() != 2) {
    return false;
  }
  AttributeValue first_scratch;
  AttributeValue second_scratch;
  const AttributeValue* first = operand_value(arguments[0], item, first_scratch);
  const AttributeValue* second = operand_value(arguments[1], item, second_scratch);
  if (first == nullptr || second == nullptr) {
    return false;
  }
  if (function.name == "attribute_type") {
    const auto* type = second->get_if<std::string>();
    return type != nullptr && *type == type_name(first->type());
  }
  if (function.name == "begins_with") {
    return begins_with(*first, *second);
  }
  if (function.name == "contains") {
    return contains(*first, *second);
  }
  return false;
}

bool evaluate_between(const Between& between, const Item* item) {
  AttributeValue value_scratch;
  AttributeValue low_scratch;
  AttributeValue high_scratch;
  const AttributeValue* value = operand_value(between.value, item, value_scratch);
  const AttributeValue* low = operand_value(between.low, item, low_scratch);
  const AttributeValue* high = operand_value(between.high, item, high_scratch);
  return compare(CompareOp::kGe, value, low) && compare(CompareOp::kLe, value, high);
}

bool evaluate_in(const In& in, const Item* item) {
  AttributeValue value_scratch;
  const AttributeValue* value = operand_value(in.value, item, value_scratch);
  if (value == nullptr) {
    return false;
  }
  return std::any_of(in.candidates.begin(), in.candidates.end(), [&](const Operand& candidate) {
    AttributeValue candidate_scratch;
    return compare(CompareOp::kEq, value, operand_value(candidate, item, candidate_scratch));
  });
}

bool evaluate_logical(const Logical& logical, const Item* item) {
  const std::vector<Condition>& operands = logical.operands;
  switch (logical.op) {
    case Logical::Op::kAnd:
      return std::all_of(operands.begin(), operands.end(),
                         [&](const Condition& operand) { return evaluate(operand, item); });
    case Logical::Op::kOr:
      return std::any_of(operands.begin(), operands.end(),
                         [&](const Condition& operand) { return evaluate(operand, item); });
    case Logical::Op::kNot:
      return !operands.empty() && !evaluate(operands.front(), item);
  }
  return false;
}

}  // namespace

bool evaluate(const Condition& condition, const Item* item) {
  struct Visitor {
    const Item* item;
    bool operator()(const Comparison& comparison) const {
      AttributeValue left_scratch;
      AttributeValue right_scratch;
      return compare(comparison.op, operand_value(comparison.left, item, left_scratch),
                     operand_value(comparison.right, item, right_scratch));
    }
    bool operator()(const Between& between) const { return evaluate_between(between, item); }
    bool operator()(const In& in) const { return evaluate_in(in, item); }
    bool operator()(const FunctionCondition& function) const {
      return evaluate_function(function, item);
    }
    bool operator()(const Logical& logical) const { return evaluate_logical(logical, item); }
  };
  return std::visit(Visitor{item}, condition.node);
}

}  // namespace ddblocal::expr
