// Placeholder substitution and the checks DynamoDB makes on an expression before it reads any
// item, in DynamoDB's order (learned from DynamoDB Local, which runs DynamoDB's own validator):
//  - a condition is checked bottom-up in text order: each path (depth, then its #names), each
//    :value, then each operator or function (operand count, operand types, a repeated first
//    operand, the checks of that function, the running operator count);
//  - an update first resolves every action's path and detects overlapping or conflicting paths,
//    then checks every action's value; both passes take the actions in reverse text order;
//  - a projection resolves and inserts its paths in reverse text order too.
// Where DynamoDB's messages depend on the iteration order of a Java HashMap (which child of a
// path it names, the order of unused keys), that order is reproduced from Java's hash functions.
#include "protocol/expressions/resolve.h"

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "protocol/expressions/lexer.h"

namespace ddblocal::expr {
namespace {

// Limits: a path may nest 32 levels, an expression may hold 300 operators and functions, IN at
// most 100 candidates ("Expression parameters" in the Developer Guide's limits page).
constexpr std::size_t kMaxPathDepth = 32;
constexpr int kMaxOperators = 300;
constexpr std::size_t kMaxInCandidates = 100;

ApiError invalid(ExpressionKind kind, std::string_view detail) {
  if (kind == ExpressionKind::kStatement) {
    return ApiError::validation(std::string(detail));
  }
  return ApiError::validation("Invalid " + std::string(expression_name(kind)) + ": " +
                              std::string(detail));
}

// ---- Java's hashing, for the orders DynamoDB's messages show ----

std::uint32_t java_string_hash(std::string_view text) {
  std::uint32_t hash = 0;
  for (char16_t unit : to_utf16(text)) {
    hash = hash * 31 + unit;
  }
  return hash;
}

// The bucket of `hash` in a Java HashMap table of `capacity` slots.
std::size_t java_bucket(std::uint32_t hash, std::size_t capacity) {
  return (hash ^ (hash >> 16)) & (capacity - 1);
}

// Path elements hash as HashCodeBuilder(8191, 127).append(name or index).
std::uint32_t element_hash(const PathElement& element) {
  constexpr std::uint32_t kSeed = 8191u * 127u;
  return element.kind == PathElement::Kind::kName ? kSeed + java_string_hash(element.name)
                                                  : kSeed + element.index;
}

// ---- types ----

using TypeSet = std::uint16_t;
constexpr TypeSet type_bit(ValueType type) {
  return TypeSet(1u << static_cast<unsigned>(type));
}
constexpr TypeSet kAllTypes = 0x3FF;
constexpr TypeSet kOrderedTypes =
    type_bit(ValueType::kN) | type_bit(ValueType::kS) | type_bit(ValueType::kB);
constexpr TypeSet kStringOrBinary = type_bit(ValueType::kS) | type_bit(ValueType::kB);
constexpr TypeSet kIterableTypes = kAllTypes & ~type_bit(ValueType::kN) &
                                   ~type_bit(ValueType::kBool) & ~type_bit(ValueType::kNull);

// How DynamoDB names a set of types: one type by its name; all of them in the order AWS was
// recorded printing (dynalite's tests; DynamoDB Local's order differs from run to run).
std::string type_symbols(TypeSet types) {
  for (unsigned i = 0; i < 10; ++i) {
    if (types == TypeSet(1u << i)) {
      return type_name(static_cast<ValueType>(i));
    }
  }
  return "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}";
}

// The types an operand may have before any item is read.
TypeSet possible_types(const Operand& operand) {
  if (const auto* value = std::get_if<ValueRef>(&operand.node)) {
    return type_bit(value->value.type());
  }
  if (const auto* call = std::get_if<FunctionCall>(&operand.node)) {
    return call->name == "size"          ? type_bit(ValueType::kN)
           : call->name == "list_append" ? type_bit(ValueType::kL)
                                         : kAllTypes;
  }
  return std::holds_alternative<Arithmetic>(operand.node) ? type_bit(ValueType::kN) : kAllTypes;
}

// What DynamoDB checks for each operator and function (besides what the grammar already fixes).
struct OperatorRule {
  std::string_view name;
  std::size_t operands = 0;  // exact count of a function's operands; 0 for operators
  TypeSet types = kAllTypes;
  bool distinct_first = true;  // a path as first operand may not appear again
};

constexpr std::array<OperatorRule, 8> kFunctionRules = {{
    {"attribute_exists", 1, kAllTypes, true},
    {"attribute_not_exists", 1, kAllTypes, true},
    {"attribute_type", 2, kAllTypes, true},
    {"begins_with", 2, kStringOrBinary, true},
    {"contains", 2, kAllTypes, true},
    {"size", 1, kIterableTypes, true},
    {"if_not_exists", 2, kAllTypes, true},
    {"list_append", 2, type_bit(ValueType::kL), false},
}};

OperatorRule function_rule(std::string_view name) {
  for (const OperatorRule& rule : kFunctionRules) {
    if (rule.name == name) {
      return rule;
    }
  }
  return {name, 0, kAllTypes, false};
}

std::string_view compare_symbol(CompareOp op) {
  static constexpr std::array<std::string_view, 6> kSymbols = {"=", "<>", "<", "<=", ">", ">="};
  return kSymbols[static_cast<std::size_t>(op)];
}

// ---- paths ----

bool same_element(const PathElement& a, const PathElement& b) {
  return a.kind == b.kind &&
         (a.kind == PathElement::Kind::kName ? a.name == b.name : a.index == b.index);
}

bool same_path(const Path& a, const Path& b) {
  return std::equal(a.elements.begin(), a.elements.end(), b.elements.begin(), b.elements.end(),
                    same_element);
}

std::string path_text(const std::vector<PathElement>& elements) {
  std::string text = "[";
  for (std::size_t i = 0; i < elements.size(); ++i) {
    text += i > 0 ? ", " : "";
    text += elements[i].kind == PathElement::Kind::kName
                ? elements[i].name
                : "[" + std::to_string(elements[i].index) + "]";
  }
  return text + "]";
}

// The paths of an update or projection as a tree, to find two that overlap (one contains the
// other) or conflict (one indexes a list where the other names a map member).
class PathTree {
 public:
  // Adds `path`, or returns DynamoDB's message naming it and the path it clashes with.
  std::optional<std::string> insert(const Path& path) {
    Node* node = &root_;
    for (std::size_t depth = 0;; ++depth) {
      const PathElement& element = path.elements[depth];
      Child* child = node->find(element);
      if (child == nullptr) {
        if (!node->children.empty() && node->first().element.kind != element.kind) {
          return clash("conflict", path, depth, *node);
        }
        node->children.push_back({element, chain(path, depth + 1)});
        return std::nullopt;
      }
      if (child->node == nullptr || depth + 1 == path.elements.size()) {
        return clash("overlap", path, depth, *node);
      }
      node = child->node.get();
    }
  }

 private:
  struct Node;
  struct Child {
    PathElement element;
    std::unique_ptr<Node> node;  // null where a path ends
  };
  struct Node {
    std::vector<Child> children;  // in insertion order
    Child* find(const PathElement& element) {
      auto it = std::find_if(children.begin(), children.end(),
                             [&](const Child& c) { return same_element(c.element, element); });
      return it == children.end() ? nullptr : &*it;
    }
    // The child a Java HashMap iterates first: lowest bucket, then earliest inserted.
    const Child& first() const {
      std::size_t capacity = 16;
      while (children.size() > capacity / 4 * 3) {
        capacity *= 2;
      }
      return *std::min_element(children.begin(), children.end(),
                               [&](const Child& a, const Child& b) {
                                 return java_bucket(element_hash(a.element), capacity) <
                                        java_bucket(element_hash(b.element), capacity);
                               });
    }
  };

  static std::unique_ptr<Node> chain(const Path& path, std::size_t from) {
    if (from == path.elements.size()) {
      return nullptr;
    }
    auto node = std::make_unique<Node>();
    node->children.push_back({path.elements[from], chain(path, from + 1)});
    return node;
  }

  // DynamoDB names the other path by following the first child down from where they met.
  static std::string clash(std::string_view what, const Path& path, std::size_t depth,
                           const Node& met) {
    std::vector<PathElement> other(path.elements.begin(), path.elements.begin() + depth);
    for (const Node* node = &met; node != nullptr && !node->children.empty();) {
      const Child& child = node->first();
      other.push_back(child.element);
      node = child.node.get();
    }
    return "Two document paths " + std::string(what) +
           " with each other; must remove or rewrite one of these paths; path one: " +
           path_text(path.elements) + ", path two: " + path_text(other);
  }

  Node root_;
};

// ---- values ----

std::string bound_text(const AttributeValue& value) {
  std::string body;
  if (const auto* number = value.get_if<Number>()) {
    body = number->to_string();
  } else if (const auto* text = value.get_if<std::string>()) {
    body = *text;
  } else if (const auto* binary = value.get_if<Binary>()) {
    // DynamoDB prints the Java buffer holding the bytes.
    std::string size = std::to_string(binary->bytes.size());
    body = "java.nio.HeapByteBuffer[pos=0 lim=" + size + " cap=" + size + "]";
  }
  return "AttributeValue: {" + std::string(type_name(value.type())) + ":" + body + "}";
}

// REQUIRES: both of the same type, N, S or B.
bool greater(const AttributeValue& a, const AttributeValue& b) {
  if (const auto* number = a.get_if<Number>()) {
    return *number > *b.get_if<Number>();
  }
  auto bytes = [](const AttributeValue& v) -> std::string_view {
    const auto* text = v.get_if<std::string>();
    return text != nullptr ? std::string_view(*text) : std::string_view(v.get_if<Binary>()->bytes);
  };
  std::string_view x = bytes(a);
  std::string_view y = bytes(b);
  return std::lexicographical_compare(y.begin(), y.end(), x.begin(), x.end(), [](char p, char q) {
    return static_cast<unsigned char>(p) < static_cast<unsigned char>(q);
  });
}

// DynamoDB's names for the types ADD and DELETE refuse.
std::string_view long_type_name(ValueType type) {
  switch (type) {
    case ValueType::kS:
      return "STRING";
    case ValueType::kN:
      return "NUMBER";
    case ValueType::kB:
      return "BINARY";
    case ValueType::kBool:
      return "BOOLEAN";
    case ValueType::kNull:
      return "NULL";
    case ValueType::kM:
      return "MAP";
    case ValueType::kL:
      return "LIST";
    case ValueType::kSS:
      return "STRING_SET";
    case ValueType::kNS:
      return "NUMBER_SET";
    case ValueType::kBS:
      return "BINARY_SET";
  }
  return "NULL";
}

// Resolves and checks one expression, recording the placeholders it uses.
class Resolver {
 public:
  Resolver(ExpressionKind kind, const AttributeNames* names, const Item* values,
           std::set<std::string, std::less<>>& used_names,
           std::set<std::string, std::less<>>& used_values)
      : kind_(kind),
        names_(names),
        values_(values),
        used_names_(used_names),
        used_values_(used_values) {}

  Result<void> condition(Condition& condition) {
    return std::visit([&](auto& node) { return check(node); }, condition.node);
  }

  Result<void> operand(Operand& operand) {
    return std::visit([&](auto& node) { return check(node); }, operand.node);
  }

  // The depth, then each #name in order.
  Result<void> path(Path& path) {
    if (path.elements.size() > kMaxPathDepth) {
      return error("The document path has too many nesting levels; nesting levels: " +
                   std::to_string(path.elements.size()));
    }
    for (PathElement& element : path.elements) {
      if (element.kind != PathElement::Kind::kName || element.name.empty() ||
          (element.name[0] != '#' && element.name[0] != ':')) {
        continue;
      }
      // DynamoDB looks both kinds of placeholder up in one table here, and cannot use a value
      // as a path element even when it finds one.
      bool is_value = element.name[0] == ':';
      bool defined = is_value ? values_ != nullptr && values_->contains(element.name)
                              : names_ != nullptr && names_->contains(element.name);
      if (!defined) {
        return error(
            "An expression attribute name used in the document path is not defined; attribute "
            "name: " +
            element.name);
      }
      if (is_value) {
        return error("Internal server error");
      }
      used_names_.insert(element.name);
      element.placeholder = std::move(element.name);
      element.name = names_->find(element.placeholder)->second;
    }
    return {};
  }

  Result<void> value(ValueRef& value) {
    if (values_ == nullptr || !values_->contains(value.placeholder)) {
      return error(
          "An expression attribute value used in expression is not defined; attribute "
          "value: " +
          value.placeholder);
    }
    used_values_.insert(value.placeholder);
    value.value = values_->find(value.placeholder)->second;
    return {};
  }

  ApiError error(std::string_view detail) const { return invalid(kind_, detail); }

 private:
  Result<void> check(Comparison& node) {
    DDB_RETURN_IF_ERROR(operand(node.left));
    DDB_RETURN_IF_ERROR(operand(node.right));
    bool ordered = node.op != CompareOp::kEq && node.op != CompareOp::kNe;
    OperatorRule rule{compare_symbol(node.op), 0, ordered ? kOrderedTypes : kAllTypes, true};
    return operator_checks(rule, {&node.left, &node.right});
  }

  Result<void> check(Between& node) {
    DDB_RETURN_IF_ERROR(operand(node.value));
    DDB_RETURN_IF_ERROR(operand(node.low));
    DDB_RETURN_IF_ERROR(operand(node.high));
    DDB_RETURN_IF_ERROR(
        operand_checks({"BETWEEN", 0, kOrderedTypes, true}, {&node.value, &node.low, &node.high}));
    const auto* low = std::get_if<ValueRef>(&node.low.node);
    const auto* high = std::get_if<ValueRef>(&node.high.node);
    if (low != nullptr && high != nullptr) {
      std::string bounds = "lower bound operand: " + bound_text(low->value) +
                           ", upper bound operand: " + bound_text(high->value);
      if (low->value.type() != high->value.type()) {
        return error("The BETWEEN operator requires same data type for lower and upper bounds; " +
                     bounds);
      }
      if (greater(low->value, high->value)) {
        return error(
            "The BETWEEN operator requires upper bound to be greater than or equal to lower "
            "bound; " +
            bounds);
      }
    }
    return count_operator();
  }

  Result<void> check(In& node) {
    std::vector<const Operand*> operands = {&node.value};
    DDB_RETURN_IF_ERROR(operand(node.value));
    for (Operand& candidate : node.candidates) {
      DDB_RETURN_IF_ERROR(operand(candidate));
      operands.push_back(&candidate);
    }
    DDB_RETURN_IF_ERROR(operand_checks({"IN", 0, kAllTypes, true}, operands));
    if (node.candidates.size() > kMaxInCandidates) {
      return error("The IN operator is provided with too many operands; number of operands: " +
                   std::to_string(node.candidates.size()));
    }
    return count_operator();
  }

  Result<void> check(FunctionCondition& node) { return function(node.name, node.arguments); }
  Result<void> check(FunctionCall& node) { return function(node.name, node.arguments); }

  Result<void> check(Logical& node) {
    for (Condition& child : node.operands) {
      DDB_RETURN_IF_ERROR(condition(child));
    }
    return count_operator();
  }

  Result<void> check(Path& node) { return path(node); }
  Result<void> check(ValueRef& node) { return value(node); }

  Result<void> check(Arithmetic& node) {
    std::vector<const Operand*> operands;
    for (Operand& child : node.operands) {
      DDB_RETURN_IF_ERROR(operand(child));
      operands.push_back(&child);
    }
    OperatorRule rule{node.op == '+' ? "+" : "-", 0, type_bit(ValueType::kN), false};
    return operator_checks(rule, operands);
  }

  Result<void> function(std::string_view name, std::vector<Operand>& arguments) {
    std::vector<const Operand*> operands;
    for (Operand& argument : arguments) {
      DDB_RETURN_IF_ERROR(operand(argument));
      operands.push_back(&argument);
    }
    OperatorRule rule = function_rule(name);
    if (operands.size() != rule.operands) {
      return error("Incorrect number of operands for operator or function; operator or function: " +
                   std::string(name) + ", number of operands: " + std::to_string(operands.size()));
    }
    DDB_RETURN_IF_ERROR(operand_checks(rule, operands));
    bool needs_path =
        name == "attribute_exists" || name == "attribute_not_exists" || name == "if_not_exists";
    if (needs_path && !std::holds_alternative<Path>(operands[0]->node)) {
      return error("Operator or function requires a document path; operator or function: " +
                   std::string(name));
    }
    if (name == "attribute_type") {
      DDB_RETURN_IF_ERROR(attribute_type_name(*operands[1]));
    }
    return count_operator();
  }

  // attribute_type's second operand: a :value holding one of the type names.
  Result<void> attribute_type_name(const Operand& operand) {
    const auto* value = std::get_if<ValueRef>(&operand.node);
    const std::string* name = value != nullptr ? value->value.get_if<std::string>() : nullptr;
    if (name == nullptr) {
      return error(
          "Incorrect operand type for operator or function; operator or function: "
          "attribute_type, operand type: " +
          type_symbols(possible_types(operand)));
    }
    for (unsigned i = 0; i < 10; ++i) {
      if (*name == type_name(static_cast<ValueType>(i))) {
        return {};
      }
    }
    // In the order AWS was recorded printing them (dynalite's tests).
    return error("Invalid attribute type name found; type: " + *name +
                 ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
  }

  Result<void> operator_checks(const OperatorRule& rule,
                               const std::vector<const Operand*>& operands) {
    DDB_RETURN_IF_ERROR(operand_checks(rule, operands));
    return count_operator();
  }

  // The operand types, then a first path repeated among the others.
  Result<void> operand_checks(const OperatorRule& rule,
                              const std::vector<const Operand*>& operands) {
    for (const Operand* operand : operands) {
      TypeSet types = possible_types(*operand);
      if ((types & rule.types) == 0) {
        return error("Incorrect operand type for operator or function; operator or function: " +
                     std::string(rule.name) + ", operand type: " + type_symbols(types));
      }
    }
    const auto* first = std::get_if<Path>(&operands[0]->node);
    if (!rule.distinct_first || first == nullptr) {
      return {};
    }
    for (std::size_t i = 1; i < operands.size(); ++i) {
      const auto* later = std::get_if<Path>(&operands[i]->node);
      if (later != nullptr && same_path(*first, *later)) {
        return error(
            "The first operand must be distinct from the remaining operands for this operator or "
            "function; operator: " +
            std::string(rule.name) + ", first operand: " + path_text(first->elements));
      }
    }
    return {};
  }

  Result<void> count_operator() {
    if (++operators_ > kMaxOperators) {
      return error("The expression contains too many operators; operator count: " +
                   std::to_string(operators_));
    }
    return {};
  }

  ExpressionKind kind_;
  const AttributeNames* names_;
  const Item* values_;
  std::set<std::string, std::less<>>& used_names_;
  std::set<std::string, std::less<>>& used_values_;
  int operators_ = 0;
};

// ADD takes a number or a set, DELETE a set. DynamoDB Local adds ", typeSet:
// ALLOWED_FOR_ADD_OPERAND" to this message; AWS does not (dynalite's recordings, and errors quoted
// from Lambda functions).
Result<void> check_add_delete(const Resolver& resolver, std::string_view action,
                              const AttributeValue& value) {
  ValueType type = value.type();
  bool is_set = type == ValueType::kSS || type == ValueType::kNS || type == ValueType::kBS;
  if (is_set || (action == "ADD" && type == ValueType::kN)) {
    return {};
  }
  return resolver.error(
      "Incorrect operand type for operator or function; operator: " + std::string(action) +
      ", operand type: " + std::string(long_type_name(type)));
}

// The unused keys of a placeholder map, in the order of the Java HashSet DynamoDB copies the
// map into (sized for the whole map; keys in one bucket by name, standing in for request order).
std::string unused_keys(const std::vector<std::string_view>& unused, std::size_t map_size) {
  std::size_t capacity = 16;
  while (capacity < map_size * 4 / 3 + 1) {
    capacity *= 2;
  }
  std::vector<std::string_view> keys = unused;
  std::stable_sort(keys.begin(), keys.end(), [&](std::string_view a, std::string_view b) {
    return java_bucket(java_string_hash(a), capacity) < java_bucket(java_string_hash(b), capacity);
  });
  std::string text = "{";
  for (std::size_t i = 0; i < keys.size(); ++i) {
    text += (i > 0 ? ", " : "") + std::string(keys[i]);
  }
  return text + "}";
}

}  // namespace

Result<void> Placeholders::resolve(Condition& condition, ExpressionKind kind) {
  Resolver resolver(kind, names_, values_, used_names_, used_values_);
  return resolver.condition(condition);
}

Result<void> Placeholders::resolve(UpdateExpression& update, ExpressionKind kind) {
  Resolver resolver(kind, names_, values_, used_names_, used_values_);
  // The actions in text order: clause by clause, as written.
  struct Action {
    Path* path;
    Operand* set_value;
    ValueRef* operand;  // ADD and DELETE
    std::string_view name;
  };
  // Clauses missing from clause_order (a tree built by hand) come after, in a fixed order.
  std::vector<UpdateClause> clauses = update.clause_order;
  for (UpdateClause clause :
       {UpdateClause::kSet, UpdateClause::kRemove, UpdateClause::kAdd, UpdateClause::kDelete}) {
    if (std::find(clauses.begin(), clauses.end(), clause) == clauses.end()) {
      clauses.push_back(clause);
    }
  }
  std::vector<Action> actions;
  for (UpdateClause clause : clauses) {
    if (clause == UpdateClause::kSet) {
      for (SetAction& a : update.set) {
        actions.push_back({&a.path, &a.value, nullptr, "SET"});
      }
    } else if (clause == UpdateClause::kRemove) {
      for (RemoveAction& a : update.remove) {
        actions.push_back({&a.path, nullptr, nullptr, "REMOVE"});
      }
    } else if (clause == UpdateClause::kAdd) {
      for (AddAction& a : update.add) {
        actions.push_back({&a.path, nullptr, &a.value, "ADD"});
      }
    } else {
      for (DeleteAction& a : update.del) {
        actions.push_back({&a.path, nullptr, &a.value, "DELETE"});
      }
    }
  }
  std::reverse(actions.begin(), actions.end());
  PathTree tree;
  for (const Action& action : actions) {
    DDB_RETURN_IF_ERROR(resolver.path(*action.path));
    if (auto clash = tree.insert(*action.path)) {
      return resolver.error(*clash);
    }
  }
  for (const Action& action : actions) {
    if (action.set_value != nullptr) {
      DDB_RETURN_IF_ERROR(resolver.operand(*action.set_value));
    } else if (action.operand != nullptr) {
      DDB_RETURN_IF_ERROR(resolver.value(*action.operand));
      DDB_RETURN_IF_ERROR(check_add_delete(resolver, action.name, action.operand->value));
    }
  }
  return {};
}

Result<void> Placeholders::resolve(Projection& projection, ExpressionKind kind) {
  Resolver resolver(kind, names_, values_, used_names_, used_values_);
  PathTree tree;
  for (auto it = projection.paths.rbegin(); it != projection.paths.rend(); ++it) {
    DDB_RETURN_IF_ERROR(resolver.path(*it));
    if (auto clash = tree.insert(*it)) {
      return resolver.error(*clash);
    }
  }
  return {};
}

Result<void> Placeholders::check_all_used() const {
  auto check = [](const auto* map, const auto& used, std::string_view member) -> Result<void> {
    if (map == nullptr) {
      return {};
    }
    std::vector<std::string_view> unused;
    for (const auto& [key, ignored] : *map) {
      if (!used.contains(key)) {
        unused.push_back(key);
      }
    }
    if (unused.empty()) {
      return {};
    }
    return ApiError::validation(
        "Value provided in " + std::string(member) +
        " unused in expressions: keys: " + unused_keys(unused, map->size()));
  };
  DDB_RETURN_IF_ERROR(check(names_, used_names_, "ExpressionAttributeNames"));
  return check(values_, used_values_, "ExpressionAttributeValues");
}

}  // namespace ddblocal::expr
