#include "protocol/wire/parse_expressions.h"

#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "protocol/expressions/parser.h"
#include "protocol/expressions/resolve.h"
#include "protocol/wire/fields.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {
namespace {

std::string_view text_of(const JsonValue& value) {
  return {value.GetString(), value.GetStringLength()};
}

// ExpressionAttributeNames: "#name" -> attribute name.
Result<std::optional<expr::AttributeNames>> read_names(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* json, optional_object(body, "ExpressionAttributeNames"));
  if (json == nullptr) {
    return std::optional<expr::AttributeNames>();
  }
  expr::AttributeNames names;
  for (const auto& member : json->GetObject()) {
    if (member.value.IsNull()) {
      continue;
    }
    DDB_ASSIGN_OR_RETURN(auto name, string_value(member.value));
    names.insert_or_assign(std::string(text_of(member.name)), std::string(name));
  }
  if (names.empty()) {
    return ApiError::validation("ExpressionAttributeNames must not be empty");
  }
  for (const auto& [placeholder, name] : names) {
    if (!placeholder.starts_with('#')) {
      return ApiError::validation(
          "ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + placeholder +
          "\"");
    }
    // Else SET #n = :v would make an attribute with an empty name, which no item may have.
    if (name.empty()) {
      return ApiError::validation(
          "ExpressionAttributeNames contains invalid value: Empty attribute name for key " +
          placeholder);
    }
  }
  return std::optional<expr::AttributeNames>(std::move(names));
}

// ExpressionAttributeValues: ":value" -> attribute value.
Result<std::optional<Item>> read_values(const JsonValue& body, bool older_wording) {
  DDB_ASSIGN_OR_RETURN(const JsonValue* json, optional_object(body, "ExpressionAttributeValues"));
  if (json == nullptr) {
    return std::optional<Item>();
  }
  if (json->MemberCount() == 0) {
    return ApiError::validation("ExpressionAttributeValues must not be empty");
  }
  Item values;
  for (const auto& member : json->GetObject()) {
    std::string placeholder(text_of(member.name));
    if (!placeholder.starts_with(':')) {
      return ApiError::validation(
          "ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + placeholder +
          "\"");
    }
    Result<AttributeValue> value =
        decode_value(member.value, older_wording ? ValueWording::kOlder : ValueWording::kCurrent);
    if (!value) {
      if (value.error().type() != ErrorType::kValidation || !older_wording) {
        return std::move(value).error();
      }
      return ApiError::validation("ExpressionAttributeValues contains invalid value: " +
                                  value.error().message() + " for key " + placeholder);
    }
    values.insert_or_assign(std::move(placeholder), std::move(*value));
  }
  return std::optional<Item>(std::move(values));
}

// A set of member names as DynamoDB lists them in messages: "{Expected, ConditionalOperator}".
std::string member_set(const std::vector<std::string_view>& names) {
  std::string text = "{";
  for (std::size_t i = 0; i < names.size(); ++i) {
    text.append(i ? ", " : "").append(names[i]);
  }
  return text + "}";
}

// The classic (non-expression) members, in the order DynamoDB lists them, each with whether
// the operation takes it.
struct ClassicMember {
  std::string_view name;
  bool (*taken)(const ClassicMembersTaken&);
};
constexpr ClassicMember kClassicMembers[] = {
    {"AttributesToGet", [](const ClassicMembersTaken& t) { return t.attributes_to_get; }},
    {"AttributeUpdates", [](const ClassicMembersTaken& t) { return t.attribute_updates; }},
    {"Expected", [](const ClassicMembersTaken& t) { return t.expected; }},
    {"QueryFilter", [](const ClassicMembersTaken& t) { return t.query; }},
    {"ScanFilter", [](const ClassicMembersTaken& t) { return t.scan; }},
    {"ConditionalOperator",
     [](const ClassicMembersTaken& t) { return t.expected || t.query || t.scan; }},
    {"KeyConditions", [](const ClassicMembersTaken& t) { return t.query; }},
};

// The member `name` of `body`, when present and not null.
const JsonValue* present(const JsonValue& body, std::string_view name) {
  auto member = body.FindMember(rapidjson::StringRef(name.data(), name.size()));
  return member != body.MemberEnd() && !member->value.IsNull() ? &member->value : nullptr;
}

// The classic members of `body` the operation takes. KeyConditions counts only beside a
// KeyConditionExpression: DynamoDB takes it with the other expressions of a Query.
std::vector<std::string_view> classic_members_present(const JsonValue& body,
                                                      const ClassicMembersTaken& taken,
                                                      bool key_condition_expression) {
  std::vector<std::string_view> present_members;
  for (const ClassicMember& classic : kClassicMembers) {
    if (classic.taken(taken) && present(body, classic.name) != nullptr &&
        (classic.name != "KeyConditions" || key_condition_expression)) {
      present_members.push_back(classic.name);
    }
  }
  return present_members;
}

// ConditionalOperator joins the conditions of Expected, QueryFilter or ScanFilter: without any,
// DynamoDB refuses it (ExtendDB's tests, verified on DynamoDB: before the missing key condition).
Result<void> check_conditional_operator(const JsonValue& body, const ClassicMembersTaken& taken) {
  if (!(taken.expected || taken.query || taken.scan) ||
      present(body, "ConditionalOperator") == nullptr) {
    return {};
  }
  const JsonValue* conditions = present(body, taken.expected ? "Expected"
                                              : taken.query  ? "QueryFilter"
                                                             : "ScanFilter");
  if (conditions == nullptr || !conditions->IsObject() || conditions->MemberCount() == 0) {
    return ApiError::validation("ConditionalOperator cannot be used without Filter or Expected");
  }
  return {};
}

// What the operations in the older wording name: the expressions that could have used them.
std::string_view older_value_users(const ExpressionMembersAllowed& allowed) {
  if (allowed.update) {
    return "UpdateExpression and ConditionExpression are null";
  }
  if (allowed.key_condition) {
    return "FilterExpression and KeyConditionExpression are null";
  }
  return allowed.filter ? "FilterExpression is null" : "ConditionExpression is null";
}

constexpr std::string_view kValuesWithoutExpression =
    "ExpressionAttributeValues can only be specified when using expressions";

// What DynamoDB names after kValuesWithoutExpression: PutItem, UpdateItem and DeleteItem name
// nothing since 2026 (us-east-1 since 2026-08; nubo-db/dynamodb-conformance
// captures/2026-08-12-wording-drift.json).
std::string value_users(const ExpressionMembersAllowed& allowed) {
  if ((allowed.update || allowed.condition) && !allowed.older_wording) {
    return "";
  }
  return ": " + std::string(older_value_users(allowed));
}

// Whether the operation has ExpressionAttributeValues at all: those that only project (GetItem,
// BatchGetItem, TransactGetItems) do not, and DynamoDB ignores members a shape lacks.
bool takes_values(const ExpressionMembersAllowed& allowed) {
  return allowed.update || allowed.condition || allowed.filter || allowed.key_condition;
}

// The texts of the allowed expressions, absent when the body has none; listed in the order
// DynamoDB names them in its messages.
struct ExpressionTexts {
  std::optional<std::string_view> update, condition, projection, filter, key_condition;

  bool any() const { return update || condition || projection || filter || key_condition; }
  // The expressions that can use ExpressionAttributeValues (a projection cannot).
  bool any_with_values() const { return update || condition || filter || key_condition; }
};

Result<ExpressionTexts> read_texts(const JsonValue& body, const ExpressionMembersAllowed& allowed) {
  ExpressionTexts texts;
  for (auto [flag, name, text] :
       {std::tuple{allowed.update, "UpdateExpression", &texts.update},
        std::tuple{allowed.condition, "ConditionExpression", &texts.condition},
        std::tuple{allowed.projection, "ProjectionExpression", &texts.projection},
        std::tuple{allowed.filter, "FilterExpression", &texts.filter},
        std::tuple{allowed.key_condition, "KeyConditionExpression", &texts.key_condition}}) {
    if (flag) {
      DDB_ASSIGN_OR_RETURN(*text, optional_string(body, name));
    }
  }
  return texts;
}

}  // namespace

Result<void> read_expression_member_types(const JsonValue& body,
                                          const ExpressionMembersAllowed& allowed) {
  DDB_RETURN_IF_ERROR(read_texts(body, allowed));
  DDB_ASSIGN_OR_RETURN(const JsonValue* names, optional_object(body, "ExpressionAttributeNames"));
  if (names != nullptr) {
    for (const auto& member : names->GetObject()) {
      if (!member.value.IsNull()) {
        DDB_RETURN_IF_ERROR(string_value(member.value));
      }
    }
  }
  if (!takes_values(allowed)) {
    return {};
  }
  DDB_ASSIGN_OR_RETURN(const JsonValue* values, optional_object(body, "ExpressionAttributeValues"));
  if (values != nullptr) {
    for (const auto& member : values->GetObject()) {
      DDB_RETURN_IF_ERROR(check_value_shapes(member.value));
    }
  }
  return {};
}

Result<void> check_expression_members(const JsonValue& body,
                                      const ExpressionMembersAllowed& allowed) {
  DDB_ASSIGN_OR_RETURN(const ExpressionTexts texts, read_texts(body, allowed));
  DDB_ASSIGN_OR_RETURN(const JsonValue* names, optional_object(body, "ExpressionAttributeNames"));
  DDB_ASSIGN_OR_RETURN(const JsonValue* values, optional_object(body, "ExpressionAttributeValues"));

  const ClassicMembersTaken taken = classic_members_taken(allowed);
  std::vector<std::string_view> classic =
      classic_members_present(body, taken, texts.key_condition.has_value());
  if (!classic.empty() && texts.any()) {
    std::vector<std::string_view> expressions;
    for (auto [text, name] : {std::pair{texts.update, "UpdateExpression"},
                              std::pair{texts.condition, "ConditionExpression"},
                              std::pair{texts.projection, "ProjectionExpression"},
                              std::pair{texts.filter, "FilterExpression"},
                              std::pair{texts.key_condition, "KeyConditionExpression"}}) {
      if (text) {
        expressions.push_back(name);
      }
    }
    return ApiError::validation(
        "Can not use both expression and non-expression parameters in the same request: "
        "Non-expression parameters: " +
        member_set(classic) + " Expression parameters: " + member_set(expressions));
  }
  if (names != nullptr && !texts.any()) {
    return ApiError::validation(
        "ExpressionAttributeNames can only be specified when using expressions");
  }
  if (values != nullptr && takes_values(allowed) && !texts.any_with_values()) {
    return ApiError::validation(std::string(kValuesWithoutExpression) + value_users(allowed));
  }
  DDB_RETURN_IF_ERROR(check_conditional_operator(body, taken));
  if (allowed.key_condition && !texts.key_condition &&
      !(taken.query && present(body, "KeyConditions") != nullptr)) {
    return ApiError::validation(
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the "
        "request.");
  }
  return {};
}

ClassicMembersTaken classic_members_taken(const ExpressionMembersAllowed& allowed) {
  if (!allowed.classic) {
    return {};
  }
  return {.expected = allowed.condition,
          .attribute_updates = allowed.update,
          .attributes_to_get = allowed.projection,
          .query = allowed.filter && allowed.key_condition,
          .scan = allowed.filter && !allowed.key_condition};
}

Result<ExpressionMembers> translate_classic_members(const ClassicMembers& classic) {
  ExpressionMembers members;
  DDB_ASSIGN_OR_RETURN(members.update, translate_attribute_updates(classic));
  DDB_ASSIGN_OR_RETURN(members.condition, translate_expected(classic));
  // Query checks its filter before AttributesToGet, Scan after (dynalite's validations).
  if (classic.query_filter) {
    DDB_ASSIGN_OR_RETURN(members.filter, translate_filter(classic));
    members.filter_from_query_filter = true;
  }
  DDB_ASSIGN_OR_RETURN(members.projection, translate_attributes_to_get(classic));
  if (classic.scan_filter) {
    DDB_ASSIGN_OR_RETURN(members.filter, translate_filter(classic));
  }
  return members;
}

Result<ExpressionMembers> parse_expression_members(const JsonValue& body,
                                                   const ExpressionMembersAllowed& allowed) {
  DDB_ASSIGN_OR_RETURN(ClassicMembers classic,
                       read_classic_members(body, classic_members_taken(allowed)));
  return parse_expression_members(body, allowed, classic);
}

Result<ExpressionMembers> parse_expression_members(const JsonValue& body,
                                                   const ExpressionMembersAllowed& allowed,
                                                   const ClassicMembers& classic) {
  DDB_RETURN_IF_ERROR(check_expression_members(body, allowed));
  DDB_ASSIGN_OR_RETURN(ExpressionMembers members, translate_classic_members(classic));
  DDB_RETURN_IF_ERROR(parse_expressions(body, allowed, classic, members));
  return members;
}

Result<void> parse_expressions(const JsonValue& body, const ExpressionMembersAllowed& allowed,
                               const ClassicMembers& classic, ExpressionMembers& members) {
  DDB_ASSIGN_OR_RETURN(const ExpressionTexts texts, read_texts(body, allowed));
  DDB_ASSIGN_OR_RETURN(auto names, read_names(body));
  std::optional<Item> values;
  if (takes_values(allowed)) {
    DDB_ASSIGN_OR_RETURN(values, read_values(body, allowed.older_wording));
  }

  expr::Placeholders placeholders(names ? &*names : nullptr, values ? &*values : nullptr);
  auto condition = [&](std::string_view text,
                       expr::ExpressionKind kind) -> Result<expr::Condition> {
    DDB_ASSIGN_OR_RETURN(expr::Condition parsed, expr::parse_condition(text, kind));
    DDB_RETURN_IF_ERROR(placeholders.resolve(parsed, kind));
    return parsed;
  };
  if (texts.update) {
    DDB_ASSIGN_OR_RETURN(members.update, expr::parse_update(*texts.update));
    DDB_RETURN_IF_ERROR(placeholders.resolve(*members.update));
  }
  if (texts.condition) {
    DDB_ASSIGN_OR_RETURN(members.condition,
                         condition(*texts.condition, expr::ExpressionKind::kCondition));
  }
  // Filter before projection before key condition: the order DynamoDB reports their errors in.
  if (texts.filter) {
    DDB_ASSIGN_OR_RETURN(members.filter, condition(*texts.filter, expr::ExpressionKind::kFilter));
  }
  if (texts.projection) {
    DDB_ASSIGN_OR_RETURN(members.projection, expr::parse_projection(*texts.projection));
    DDB_RETURN_IF_ERROR(placeholders.resolve(*members.projection));
  }
  if (texts.key_condition) {
    DDB_ASSIGN_OR_RETURN(members.key_condition,
                         condition(*texts.key_condition, expr::ExpressionKind::kKeyCondition));
  }
  DDB_RETURN_IF_ERROR(placeholders.check_all_used());
  // After the expressions, as DynamoDB checks KeyConditions (dynalite's Query validation).
  if (classic.key_conditions) {
    DDB_ASSIGN_OR_RETURN(members.key_conditions, check_key_conditions(classic));
  }
  return {};
}

}  // namespace ddblocal::wire
