// Expected, QueryFilter, ScanFilter and KeyConditions: each condition checked in DynamoDB's order
// (the shape of an Expected entry, its values, their count for the operator, one type, a type
// the operator takes, BETWEEN's bounds in order), then translated into the condition tree of the
// expression language:
//   EQ NE LT LE GT GE   a = v, a <> v, a < v, ...    NULL       attribute_not_exists(a)
//   BETWEEN             a BETWEEN v1 AND v2          NOT_NULL   attribute_exists(a)
//   IN                  a IN (v1, ...)               CONTAINS   contains(a, v)
//   BEGINS_WITH         begins_with(a, v)            Exists false: attribute_not_exists(a)
//   NOT_CONTAINS        attribute_exists(a) AND NOT contains(a, v)
//   Value (Exists true or absent): a = v
// NOT_CONTAINS differs from NOT contains(a, v) in one case: DynamoDB holds it false for a
// missing attribute (DynamoDB Local and Alternator's test_expected.py, recorded on DynamoDB).
#include <limits>
#include <string>
#include <utility>

#include "protocol/expressions/evaluate.h"
#include "protocol/wire/classic_members.h"

namespace ddblocal::wire {
namespace {

using ValueTypes = std::uint16_t;
constexpr ValueTypes bit(ValueType type) {
  return ValueTypes(1u << static_cast<unsigned>(type));
}
constexpr ValueTypes kAnyType = 0x3FF;
constexpr ValueTypes kScalars = bit(ValueType::kS) | bit(ValueType::kN) | bit(ValueType::kB);

constexpr std::size_t kAnyNumber = std::numeric_limits<std::size_t>::max();

// What an operator takes: how many values, of which types.
struct OperatorRule {
  std::size_t min = 1;
  std::size_t max = 1;
  ValueTypes types = kScalars;
};

OperatorRule rule_of(ComparisonOperator op) {
  switch (op) {
    case ComparisonOperator::kEq:
    case ComparisonOperator::kNe:
      return {1, 1, kAnyType};
    case ComparisonOperator::kNull:
    case ComparisonOperator::kNotNull:
      return {0, 0, kAnyType};
    case ComparisonOperator::kContains:
    case ComparisonOperator::kNotContains:
      return {1, 1, kScalars | bit(ValueType::kBool) | bit(ValueType::kNull)};
    case ComparisonOperator::kBeginsWith:
      return {1, 1, bit(ValueType::kS) | bit(ValueType::kB)};
    case ComparisonOperator::kIn:
      return {1, kAnyNumber, kScalars};
    case ComparisonOperator::kBetween:
      return {2, 2, kScalars};
    default:  // LE, LT, GE, GT
      return {1, 1, kScalars};
  }
}

expr::Operand path_operand(const std::string& attribute) {
  expr::PathElement element;
  element.name = attribute;
  return {expr::Path{{std::move(element)}}};
}

expr::Operand value_operand(const AttributeValue& value) {
  return {expr::ValueRef{"", value}};
}

expr::Condition function(std::string name, std::vector<expr::Operand> arguments) {
  return {expr::FunctionCondition{std::move(name), std::move(arguments)}};
}

expr::Condition logical(expr::Logical::Op op, std::vector<expr::Condition> operands) {
  return {expr::Logical{op, std::move(operands)}};
}

// True when `low` sorts after `high`, by the evaluator's own ordering. REQUIRES: one type.
bool out_of_order(const AttributeValue& low, const AttributeValue& high) {
  expr::Comparison greater{expr::CompareOp::kGt, value_operand(low), value_operand(high)};
  return expr::evaluate({greater}, nullptr);
}

// The values against the operator: their count, one type, a type the operator takes, and
// BETWEEN's bounds in order.
Result<void> check_arguments(ComparisonOperator op, std::string_view name,
                             const std::vector<AttributeValue>& values) {
  const OperatorRule rule = rule_of(op);
  if (values.size() < rule.min || values.size() > rule.max) {
    return invalid_parameters("Invalid number of argument(s) for the " + std::string(name) +
                              " ComparisonOperator");
  }
  for (const AttributeValue& value : values) {
    if (value.type() != values.front().type()) {
      return invalid_parameters("AttributeValues inside AttributeValueList must be of same type");
    }
  }
  for (const AttributeValue& value : values) {
    if ((rule.types & bit(value.type())) == 0) {
      return invalid_parameters("ComparisonOperator " + std::string(name) + " is not valid for " +
                                type_name(value.type()) + " AttributeValue type");
    }
  }
  if (op == ComparisonOperator::kBetween && out_of_order(values[0], values[1])) {
    return ApiError::validation(
        "The BETWEEN condition was provided a range where the lower bound is greater than the "
        "upper bound");
  }
  return {};
}

expr::Condition comparison(expr::CompareOp op, const std::string& attribute,
                           const AttributeValue& value) {
  return {expr::Comparison{op, path_operand(attribute), value_operand(value)}};
}

// The condition tree of one checked condition.
expr::Condition term(const std::string& attribute, ComparisonOperator op,
                     const std::vector<AttributeValue>& values) {
  switch (op) {
    case ComparisonOperator::kEq:
      return comparison(expr::CompareOp::kEq, attribute, values[0]);
    case ComparisonOperator::kNe:
      return comparison(expr::CompareOp::kNe, attribute, values[0]);
    case ComparisonOperator::kLe:
      return comparison(expr::CompareOp::kLe, attribute, values[0]);
    case ComparisonOperator::kLt:
      return comparison(expr::CompareOp::kLt, attribute, values[0]);
    case ComparisonOperator::kGe:
      return comparison(expr::CompareOp::kGe, attribute, values[0]);
    case ComparisonOperator::kGt:
      return comparison(expr::CompareOp::kGt, attribute, values[0]);
    case ComparisonOperator::kNotNull:
      return function("attribute_exists", {path_operand(attribute)});
    case ComparisonOperator::kNull:
      return function("attribute_not_exists", {path_operand(attribute)});
    case ComparisonOperator::kContains:
      return function("contains", {path_operand(attribute), value_operand(values[0])});
    case ComparisonOperator::kNotContains:
      return logical(
          expr::Logical::Op::kAnd,
          {function("attribute_exists", {path_operand(attribute)}),
           logical(expr::Logical::Op::kNot,
                   {function("contains", {path_operand(attribute), value_operand(values[0])})})});
    case ComparisonOperator::kBeginsWith:
      return function("begins_with", {path_operand(attribute), value_operand(values[0])});
    case ComparisonOperator::kIn: {
      expr::In in{path_operand(attribute), {}};
      for (const AttributeValue& value : values) {
        in.candidates.push_back(value_operand(value));
      }
      return {std::move(in)};
    }
    case ComparisonOperator::kBetween:
      return {expr::Between{path_operand(attribute), value_operand(values[0]),
                            value_operand(values[1])}};
  }
  return {};
}

// The operator of an entry. The member constraints refused a name outside the enum before
// anything here runs; this answer keeps a direct call safe all the same.
Result<ComparisonOperator> operator_of(std::string_view name) {
  std::optional<ComparisonOperator> op = comparison_operator_of(name);
  if (!op) {
    return ApiError::validation("Comparison type does not exist in DynamoDB");
  }
  return *op;
}

Result<expr::Condition> expected_term(const ClassicCondition& entry) {
  const std::string& name = entry.attribute;
  const std::optional<std::string_view>& op_name = entry.comparison_operator;
  if (entry.null) {
    return invalid_parameters("ExpectedAttributeValue must not be null for Attribute: " + name);
  }
  if (entry.exists && op_name) {
    return invalid_parameters(
        "Exists and ComparisonOperator cannot be used together for "
        "Attribute: " +
        name);
  }
  if (entry.has_value && entry.has_value_list) {
    return invalid_parameters(
        "Value and AttributeValueList cannot be used together for "
        "Attribute: " +
        name);
  }
  if (!op_name && entry.has_value_list) {
    return invalid_parameters(
        "AttributeValueList can only be used with a ComparisonOperator for Attribute: " + name);
  }
  if (entry.exists == false && entry.has_value) {
    return invalid_parameters("Value cannot be used when Exists is false for Attribute: " + name);
  }
  if (!entry.has_value && !entry.has_value_list) {
    if (op_name && *op_name != "NULL" && *op_name != "NOT_NULL") {
      return invalid_parameters(
          "Value or AttributeValueList must be used with "
          "ComparisonOperator: " +
          std::string(*op_name) + " for Attribute: " + name);
    }
    if (!op_name && entry.exists != false) {
      return invalid_parameters(std::string("Value must be provided when Exists is ") +
                                (entry.exists ? "true" : "null") + " for Attribute: " + name);
    }
  }
  if (entry.value_error) {
    return *entry.value_error;
  }
  if (name.empty()) {
    return ApiError::validation("Empty attribute name");
  }
  if (!op_name) {
    return entry.exists == false ? term(name, ComparisonOperator::kNull, {})
                                 : term(name, ComparisonOperator::kEq, entry.values);
  }
  DDB_ASSIGN_OR_RETURN(ComparisonOperator op, operator_of(*op_name));
  DDB_RETURN_IF_ERROR(check_arguments(op, *op_name, entry.values));
  return term(name, op, entry.values);
}

// A condition of a filter or of KeyConditions, checked; its operator.
Result<ComparisonOperator> check_filter_entry(const ClassicCondition& entry) {
  if (entry.null) {
    return ApiError::validation("The filter condition for an attribute cannot be null: " +
                                entry.attribute);
  }
  if (entry.value_error) {
    return *entry.value_error;
  }
  DDB_ASSIGN_OR_RETURN(ComparisonOperator op, operator_of(entry.comparison_operator.value_or("")));
  DDB_RETURN_IF_ERROR(check_arguments(op, *entry.comparison_operator, entry.values));
  if (entry.attribute.empty()) {
    return ApiError::validation("Empty attribute name");
  }
  return op;
}

Result<expr::Condition> filter_term(const ClassicCondition& entry) {
  DDB_ASSIGN_OR_RETURN(ComparisonOperator op, check_filter_entry(entry));
  return term(entry.attribute, op, entry.values);
}

// The entries joined by ConditionalOperator (AND when absent), left to right.
template <typename Translate>
Result<std::optional<expr::Condition>> joined(const std::vector<ClassicCondition>& entries,
                                              std::optional<std::string_view> conditional_operator,
                                              Translate translate) {
  std::optional<expr::Condition> all;
  const expr::Logical::Op op =
      conditional_operator == "OR" ? expr::Logical::Op::kOr : expr::Logical::Op::kAnd;
  for (const ClassicCondition& entry : entries) {
    DDB_ASSIGN_OR_RETURN(expr::Condition next, translate(entry));
    all = all ? logical(op, {std::move(*all), std::move(next)}) : std::move(next);
  }
  if (conditional_operator && entries.size() < 2) {
    return ApiError::validation(
        entries.empty()
            ? "ConditionalOperator cannot be used without Filter or Expected"
            : "ConditionalOperator can only be used when Filter or Expected has two or more "
              "elements");
  }
  return all;
}

}  // namespace

Result<std::optional<expr::Condition>> translate_expected(const ClassicMembers& classic) {
  if (!classic.expected) {
    return std::optional<expr::Condition>();
  }
  return joined(*classic.expected, classic.conditional_operator, expected_term);
}

Result<std::optional<expr::Condition>> translate_filter(const ClassicMembers& classic) {
  const auto& filter = classic.query_filter ? classic.query_filter : classic.scan_filter;
  if (!filter) {
    return std::optional<expr::Condition>();
  }
  return joined(*filter, classic.conditional_operator, filter_term);
}

Result<KeyConditionTerms> check_key_conditions(const ClassicMembers& classic) {
  KeyConditionTerms terms;
  for (const ClassicCondition& entry : *classic.key_conditions) {
    DDB_ASSIGN_OR_RETURN(ComparisonOperator op, check_filter_entry(entry));
    terms.push_back({entry.attribute, op, entry.values});
  }
  // Beyond two, the key schema decides (to_key_condition): a multi-attribute index key has up to
  // four partition and four sort key attributes.
  if (terms.empty() || terms.size() > 2 * kMaxKeyAttributesPerPart) {
    return ApiError::validation(std::string(expr::kConditionsLength));
  }
  return terms;
}

}  // namespace ddblocal::wire
