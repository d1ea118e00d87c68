// PartiQL to the expression language. Every attribute name becomes a #name placeholder and every
// literal a :value placeholder, so that the expression language's resolver checks the trees
// exactly as it checks a ConditionExpression or UpdateExpression (operand types, BETWEEN bounds,
// IN's size, overlapping paths, operator counts); its messages then name no request member, as
// DynamoDB's PartiQL messages do not. The PartiQL-only rules and their messages come from
// DynamoDB's PartiQL front end (see /work/notes/partiql.md).
#include "protocol/partiql/translate.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <utility>

#include "protocol/expressions/resolve.h"
#include "protocol/partiql/literals.h"

namespace ddblocal::partiql {
namespace {

constexpr std::string_view kNotBoolean =
    "WHERE clause must contain an expression that resolves to a boolean";

// Where a condition sits, which decides DynamoDB's message for a term that is not boolean.
enum class Place : std::uint8_t { kWhere, kAndOr, kNot };

// The functions a WHERE may call as a condition; size() is an operand.
constexpr std::array<std::string_view, 5> kConditionFunctions = {
    "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains"};

// IS <type> as attribute_type's type name; nullopt for the types DynamoDB does not test.
std::optional<std::string_view> attribute_type_of(std::string_view type) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 8> kTypes = {{
      {"NULL", "NULL"},
      {"BOOLEAN", "BOOL"},
      {"BLOB", "B"},
      {"STRING", "S"},
      {"NUMERIC", "N"},
      {"STRUCT", "M"},
      {"TUPLE", "M"},
      {"LIST", "L"},
  }};
  for (const auto& [name, symbol] : kTypes) {
    if (name == type) {
      return symbol;
    }
  }
  return std::nullopt;
}

std::optional<expr::CompareOp> compare_op(std::string_view op) {
  static constexpr std::array<std::pair<std::string_view, expr::CompareOp>, 6> kOps = {{
      {"=", expr::CompareOp::kEq},
      {"<>", expr::CompareOp::kNe},
      {"<", expr::CompareOp::kLt},
      {"<=", expr::CompareOp::kLe},
      {">", expr::CompareOp::kGt},
      {">=", expr::CompareOp::kGe},
  }};
  for (const auto& [text, compare] : kOps) {
    if (text == op) {
      return compare;
    }
  }
  return std::nullopt;
}

bool valid_table_name(const std::string& name) {
  return name.size() >= 3 && name.size() <= 255 &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '.' || c == '-';
         });
}

Result<Target> target(const TableName& name) {
  Target result{name.table, name.index};
  for (const std::string* part : {&name.table, name.index ? &*name.index : nullptr}) {
    if (part == nullptr) {
      continue;
    }
    if (part->empty()) {
      return ApiError::validation("Path component cannot be an empty string");
    }
    if (!valid_table_name(*part)) {
      return ApiError::validation(
          "Table name should be within the length [3, 255] and only contain 'a-z', 'A-Z', "
          "'0-9', '-', '_', '.'.");
    }
  }
  return result;
}

expr::Condition negated(expr::Condition condition) {
  expr::Logical logical{expr::Logical::Op::kNot, {}};
  logical.operands.push_back(std::move(condition));
  return expr::Condition{std::move(logical)};
}

expr::Condition function_condition(std::string name, std::vector<expr::Operand> arguments) {
  return expr::Condition{expr::FunctionCondition{std::move(name), std::move(arguments)}};
}

// Whether two path expressions name the same path (wherever they are written).
bool same_path(const Expr& a, const Expr& b) {
  return a.kind == Expr::Kind::kPath && b.kind == Expr::Kind::kPath && a.text == b.text &&
         std::equal(a.steps.begin(), a.steps.end(), b.steps.begin(), b.steps.end(),
                    [](const PathStep& x, const PathStep& y) {
                      return x.kind == y.kind && x.text == y.text;
                    });
}

// The name a SELECT returns a path's value under: its last name and the indexes after it.
std::string output_name(const Expr& path) {
  std::string name = path.text;
  for (const PathStep& step : path.steps) {
    if (step.kind == PathStep::Kind::kName) {
      name = step.text;
    } else {
      name += "[" + std::to_string(std::stoll(step.text)) + "]";
    }
  }
  return name;
}

class Translator {
 public:
  explicit Translator(std::span<const AttributeValue> parameters) : parameters_(parameters) {}

  Result<Read> select(const SelectStatement& statement) {
    Read read;
    DDB_ASSIGN_OR_RETURN(read.target, target(statement.from));
    DDB_RETURN_IF_ERROR(projection(statement.projection, read));
    DDB_ASSIGN_OR_RETURN(read.where, where(statement.where));
    for (const OrderKey& key : statement.order_by) {
      if (key.key.kind != Expr::Kind::kPath || !key.key.steps.empty()) {
        return ApiError::validation(
            "Argument to ORDER BY must be of type VariableReference. Type: " +
            std::string(key.key.kind == Expr::Kind::kPath ? "Path" : "Literal"));
      }
      read.order_by.push_back({key.key.text, key.descending});
    }
    return read;
  }

  Result<Insert> insert(const InsertStatement& statement) {
    Insert insert;
    DDB_ASSIGN_OR_RETURN(insert.target, target(statement.into));
    if (statement.value.kind != Expr::Kind::kTuple) {
      return ApiError::validation(
          "Unsupported format in item expression. Please use struct format {...} to express item "
          "values for insert statement." +
          at(statement.value.span));
    }
    DDB_ASSIGN_OR_RETURN(insert.item, literal_item(statement.value, parameters_));
    return insert;
  }

  Result<Update> update(const UpdateStatement& statement) {
    Update update;
    DDB_ASSIGN_OR_RETURN(update.target, target(statement.table));
    for (const UpdateAction& action : statement.actions) {
      DDB_RETURN_IF_ERROR(update_action(action, update.update));
    }
    // The resolver meets an UpdateExpression's actions last to first; DynamoDB checks a PartiQL
    // UPDATE's first to last, which decides how it names two overlapping paths.
    reverse_actions(update.update);
    DDB_RETURN_IF_ERROR(placeholders_.resolve(update.update, expr::ExpressionKind::kStatement));
    reverse_actions(update.update);
    DDB_ASSIGN_OR_RETURN(update.where, where(statement.where));
    update.returning = statement.returning;
    return update;
  }

  Result<Delete> remove(const DeleteStatement& statement) {
    Delete del;
    DDB_ASSIGN_OR_RETURN(del.target, target(statement.from));
    DDB_ASSIGN_OR_RETURN(del.where, where(statement.where));
    del.returning = statement.returning;
    return del;
  }

  Result<Check> check(const ExistsStatement& statement) {
    Check check;
    DDB_ASSIGN_OR_RETURN(check.target, target(statement.select.from));
    DDB_ASSIGN_OR_RETURN(check.where, where(statement.select.where));
    return check;
  }

 private:
  // ---- SELECT list ----

  Result<void> projection(const std::vector<Expr>& items, Read& read) {
    for (const Expr& item : items) {
      if (item.kind != Expr::Kind::kPath) {
        return ApiError::validation("Unexpected path component" + at(item.span));
      }
      DDB_ASSIGN_OR_RETURN(expr::Path path, this->path(item));
      std::string name = output_name(item);
      if (std::find(read.output_names.begin(), read.output_names.end(), name) !=
          read.output_names.end()) {
        return ApiError::validation("Duplicate identifiers in select clause: " + name);
      }
      read.output_names.push_back(std::move(name));
      read.projection.paths.push_back(std::move(path));
    }
    // The resolver meets the paths last to first; DynamoDB names overlapping ones first to last.
    std::reverse(read.projection.paths.begin(), read.projection.paths.end());
    DDB_RETURN_IF_ERROR(placeholders_.resolve(read.projection, expr::ExpressionKind::kStatement));
    std::reverse(read.projection.paths.begin(), read.projection.paths.end());
    return {};
  }

  // ---- WHERE ----

  Result<std::optional<expr::Condition>> where(const std::optional<Expr>& clause) {
    if (!clause) {
      return std::optional<expr::Condition>();
    }
    DDB_ASSIGN_OR_RETURN(expr::Condition result, condition(*clause, Place::kWhere));
    DDB_RETURN_IF_ERROR(placeholders_.resolve(result, expr::ExpressionKind::kStatement));
    return std::optional<expr::Condition>(std::move(result));
  }

  static ApiError not_boolean(Place place) {
    switch (place) {
      case Place::kAndOr:
        return ApiError::validation("The arguments to AND/OR must be Expressions");
      case Place::kNot:
        return ApiError::validation("The argument to NOT must be a Type or Expression");
      case Place::kWhere:
        break;
    }
    return ApiError::validation(std::string(kNotBoolean));
  }

  static ApiError unsupported_operator(std::string_view clause, std::string_view op) {
    return ApiError::validation("Unsupported operator in " + std::string(clause) +
                                " Expression. Operator: " + std::string(op));
  }

  Result<expr::Condition> condition(const Expr& e, Place place) {
    switch (e.kind) {
      case Expr::Kind::kBinary:
        return binary_condition(e);
      case Expr::Kind::kUnary:
        return not_condition(e, place);
      case Expr::Kind::kIn:
        return in(e);
      case Expr::Kind::kBetween: {
        DDB_ASSIGN_OR_RETURN(expr::Operand value, operand(e.children[0]));
        DDB_ASSIGN_OR_RETURN(expr::Operand low, operand(e.children[1]));
        DDB_ASSIGN_OR_RETURN(expr::Operand high, operand(e.children[2]));
        expr::Condition between{expr::Between{std::move(value), std::move(low), std::move(high)}};
        return e.negated ? negated(std::move(between)) : between;
      }
      case Expr::Kind::kIs:
        return is(e);
      case Expr::Kind::kCall:
        return call_condition(e, place);
      default:
        return not_boolean(place);
    }
  }

  Result<expr::Condition> not_condition(const Expr& e, Place place) {
    if (e.text != "not") {
      return not_boolean(place);
    }
    DDB_ASSIGN_OR_RETURN(expr::Condition operand, condition(e.children[0], Place::kNot));
    return negated(std::move(operand));
  }

  Result<expr::Condition> binary_condition(const Expr& e) {
    if (e.text == "and" || e.text == "or") {
      expr::Logical logical{e.text == "and" ? expr::Logical::Op::kAnd : expr::Logical::Op::kOr, {}};
      for (const Expr& child : e.children) {
        DDB_ASSIGN_OR_RETURN(expr::Condition operand, condition(child, Place::kAndOr));
        logical.operands.push_back(std::move(operand));
      }
      return expr::Condition{std::move(logical)};
    }
    const std::optional<expr::CompareOp> op = compare_op(e.text);
    if (!op) {
      return unsupported_operator("Condition", e.text);
    }
    DDB_ASSIGN_OR_RETURN(expr::Operand left, operand(e.children[0]));
    DDB_ASSIGN_OR_RETURN(expr::Operand right, operand(e.children[1]));
    return expr::Condition{expr::Comparison{*op, std::move(left), std::move(right)}};
  }

  Result<expr::Condition> in(const Expr& e) {
    const Expr& candidates = e.children[1];
    if (e.children[0].kind != Expr::Kind::kPath ||
        (candidates.kind != Expr::Kind::kList && candidates.kind != Expr::Kind::kBag) ||
        candidates.children.empty()) {
      return ApiError::validation(
          "IN operator must have a left hand argument of type Variable Reference and right hand "
          "argument of type Seq with at least one member");
    }
    expr::In in;
    DDB_ASSIGN_OR_RETURN(in.value, operand(e.children[0]));
    for (const Expr& candidate : candidates.children) {
      DDB_ASSIGN_OR_RETURN(expr::Operand value, operand(candidate));
      in.candidates.push_back(std::move(value));
    }
    expr::Condition result{std::move(in)};
    return e.negated ? negated(std::move(result)) : result;
  }

  // IS [NOT] MISSING is attribute_not_exists (attribute_exists); IS [NOT] <type> is
  // [NOT] attribute_type.
  Result<expr::Condition> is(const Expr& e) {
    const Expr& subject = e.children[0];
    if (subject.kind != Expr::Kind::kPath && !is_literal(subject)) {
      return ApiError::validation(
          "The left hand side argument to IS must be a Variable Reference, Literal, or Path");
    }
    if (e.text == "MISSING") {
      DDB_ASSIGN_OR_RETURN(expr::Operand value, operand_or_missing(subject));
      std::vector<expr::Operand> arguments;
      arguments.push_back(std::move(value));
      return function_condition(e.negated ? "attribute_exists" : "attribute_not_exists",
                                std::move(arguments));
    }
    const std::optional<std::string_view> type = attribute_type_of(e.text);
    if (!type) {
      return ApiError::validation(
          "Unsupported data type for IS operator: " + e.text +
          ". Supported data types are [MISSING, NULL, BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, "
          "TUPLE, LIST]" +
          at(e.span));
    }
    DDB_ASSIGN_OR_RETURN(expr::Operand value, operand_or_missing(subject));
    std::vector<expr::Operand> arguments;
    arguments.push_back(std::move(value));
    arguments.push_back(constant(AttributeValue(std::string(*type))));
    expr::Condition result = function_condition("attribute_type", std::move(arguments));
    return e.negated ? negated(std::move(result)) : result;
  }

  Result<expr::Condition> call_condition(const Expr& e, Place place) {
    if (std::find(kConditionFunctions.begin(), kConditionFunctions.end(), e.text) ==
        kConditionFunctions.end()) {
      if (e.text == "size") {
        return not_boolean(place);
      }
      return unrecognized(e);
    }
    std::vector<expr::Operand> arguments;
    for (const Expr& argument : e.children) {
      DDB_ASSIGN_OR_RETURN(expr::Operand value, operand(argument));
      arguments.push_back(std::move(value));
    }
    return function_condition(e.text, std::move(arguments));
  }

  static ApiError unrecognized(const Expr& call) {
    return ApiError::validation("Unrecognized function: " + call.text + at(call.span));
  }

  // ---- operands ----

  // A condition's operand: a path, a value, or size(path).
  Result<expr::Operand> operand(const Expr& e) {
    if (e.kind == Expr::Kind::kMissing) {
      return ApiError::validation("MISSING must be compared using IS operator");
    }
    return operand_or_missing(e);
  }

  Result<expr::Operand> operand_or_missing(const Expr& e) {
    if (e.kind == Expr::Kind::kPath) {
      DDB_ASSIGN_OR_RETURN(expr::Path result, path(e));
      return expr::Operand{std::move(result)};
    }
    if (is_literal(e)) {
      return value(e);
    }
    if (e.kind == Expr::Kind::kCall) {
      if (e.text != "size") {
        return unrecognized(e);
      }
      return call_operand(e, [&](const Expr& argument) { return operand(argument); });
    }
    return unsupported_operator("Condition", e.kind == Expr::Kind::kBinary ? e.text : "not");
  }

  template <typename Argument>
  Result<expr::Operand> call_operand(const Expr& e, Argument&& argument_of) {
    expr::FunctionCall call{e.text, {}};
    for (const Expr& argument : e.children) {
      DDB_ASSIGN_OR_RETURN(expr::Operand value, argument_of(argument));
      call.arguments.push_back(std::move(value));
    }
    return expr::Operand{std::move(call)};
  }

  Result<expr::Operand> value(const Expr& e) {
    DDB_ASSIGN_OR_RETURN(AttributeValue converted, literal_value(e, parameters_));
    return constant(std::move(converted));
  }

  expr::Operand constant(AttributeValue value) {
    std::string placeholder = ":v" + std::to_string(values_.size());
    values_.emplace(placeholder, std::move(value));
    return expr::Operand{expr::ValueRef{std::move(placeholder), {}}};
  }

  // A path with its names as #placeholders, resolved back by the resolver.
  Result<expr::Path> path(const Expr& e) {
    expr::Path result;
    DDB_RETURN_IF_ERROR(add_name(e.text, result));
    for (const PathStep& step : e.steps) {
      switch (step.kind) {
        case PathStep::Kind::kName:
          DDB_RETURN_IF_ERROR(add_name(step.text, result));
          break;
        case PathStep::Kind::kIndex: {
          DDB_ASSIGN_OR_RETURN(std::uint32_t index, list_index(step));
          expr::PathElement element;
          element.kind = expr::PathElement::Kind::kIndex;
          element.index = index;
          result.elements.push_back(std::move(element));
          break;
        }
        case PathStep::Kind::kWildcard:
          return ApiError::validation("Wildcard path component like a[*].b are not supported");
        case PathStep::Kind::kUnpivot:
          return ApiError::validation("Unpivot path component like a.*.b are not supported");
        case PathStep::Kind::kUnsupported:
          return ApiError::validation("Unexpected path component" + at(step.span));
      }
    }
    return result;
  }

  static Result<std::uint32_t> list_index(const PathStep& step) {
    if (step.text.find_first_of(".eE") != std::string::npos) {
      return ApiError::validation("Unexpected path component" + at(step.span));
    }
    const bool negative = step.text.starts_with("-");
    const std::string digits = negative ? step.text.substr(1) : step.text;
    const std::size_t significant = std::min(digits.find_first_not_of('0'), digits.size());
    if (negative || digits.size() - significant > 10 ||
        std::stoull(digits.substr(significant).empty() ? "0" : digits.substr(significant)) >
            INT32_MAX) {
      return ApiError::validation("List index is not within the allowable range; index: [" +
                                  step.text + "]" + at(step.span));
    }
    return static_cast<std::uint32_t>(std::stoul(digits));
  }

  Result<void> add_name(const std::string& name, expr::Path& path) {
    if (name.empty()) {
      return ApiError::validation("Path component cannot be an empty string");
    }
    auto known = std::find_if(names_.begin(), names_.end(),
                              [&](const auto& entry) { return entry.second == name; });
    std::string placeholder =
        known != names_.end() ? known->first : "#n" + std::to_string(names_.size());
    names_.emplace(placeholder, name);
    expr::PathElement element;
    element.name = std::move(placeholder);
    path.elements.push_back(std::move(element));
    return {};
  }

  // ---- SET and REMOVE ----

  Result<void> update_action(const UpdateAction& action, expr::UpdateExpression& update) {
    if (action.target.kind != Expr::Kind::kPath) {
      return ApiError::validation("Unrecognized assignment target: " + action.target.text);
    }
    DDB_ASSIGN_OR_RETURN(expr::Path target, path(action.target));
    if (action.remove) {
      note_clause(expr::UpdateClause::kRemove, update);
      update.remove.push_back({std::move(target)});
      return {};
    }
    const Expr& value = action.value;
    if (value.kind == Expr::Kind::kCall &&
        (value.text == "set_add" || value.text == "set_delete")) {
      return set_function(action, std::move(target), update);
    }
    DDB_ASSIGN_OR_RETURN(expr::Operand operand, update_operand(value));
    note_clause(expr::UpdateClause::kSet, update);
    update.set.push_back({std::move(target), std::move(operand)});
    return {};
  }

  static void reverse_actions(expr::UpdateExpression& update) {
    std::reverse(update.set.begin(), update.set.end());
    std::reverse(update.remove.begin(), update.remove.end());
    std::reverse(update.add.begin(), update.add.end());
    std::reverse(update.del.begin(), update.del.end());
    std::reverse(update.clause_order.begin(), update.clause_order.end());
  }

  static void note_clause(expr::UpdateClause clause, expr::UpdateExpression& update) {
    if (std::find(update.clause_order.begin(), update.clause_order.end(), clause) ==
        update.clause_order.end()) {
      update.clause_order.push_back(clause);
    }
  }

  // SET a = set_add(a, <<...>>) is ADD a :set; set_delete is DELETE.
  Result<void> set_function(const UpdateAction& action, expr::Path target,
                            expr::UpdateExpression& update) {
    const Expr& call = action.value;
    std::string name = call.text.substr(4);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](char c) { return static_cast<char>(c - 'a' + 'A'); });
    if (call.children.size() != 2) {
      return ApiError::validation("SET_" + name + " must have exactly two arguments" +
                                  at(call.span));
    }
    const Expr& first = call.children[0];
    if (!same_path(first, action.target)) {
      return ApiError::validation("The first argument to SET_" + name +
                                  " must equal the assignment value" + at(call.span));
    }
    const Expr& second = call.children[1];
    if (second.kind != Expr::Kind::kBag && second.kind != Expr::Kind::kParameter) {
      return ApiError::validation("The second argument to SET_" + name +
                                  " must be a value with type SET" + at(first.span));
    }
    DDB_ASSIGN_OR_RETURN(AttributeValue members, literal_value(second, parameters_));
    const ValueType type = members.type();
    if (type != ValueType::kSS && type != ValueType::kNS && type != ValueType::kBS) {
      return ApiError::validation("The second argument to SET_" + name +
                                  " must be a value with type SET" + at(first.span));
    }
    expr::ValueRef ref{":v" + std::to_string(values_.size()), {}};
    values_.emplace(ref.placeholder, std::move(members));
    if (name == "ADD") {
      note_clause(expr::UpdateClause::kAdd, update);
      update.add.push_back({std::move(target), std::move(ref)});
    } else {
      note_clause(expr::UpdateClause::kDelete, update);
      update.del.push_back({std::move(target), std::move(ref)});
    }
    return {};
  }

  // A SET value: a path, a value, `a + b`, `a - b`, list_append(...) or if_not_exists(...).
  Result<expr::Operand> update_operand(const Expr& e) {
    switch (e.kind) {
      case Expr::Kind::kMissing:
        return ApiError::validation("MISSING must be compared using IS operator");
      case Expr::Kind::kPath: {
        DDB_ASSIGN_OR_RETURN(expr::Path result, path(e));
        return expr::Operand{std::move(result)};
      }
      case Expr::Kind::kIs:
        return ApiError::validation("IS operator is not supported in update expressions");
      case Expr::Kind::kCall:
        if (e.text == "list_append" || e.text == "if_not_exists") {
          return call_operand(e, [&](const Expr& argument) { return update_operand(argument); });
        }
        if (std::find(kConditionFunctions.begin(), kConditionFunctions.end(), e.text) !=
                kConditionFunctions.end() ||
            e.text == "size") {
          return ApiError::validation(
              "The function is not allowed in an update expression; function: " + e.text);
        }
        return unrecognized(e);
      case Expr::Kind::kBinary:
        if (e.text == "+" || e.text == "-") {
          DDB_ASSIGN_OR_RETURN(expr::Operand left, update_operand(e.children[0]));
          DDB_ASSIGN_OR_RETURN(expr::Operand right, update_operand(e.children[1]));
          expr::Arithmetic arithmetic{e.text[0], {}};
          arithmetic.operands.push_back(std::move(left));
          arithmetic.operands.push_back(std::move(right));
          return expr::Operand{std::move(arithmetic)};
        }
        return unsupported_operator("Update", e.text);
      default:
        if (is_literal(e)) {
          return value(e);
        }
        return unsupported_operator("Update", e.text);
    }
  }

  std::span<const AttributeValue> parameters_;
  expr::AttributeNames names_;
  Item values_;
  expr::Placeholders placeholders_{&names_, &values_};
};

}  // namespace

Result<Operation> translate(const Statement& statement,
                            std::span<const AttributeValue> parameters) {
  if (parameters.size() < statement.parameter_count) {
    return ApiError::validation("Number of parameters in request and statement don't match.");
  }
  Translator translator(parameters);
  return std::visit(
      [&](const auto& node) -> Result<Operation> {
        using Node = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<Node, SelectStatement>) {
          DDB_ASSIGN_OR_RETURN(Read read, translator.select(node));
          return Operation(std::move(read));
        } else if constexpr (std::is_same_v<Node, InsertStatement>) {
          DDB_ASSIGN_OR_RETURN(Insert insert, translator.insert(node));
          return Operation(std::move(insert));
        } else if constexpr (std::is_same_v<Node, UpdateStatement>) {
          DDB_ASSIGN_OR_RETURN(Update update, translator.update(node));
          return Operation(std::move(update));
        } else if constexpr (std::is_same_v<Node, DeleteStatement>) {
          DDB_ASSIGN_OR_RETURN(Delete del, translator.remove(node));
          return Operation(std::move(del));
        } else {
          DDB_ASSIGN_OR_RETURN(Check check, translator.check(node));
          return Operation(std::move(check));
        }
      },
      statement.node);
}

const Target& target_of(const Operation& operation) {
  return std::visit([](const auto& node) -> const Target& { return node.target; }, operation);
}

}  // namespace ddblocal::partiql
