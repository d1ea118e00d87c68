// Reading the classic members from a request body, their constraints in the API model, and
// AttributesToGet. Texts and sources: /work/notes/messages-classic.md.
#include "protocol/wire/classic_members.h"

#include <algorithm>
#include <iterator>
#include <string>
#include <utility>

#include "protocol/wire/fields.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {
namespace {

// The Value member of Expected and AttributeUpdates entries, given a JSON array.
constexpr std::string_view kAttributeValueMember =
    "class com.amazonaws.dynamodb.v20120810.AttributeValue";

// The enums of the API model, in the order DynamoDB lists them in its messages.
constexpr std::string_view kComparisonOperatorNames[] = {
    "IN",       "NULL", "BETWEEN", "LT",          "NOT_CONTAINS", "EQ",      "GT",
    "NOT_NULL", "NE",   "LE",      "BEGINS_WITH", "GE",           "CONTAINS"};
constexpr ComparisonOperator kComparisonOperators[] = {
    ComparisonOperator::kIn,      ComparisonOperator::kNull,        ComparisonOperator::kBetween,
    ComparisonOperator::kLt,      ComparisonOperator::kNotContains, ComparisonOperator::kEq,
    ComparisonOperator::kGt,      ComparisonOperator::kNotNull,     ComparisonOperator::kNe,
    ComparisonOperator::kLe,      ComparisonOperator::kBeginsWith,  ComparisonOperator::kGe,
    ComparisonOperator::kContains};
static_assert(std::size(kComparisonOperators) == std::size(kComparisonOperatorNames));
constexpr std::string_view kConditionalOperators[] = {"OR", "AND"};
constexpr std::string_view kActions[] = {"ADD", "PUT", "DELETE"};

constexpr StringRule kFilterOperatorRule{.required = true, .allowed = kComparisonOperatorNames};
constexpr StringRule kExpectedOperatorRule{.allowed = kComparisonOperatorNames};
constexpr StringRule kConditionalOperatorRule{.allowed = kConditionalOperators};
constexpr StringRule kActionRule{.allowed = kActions};
constexpr ListRule kAttributesToGetRule{.min_length = 1, .max_length = 255};

std::string_view name_of(const JsonValue::Member& member) {
  return {member.name.GetString(), member.name.GetStringLength()};
}

// Decodes one attribute value of a classic member. A SerializationException ends the read; a
// ValidationException is kept in `error` (the first one) for the checks that report it.
Result<std::optional<AttributeValue>> decode_deferring(const JsonValue& json,
                                                       std::optional<ApiError>& error) {
  Result<AttributeValue> value = decode_value(json);
  if (value) {
    return std::optional<AttributeValue>(std::move(value).value());
  }
  if (value.error().type() == ErrorType::kSerialization) {
    return std::move(value).error();
  }
  if (!error) {
    error = std::move(value).error();
  }
  return std::optional<AttributeValue>();
}

// An entry of a map member, replacing an earlier one of the same name: a name given twice
// reads as its last occurrence, as DynamoDB reads a map.
template <typename Entry>
void add_entry(std::vector<Entry>& entries, Entry entry) {
  auto same = std::find_if(entries.begin(), entries.end(),
                           [&](const Entry& e) { return e.attribute == entry.attribute; });
  if (same != entries.end()) {
    *same = std::move(entry);
  } else {
    entries.push_back(std::move(entry));
  }
}

Result<void> read_values(const JsonValue& object, ClassicCondition& entry, bool expected) {
  if (expected) {
    DDB_ASSIGN_OR_RETURN(entry.exists, optional_bool(object, "Exists"));
    DDB_ASSIGN_OR_RETURN(const JsonValue* value,
                         optional_object(object, "Value", kAttributeValueMember));
    if (value != nullptr) {
      entry.has_value = true;
      DDB_ASSIGN_OR_RETURN(auto decoded, decode_deferring(*value, entry.value_error));
      if (decoded) {
        entry.values.push_back(std::move(*decoded));
      }
    }
  }
  DDB_ASSIGN_OR_RETURN(const JsonValue* list, optional_array(object, "AttributeValueList"));
  if (list != nullptr) {
    entry.has_value_list = true;
    for (const JsonValue& element : list->GetArray()) {
      DDB_ASSIGN_OR_RETURN(auto decoded, decode_deferring(element, entry.value_error));
      if (decoded) {
        entry.values.push_back(std::move(*decoded));
      }
    }
  }
  return {};
}

// A map of conditions: Expected (`expected`: with Exists and Value), or a filter.
Result<std::optional<std::vector<ClassicCondition>>> read_conditions(const JsonValue& body,
                                                                     std::string_view member,
                                                                     bool expected) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* json, optional_object(body, member));
  if (json == nullptr) {
    return std::optional<std::vector<ClassicCondition>>();
  }
  std::vector<ClassicCondition> entries;
  for (const auto& field : json->GetObject()) {
    ClassicCondition entry;
    entry.attribute = std::string(name_of(field));
    if (field.value.IsNull()) {
      entry.null = true;
    } else {
      DDB_ASSIGN_OR_RETURN(
          const JsonValue* object,
          object_value(field.value, expected ? "ExpectedAttributeValue" : "Condition"));
      DDB_ASSIGN_OR_RETURN(entry.comparison_operator,
                           optional_string(*object, "ComparisonOperator"));
      DDB_RETURN_IF_ERROR(read_values(*object, entry, expected));
    }
    add_entry(entries, std::move(entry));
  }
  return std::optional<std::vector<ClassicCondition>>(std::move(entries));
}

Result<std::optional<std::vector<ClassicUpdate>>> read_updates(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* json, optional_object(body, "AttributeUpdates"));
  if (json == nullptr) {
    return std::optional<std::vector<ClassicUpdate>>();
  }
  std::vector<ClassicUpdate> entries;
  for (const auto& field : json->GetObject()) {
    ClassicUpdate entry;
    entry.attribute = std::string(name_of(field));
    if (field.value.IsNull()) {
      entry.null = true;
    } else {
      DDB_ASSIGN_OR_RETURN(const JsonValue* object,
                           object_value(field.value, "AttributeValueUpdate"));
      DDB_ASSIGN_OR_RETURN(entry.action, optional_string(*object, "Action"));
      DDB_ASSIGN_OR_RETURN(const JsonValue* value,
                           optional_object(*object, "Value", kAttributeValueMember));
      if (value != nullptr) {
        DDB_ASSIGN_OR_RETURN(entry.value, decode_deferring(*value, entry.value_error));
      }
    }
    add_entry(entries, std::move(entry));
  }
  return std::optional<std::vector<ClassicUpdate>>(std::move(entries));
}

Result<std::optional<std::vector<std::string_view>>> read_names(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* json, optional_array(body, "AttributesToGet"));
  if (json == nullptr) {
    return std::optional<std::vector<std::string_view>>();
  }
  std::vector<std::string_view> names;
  for (const JsonValue& element : json->GetArray()) {
    std::string_view name;
    if (!element.IsNull()) {
      DDB_ASSIGN_OR_RETURN(name, string_value(element));
    }
    names.push_back(name);
  }
  return std::optional<std::vector<std::string_view>>(std::move(names));
}

// How DynamoDB prints a list of names in a constraint message: "[a, b]".
std::string rendered(const std::vector<std::string_view>& names) {
  std::string text = "[";
  for (std::size_t i = 0; i < names.size(); ++i) {
    text.append(i > 0 ? ", " : "").append(names[i]);
  }
  return text + "]";
}

// The operators of a map of conditions, entries in reverse order as DynamoDB lists them.
void check_operators(const std::optional<std::vector<ClassicCondition>>& entries,
                     std::string_view path, const StringRule& rule, Violations& violations) {
  if (!entries) {
    return;
  }
  for (auto entry = entries->rbegin(); entry != entries->rend(); ++entry) {
    if (!entry->null) {
      check(violations, std::string(path) + "." + entry->attribute + ".member.comparisonOperator",
            entry->comparison_operator, rule);
    }
  }
}

}  // namespace

std::optional<ComparisonOperator> comparison_operator_of(std::string_view name) {
  auto found =
      std::find(std::begin(kComparisonOperatorNames), std::end(kComparisonOperatorNames), name);
  if (found == std::end(kComparisonOperatorNames)) {
    return std::nullopt;
  }
  return kComparisonOperators[found - std::begin(kComparisonOperatorNames)];
}

Result<ClassicMembers> read_classic_members(const JsonValue& body,
                                            const ClassicMembersTaken& taken) {
  ClassicMembers classic;
  if (taken.attributes_to_get) {
    DDB_ASSIGN_OR_RETURN(classic.attributes_to_get, read_names(body));
  }
  if (taken.expected) {
    DDB_ASSIGN_OR_RETURN(classic.expected, read_conditions(body, "Expected", true));
  }
  if (taken.attribute_updates) {
    DDB_ASSIGN_OR_RETURN(classic.attribute_updates, read_updates(body));
  }
  if (taken.query) {
    DDB_ASSIGN_OR_RETURN(classic.key_conditions, read_conditions(body, "KeyConditions", false));
    DDB_ASSIGN_OR_RETURN(classic.query_filter, read_conditions(body, "QueryFilter", false));
  }
  if (taken.scan) {
    DDB_ASSIGN_OR_RETURN(classic.scan_filter, read_conditions(body, "ScanFilter", false));
  }
  if (taken.expected || taken.query || taken.scan) {
    DDB_ASSIGN_OR_RETURN(classic.conditional_operator,
                         optional_string(body, "ConditionalOperator"));
  }
  return classic;
}

void check_classic_constraints(const ClassicMembers& classic, Violations& violations,
                               std::string_view prefix) {
  const std::string path(prefix);
  if (classic.attributes_to_get) {
    check(violations, path + "attributesToGet", classic.attributes_to_get->size(),
          rendered(*classic.attributes_to_get), kAttributesToGetRule);
  }
  check_operators(classic.query_filter, path + "queryFilter", kFilterOperatorRule, violations);
  check_operators(classic.scan_filter, path + "scanFilter", kFilterOperatorRule, violations);
  check_operators(classic.expected, path + "expected", kExpectedOperatorRule, violations);
  if (classic.attribute_updates) {
    const auto& updates = *classic.attribute_updates;
    for (auto update = updates.rbegin(); update != updates.rend(); ++update) {
      check(violations, path + "attributeUpdates." + update->attribute + ".member.action",
            update->action, kActionRule);
    }
  }
  check(violations, path + "conditionalOperator", classic.conditional_operator,
        kConditionalOperatorRule);
  check_operators(classic.key_conditions, path + "keyConditions", kFilterOperatorRule, violations);
}

Result<std::optional<expr::Projection>> translate_attributes_to_get(const ClassicMembers& classic) {
  if (!classic.attributes_to_get) {
    return std::optional<expr::Projection>();
  }
  const std::vector<std::string_view>& names = *classic.attributes_to_get;
  expr::Projection projection;
  for (auto name = names.begin(); name != names.end(); ++name) {
    if (name->empty()) {
      return ApiError::validation("Empty attribute name");
    }
    if (std::find(names.begin(), name, *name) != name) {
      return invalid_parameters("Duplicate value in attribute name: " + std::string(*name));
    }
    expr::PathElement element;
    element.name = std::string(*name);
    projection.paths.push_back(expr::Path{{std::move(element)}});
  }
  return std::optional<expr::Projection>(std::move(projection));
}

}  // namespace ddblocal::wire
