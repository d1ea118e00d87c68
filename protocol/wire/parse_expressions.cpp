#include "protocol/wire/parse_expressions.h"

#include <string>
#include <string_view>
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

// The legacy (non-expression) members, each with the expression that replaced it.
struct LegacyMember {
  std::string_view name;
  bool ExpressionMembersAllowed::*replaced_by;
};
constexpr LegacyMember kLegacyMembers[] = {
    {"AttributeUpdates", &ExpressionMembersAllowed::update},
    {"Expected", &ExpressionMembersAllowed::condition},
    {"ConditionalOperator", &ExpressionMembersAllowed::condition},
    {"AttributesToGet", &ExpressionMembersAllowed::projection},
};

// The legacy members of `body` that the operation could take instead of its expressions.
std::vector<std::string_view> legacy_members_present(const JsonValue& body,
                                                     const ExpressionMembersAllowed& allowed) {
  std::vector<std::string_view> present;
  for (const LegacyMember& legacy : kLegacyMembers) {
    if (!(allowed.*legacy.replaced_by)) {
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
  return allowed.update ? "UpdateExpression and ConditionExpression are null"
                        : "ConditionExpression is null";
}

}  // namespace

Result<ExpressionMembers> parse_expression_members(const JsonValue& body,
                                                   const ExpressionMembersAllowed& allowed) {
  std::optional<std::string_view> condition_text, update_text, projection_text;
  if (allowed.condition) {
    DDB_ASSIGN_OR_RETURN(condition_text, optional_string(body, "ConditionExpression"));
  }
  if (allowed.update) {
    DDB_ASSIGN_OR_RETURN(update_text, optional_string(body, "UpdateExpression"));
  }
  if (allowed.projection) {
    DDB_ASSIGN_OR_RETURN(projection_text, optional_string(body, "ProjectionExpression"));
  }
  DDB_ASSIGN_OR_RETURN(auto names, read_names(body));
  DDB_ASSIGN_OR_RETURN(auto values, read_values(body));

  const bool any_expression = condition_text || update_text || projection_text;
  std::vector<std::string_view> legacy = legacy_members_present(body, allowed);
  if (!legacy.empty()) {
    if (!any_expression) {
      // The pre-2014 parameters are not implemented: refuse them rather than ignore them.
      return ApiError::validation("ddblocal does not support the legacy parameter " +
                                  std::string(legacy.front()) + "; use expressions instead");
    }
    std::vector<std::string_view> expressions;
    for (auto [text, name] : {std::pair{update_text, "UpdateExpression"},
                              std::pair{condition_text, "ConditionExpression"},
                              std::pair{projection_text, "ProjectionExpression"}}) {
      if (text) {
        expressions.push_back(name);
      }
    }
    return ApiError::validation(
        "Can not use both expression and non-expression parameters in the same request: "
        "Non-expression parameters: " +
        member_set(legacy) + " Expression parameters: " + member_set(expressions));
  }
  if (names && !any_expression) {
    return ApiError::validation(
        "ExpressionAttributeNames can only be specified when using expressions");
  }
  if (values && !condition_text && !update_text) {
    return ApiError::validation(
        "ExpressionAttributeValues can only be specified when using "
        "expressions: " +
        std::string(value_users(allowed)));
  }

  expr::Placeholders placeholders(names ? &*names : nullptr, values ? &*values : nullptr);
  ExpressionMembers members;
  if (update_text) {
    DDB_ASSIGN_OR_RETURN(members.update, expr::parse_update(*update_text));
    DDB_RETURN_IF_ERROR(placeholders.resolve(*members.update));
  }
  if (condition_text) {
    DDB_ASSIGN_OR_RETURN(members.condition,
                         expr::parse_condition(*condition_text, expr::ExpressionKind::kCondition));
    DDB_RETURN_IF_ERROR(placeholders.resolve(*members.condition, expr::ExpressionKind::kCondition));
  }
  if (projection_text) {
    DDB_ASSIGN_OR_RETURN(members.projection, expr::parse_projection(*projection_text));
    DDB_RETURN_IF_ERROR(placeholders.resolve(*members.projection));
  }
  DDB_RETURN_IF_ERROR(placeholders.check_all_used());
  return members;
}

}  // namespace ddblocal::wire
