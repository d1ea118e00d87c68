// KeyConditionExpression validation: DynamoDB checks a key condition in three passes (nested
// paths on key attributes; the shape of each condition; then the table's key schema), and the
// pass that fails first decides which message the client sees.
#include "protocol/expressions/key_condition.h"

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ddblocal::expr {
namespace {

// One simple condition on one attribute, as the shape pass collects it.
struct KeyTerm {
  std::string attribute;
  SortKeyOp op = SortKeyOp::kNone;
  std::vector<const AttributeValue*> values;  // one, or BETWEEN's two bounds
};

ApiError invalid_operator(std::string_view op) {
  return ApiError::validation("Invalid operator used in KeyConditionExpression: " +
                              std::string(op));
}

ApiError invalid_condition(std::string_view detail) {
  return ApiError::validation("Invalid condition in KeyConditionExpression: " +
                              std::string(detail));
}

ApiError missed_key(const std::string& name) {
  return ApiError::validation("Query condition missed key schema element: " + name);
}

const Path* first_path(const Operand& operand, const PathMatch& match) {
  if (const auto* path = std::get_if<Path>(&operand.node)) {
    return match(*path) ? path : nullptr;
  }
  if (const auto* call = std::get_if<FunctionCall>(&operand.node)) {
    for (const Operand& argument : call->arguments) {
      if (const Path* found = first_path(argument, match)) {
        return found;
      }
    }
  }
  return nullptr;
}

}  // namespace

const Path* first_path(const Condition& condition, const PathMatch& match) {
  auto first_of = [&](std::initializer_list<const Operand*> operands,
                      const std::vector<Operand>& more) -> const Path* {
    for (const Operand* operand : operands) {
      if (const Path* found = first_path(*operand, match)) {
        return found;
      }
    }
    for (const Operand& operand : more) {
      if (const Path* found = first_path(operand, match)) {
        return found;
      }
    }
    return nullptr;
  };
  static const std::vector<Operand> kNone;
  return std::visit(
      [&](const auto& node) -> const Path* {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, Comparison>) {
          return first_of({&node.left, &node.right}, kNone);
        } else if constexpr (std::is_same_v<Node, Between>) {
          return first_of({&node.value, &node.low, &node.high}, kNone);
        } else if constexpr (std::is_same_v<Node, In>) {
          return first_of({&node.value}, node.candidates);
        } else if constexpr (std::is_same_v<Node, FunctionCondition>) {
          return first_of({}, node.arguments);
        } else {
          for (const Condition& operand : node.operands) {
            if (const Path* found = first_path(operand, match)) {
              return found;
            }
          }
          return nullptr;
        }
      },
      condition.node);
}

namespace {

// Whether any document path in the condition reaches inside a key attribute. DynamoDB
// rejects that before looking at the condition's shape.
bool has_nested_key_path(const Condition& condition, const KeyAttributes& keys) {
  return first_path(condition, [&](const Path& path) {
           return path.elements.size() > 1 && keys.contains(path.elements.front().name);
         }) != nullptr;
}

// The operator as seen from the attribute's side: `:v < c` is `c > :v`.
SortKeyOp flipped(SortKeyOp op) {
  switch (op) {
    case SortKeyOp::kLt:
      return SortKeyOp::kGt;
    case SortKeyOp::kLe:
      return SortKeyOp::kGe;
    case SortKeyOp::kGt:
      return SortKeyOp::kLt;
    case SortKeyOp::kGe:
      return SortKeyOp::kLe;
    default:
      return op;
  }
}

// One simple condition's operands, in order: exactly one top-level attribute, the rest values.
Result<void> add_term(SortKeyOp op, const std::vector<const Operand*>& operands,
                      std::vector<KeyTerm>& terms) {
  KeyTerm term;
  std::size_t attribute_at = 0;
  for (std::size_t i = 0; i < operands.size(); ++i) {
    const Operand& operand = *operands[i];
    if (const auto* path = std::get_if<Path>(&operand.node)) {
      if (!term.attribute.empty()) {
        return invalid_condition("Multiple attribute names used in one condition");
      }
      if (path->elements.size() > 1) {
        return ApiError::validation(
            "KeyConditionExpressions cannot have conditions on nested attributes");
      }
      term.attribute = path->elements.front().name;
      attribute_at = i;
    } else if (const auto* value = std::get_if<ValueRef>(&operand.node)) {
      term.values.push_back(&value->value);
    } else {
      return ApiError::validation("KeyConditionExpressions cannot contain nested operations");
    }
  }
  if (term.attribute.empty()) {
    return invalid_condition("No key attribute specified");
  }
  for (const KeyTerm& other : terms) {
    if (other.attribute == term.attribute) {
      return ApiError::validation(
          "KeyConditionExpressions must only contain one condition per key");
    }
  }
  term.op = attribute_at == 0 ? op : flipped(op);
  terms.push_back(std::move(term));
  return {};
}

SortKeyOp sort_key_op(CompareOp op) {
  switch (op) {
    case CompareOp::kLt:
      return SortKeyOp::kLt;
    case CompareOp::kLe:
      return SortKeyOp::kLe;
    case CompareOp::kGt:
      return SortKeyOp::kGt;
    case CompareOp::kGe:
      return SortKeyOp::kGe;
    default:
      return SortKeyOp::kEq;
  }
}

// The shape pass: only AND, comparisons other than <>, BETWEEN and begins_with, each relating
// one attribute to values. Walks the tree in textual order, so the first problem is reported.
Result<void> collect_terms(const Condition& condition, std::vector<KeyTerm>& terms) {
  if (const auto* logical = std::get_if<Logical>(&condition.node)) {
    if (logical->op != Logical::Op::kAnd) {
      return invalid_operator(logical->op == Logical::Op::kOr ? "OR" : "NOT");
    }
    for (const Condition& operand : logical->operands) {
      DDB_RETURN_IF_ERROR(collect_terms(operand, terms));
    }
    return {};
  }
  if (std::holds_alternative<In>(condition.node)) {
    return invalid_operator("IN");
  }
  if (const auto* comparison = std::get_if<Comparison>(&condition.node)) {
    if (comparison->op == CompareOp::kNe) {
      return invalid_operator("<>");
    }
    return add_term(sort_key_op(comparison->op), {&comparison->left, &comparison->right}, terms);
  }
  if (const auto* between = std::get_if<Between>(&condition.node)) {
    if (!std::holds_alternative<Path>(between->value.node)) {
      return invalid_condition("BETWEEN operator must have the key attribute as its first operand");
    }
    return add_term(SortKeyOp::kBetween, {&between->value, &between->low, &between->high}, terms);
  }
  const auto& function = std::get<FunctionCondition>(condition.node);
  if (function.name != "begins_with") {
    return invalid_operator(function.name);
  }
  if (function.arguments.empty() || !std::holds_alternative<Path>(function.arguments[0].node)) {
    return invalid_condition(
        "begins_with operator must have the key attribute as its first operand");
  }
  std::vector<const Operand*> operands;
  for (const Operand& argument : function.arguments) {
    operands.push_back(&argument);
  }
  return add_term(SortKeyOp::kBeginsWith, operands, terms);
}

Result<void> check_types(const KeyTerm& term, ScalarType type) {
  for (const AttributeValue* value : term.values) {
    if (value->type() != value_type_of(type)) {
      return ApiError::validation(
          "One or more parameter values were invalid: Condition parameter type does not match "
          "schema type");
    }
  }
  return {};
}

}  // namespace

Result<KeyCondition> to_key_condition(const Condition& condition, const KeyAttributes& keys) {
  // DynamoDB Local words this "Key attributes must be scalars; list random access '[]' and map
  // lookup '.' are not allowed: Key: <name>"; AWS answers as below.
  if (has_nested_key_path(condition, keys)) {
    return ApiError::validation(
        "Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on "
        "nested attributes");
  }
  std::vector<KeyTerm> terms;
  DDB_RETURN_IF_ERROR(collect_terms(condition, terms));
  if (terms.size() > std::max<std::size_t>(2, keys.partition.size() + keys.sort.size())) {
    return ApiError::validation(std::string(kConditionsLength));
  }
  // The key schema pass, in DynamoDB's order: a condition beyond the partition key on a key
  // without a sort key, each partition key attribute's presence, its values' type, its
  // operator, then the sort key attributes from the left.
  if (terms.size() > keys.partition.size() && keys.sort.empty()) {
    return ApiError::validation("Query key condition not supported");
  }
  auto term_of = [&](const AttributeDefinition& key) -> const KeyTerm* {
    auto it = std::find_if(terms.begin(), terms.end(),
                           [&](const KeyTerm& term) { return term.attribute == key.name; });
    return it == terms.end() ? nullptr : &*it;
  };
  KeyCondition result;
  for (const AttributeDefinition& key : keys.partition) {
    const KeyTerm* partition = term_of(key);
    if (partition == nullptr) {
      return missed_key(key.name);
    }
    DDB_RETURN_IF_ERROR(check_types(*partition, key.type));
    if (partition->op != SortKeyOp::kEq) {
      return ApiError::validation("Query key condition not supported");
    }
    result.partition_values.push_back(*partition->values[0]);
  }
  // The conditions left are on the first sort key attributes; only the last may be a range. (The
  // length checks above leave no more of them than there are sort key attributes.)
  const std::size_t sort_terms = terms.size() - keys.partition.size();
  for (std::size_t i = 0; i < sort_terms; ++i) {
    const AttributeDefinition& key = keys.sort[i];
    const KeyTerm* sort = term_of(key);
    if (sort == nullptr) {
      return missed_key(key.name);
    }
    DDB_RETURN_IF_ERROR(check_types(*sort, key.type));
    if (i + 1 < sort_terms) {
      if (sort->op != SortKeyOp::kEq) {
        return ApiError::validation("Query key condition not supported");
      }
      result.sort_prefix.push_back(*sort->values[0]);
      continue;
    }
    result.sort_op = sort->op;
    result.sort_value = *sort->values[0];
    if (sort->op == SortKeyOp::kBetween) {
      result.sort_high = *sort->values[1];
    }
  }
  return result;
}

Result<void> check_filter_keys(const Condition& filter, const KeyAttributes& keys) {
  const Path* key_path = first_path(
      filter, [&](const Path& path) { return keys.contains(path.elements.front().name); });
  if (key_path != nullptr) {
    return ApiError::validation(
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: " +
        key_path->elements.front().name);
  }
  return {};
}

std::vector<std::string> attribute_names(const Condition& condition) {
  std::vector<std::string> names;
  // A match that accepts nothing visits every path.
  first_path(condition, [&](const Path& path) {
    const std::string& name = path.elements.front().name;
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
    return false;
  });
  return names;
}

}  // namespace ddblocal::expr
