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
Result<std::optional<Item>> read_values(const JsonValue& body) {
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
    Result<AttributeValue> value = decode_value(member.value);
    if (!value) {
      if (value.error().type() != ErrorType::kValidation) {
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

// The legacy (non-expression) members, in the order DynamoDB lists them, each with whether
// the operation could take it (it replaced by one of the operation's expressions).
struct LegacyMember {
  std::string_view name;
  bool (*taken)(const ExpressionMembersAllowed&);
};
constexpr LegacyMember kLegacyMembers[] = {
    {"AttributesToGet", [](const ExpressionMembersAllowed& a) { return a.projection; }},
    {"AttributeUpdates", [](const ExpressionMembersAllowed& a) { return a.update; }},
    {"Expected", [](const ExpressionMembersAllowed& a) { return a.condition; }},
    {"QueryFilter", [](const ExpressionMembersAllowed& a) { return a.filter && a.key_condition; }},
    {"ScanFilter", [](const ExpressionMembersAllowed& a) { return a.filter && !a.key_condition; }},
    {"ConditionalOperator",
     [](const ExpressionMembersAllowed& a) { return a.condition || a.filter; }},
    {"KeyConditions", [](const ExpressionMembersAllowed& a) { return a.key_condition; }},
};

// The legacy members of `body` that the operation could take instead of its expressions.
std::vector<std::string_view> legacy_members_present(const JsonValue& body,
                                                     const ExpressionMembersAllowed& allowed) {
  std::vector<std::string_view> present;
  for (const LegacyMember& legacy : kLegacyMembers) {
    if (!legacy.taken(allowed)) {
      continue;
    }
    auto member = body.FindMember(rapidjson::StringRef(legacy.name.data(), legacy.name.size()));
    if (member != body.MemberEnd() && !member->value.IsNull()) {
      present.push_back(legacy.name);
    }
  }
  return present;
}

// What DynamoDB names when values come without an expression that could use them.
std::string_view value_users(const ExpressionMembersAllowed& allowed) {
  if (allowed.update) {
    return "UpdateExpression and ConditionExpression are null";
  }
  if (allowed.key_condition) {
    return "FilterExpression and KeyConditionExpression are null";
  }
  return allowed.filter ? "FilterExpression is null" : "ConditionExpression is null";
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

Result<void> check_expression_members(const JsonValue& body,
                                      const ExpressionMembersAllowed& allowed) {
  DDB_ASSIGN_OR_RETURN(const ExpressionTexts texts, read_texts(body, allowed));
  DDB_ASSIGN_OR_RETURN(const JsonValue* names, optional_object(body, "ExpressionAttributeNames"));
  DDB_ASSIGN_OR_RETURN(const JsonValue* values, optional_object(body, "ExpressionAttributeValues"));

  std::vector<std::string_view> legacy = legacy_members_present(body, allowed);
  if (!legacy.empty()) {
    if (!texts.any()) {
      // The pre-2014 parameters are not implemented: refuse them rather than ignore them.
      return ApiError::validation("ddblocal does not support the legacy parameter " +
                                  std::string(legacy.front()) + "; use expressions instead");
    }
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
        member_set(legacy) + " Expression parameters: " + member_set(expressions));
  }
  if (names != nullptr && !texts.any()) {
    return ApiError::validation(
        "ExpressionAttributeNames can only be specified when using expressions");
  }
  if (values != nullptr && takes_values(allowed) && !texts.any_with_values()) {
    return ApiError::validation(
        "ExpressionAttributeValues can only be specified when using "
        "expressions: " +
        std::string(value_users(allowed)));
  }
  if (allowed.key_condition && !texts.key_condition) {
    return ApiError::validation(
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the "
        "request.");
  }
  return {};
}

Result<ExpressionMembers> parse_expression_members(const JsonValue& body,
                                                   const ExpressionMembersAllowed& allowed) {
  DDB_RETURN_IF_ERROR(check_expression_members(body, allowed));
  DDB_ASSIGN_OR_RETURN(const ExpressionTexts texts, read_texts(body, allowed));
  DDB_ASSIGN_OR_RETURN(auto names, read_names(body));
  std::optional<Item> values;
  if (takes_values(allowed)) {
    DDB_ASSIGN_OR_RETURN(values, read_values(body));
  }

  expr::Placeholders placeholders(names ? &*names : nullptr, values ? &*values : nullptr);
  auto condition = [&](std::string_view text,
                       expr::ExpressionKind kind) -> Result<expr::Condition> {
    DDB_ASSIGN_OR_RETURN(expr::Condition parsed, expr::parse_condition(text, kind));
    DDB_RETURN_IF_ERROR(placeholders.resolve(parsed, kind));
    return parsed;
  };
  ExpressionMembers members;
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
  return members;
}

}  // namespace ddblocal::wire
