// AttributeUpdates: each update checked in DynamoDB's order (its value, a value unless DELETE,
// a type the action takes) and translated into the update expression that does the same:
//   PUT v                 SET a = v
//   DELETE                REMOVE a
//   DELETE set            DELETE a set
//   ADD number, ADD set   ADD a v
//   ADD list              SET a = list_append(if_not_exists(a, []), v)
// (the expression language's ADD takes no list; the classic one appends to one, or starts it).
// Texts: dynalite's UpdateItem tests, recorded on DynamoDB; see /work/notes/messages-classic.md.
#include <string>
#include <utility>

#include "protocol/wire/classic_members.h"

namespace ddblocal::wire {
namespace {

bool is_set(ValueType type) {
  return type == ValueType::kSS || type == ValueType::kNS || type == ValueType::kBS;
}

expr::Path path_of(const std::string& attribute) {
  expr::PathElement element;
  element.name = attribute;
  return {{std::move(element)}};
}

expr::Operand value_operand(AttributeValue value) {
  return {expr::ValueRef{"", std::move(value)}};
}

// list_append(if_not_exists(a, []), list)
expr::Operand appended(const std::string& attribute, AttributeValue list) {
  expr::FunctionCall existing{"if_not_exists",
                              {{path_of(attribute)}, value_operand(AttributeList{})}};
  return {
      expr::FunctionCall{"list_append", {{std::move(existing)}, value_operand(std::move(list))}}};
}

Result<void> add_action(const ClassicUpdate& update, expr::UpdateExpression& expression) {
  const std::string& name = update.attribute;
  if (update.null) {
    return ApiError::validation(
        "Supplied AttributeValueUpdate is empty, must contain one of the supported actions: " +
        name + " is null");
  }
  if (update.value_error) {
    return *update.value_error;
  }
  const std::string_view action = update.action.value_or("PUT");
  if (!update.value && action != "DELETE") {
    return invalid_parameters("Only DELETE action is allowed when no attribute value is specified");
  }
  const ValueType type = update.value ? update.value->type() : ValueType::kNull;
  if (update.value && action == "DELETE" && !is_set(type)) {
    return invalid_parameters("DELETE action with value is not supported for the type " +
                              std::string(type_name(type)));
  }
  if (action == "ADD" && type != ValueType::kN && type != ValueType::kL && !is_set(type)) {
    return invalid_parameters("ADD action is not supported for the type " +
                              std::string(type_name(type)));
  }
  if (name.empty()) {
    return ApiError::validation("Empty attribute name");
  }
  if (action == "PUT") {
    expression.set.push_back({path_of(name), value_operand(*update.value)});
  } else if (action == "DELETE" && !update.value) {
    expression.remove.push_back({path_of(name)});
  } else if (action == "DELETE") {
    expression.del.push_back({path_of(name), {"", *update.value}});
  } else if (type == ValueType::kL) {
    expression.set.push_back({path_of(name), appended(name, *update.value)});
  } else {
    expression.add.push_back({path_of(name), {"", *update.value}});
  }
  return {};
}

}  // namespace

Result<std::optional<expr::UpdateExpression>> translate_attribute_updates(
    const ClassicMembers& classic) {
  if (!classic.attribute_updates || classic.attribute_updates->empty()) {
    return std::optional<expr::UpdateExpression>();
  }
  expr::UpdateExpression expression;
  expression.from_attribute_updates = true;
  for (const ClassicUpdate& update : *classic.attribute_updates) {
    DDB_RETURN_IF_ERROR(add_action(update, expression));
  }
  return std::optional<expr::UpdateExpression>(std::move(expression));
}

}  // namespace ddblocal::wire
