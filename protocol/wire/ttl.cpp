#include "protocol/wire/ttl.h"

#include "protocol/wire/field_rules.h"
#include "protocol/wire/fields.h"
#include "protocol/wire/json.h"
#include "protocol/wire/schema_writers.h"
#include "protocol/wire/table_members.h"
#include "protocol/wire/table_names.h"

namespace ddblocal::wire {
namespace {

constexpr StringRule kAttributeNameRule{.required = true, .min_length = 1, .max_length = 255};

}  // namespace

Result<UpdateTimeToLiveRequest> parse_update_time_to_live(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto name, optional_string(body, "TableName"));
  DDB_ASSIGN_OR_RETURN(const JsonValue* specification,
                       optional_object(body, "TimeToLiveSpecification"));
  std::optional<bool> enabled;
  std::optional<std::string_view> attribute;
  if (specification != nullptr) {
    DDB_ASSIGN_OR_RETURN(enabled, optional_bool(*specification, "Enabled"));
    DDB_ASSIGN_OR_RETURN(attribute, optional_string(*specification, "AttributeName"));
  }
  DDB_RETURN_IF_ERROR(check_table_operation_name(name));
  Violations violations;
  check_table_name_or_arn(violations, "tableName", name);
  check_present(violations, "timeToLiveSpecification", specification != nullptr);
  // AttributeName is listed before Enabled (ack-api-quirks DDB-TABLE-457, 2026-10-09).
  if (specification != nullptr) {
    check(violations, "timeToLiveSpecification.attributeName", attribute, kAttributeNameRule);
    check_present(violations, "timeToLiveSpecification.enabled", enabled.has_value());
  }
  DDB_RETURN_IF_ERROR(violations.to_result());
  return UpdateTimeToLiveRequest{std::string(*name), *enabled, std::string(*attribute)};
}

Result<DescribeTimeToLiveRequest> parse_describe_time_to_live(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto name, parse_table_name_only(body));
  return DescribeTimeToLiveRequest{std::move(name)};
}

Result<std::optional<std::string>> apply_time_to_live_update(
    const std::optional<std::string>& current, const UpdateTimeToLiveRequest& request) {
  if (current && *current != request.attribute_name) {
    return ApiError::validation(
        "TimeToLive is active on a different AttributeName: current AttributeName is " + *current);
  }
  if (request.enabled && current) {
    return ApiError::validation("TimeToLive is already enabled");
  }
  if (!request.enabled && !current) {
    return ApiError::validation("TimeToLive is already disabled");
  }
  return request.enabled ? std::optional<std::string>(request.attribute_name) : std::nullopt;
}

std::string write_update_time_to_live_response(const UpdateTimeToLiveRequest& request) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "TimeToLiveSpecification");
  writer.StartObject();
  write_key(writer, "Enabled");
  writer.Bool(request.enabled);
  write_key(writer, "AttributeName");
  write_string(writer, request.attribute_name);
  writer.EndObject();
  writer.EndObject();
  return text_of(buffer);
}

std::string write_describe_time_to_live_response(const std::optional<std::string>& attribute) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "TimeToLiveDescription");
  writer.StartObject();
  write_key(writer, "TimeToLiveStatus");
  writer.String(attribute ? "ENABLED" : "DISABLED");
  if (attribute) {
    write_key(writer, "AttributeName");
    write_string(writer, *attribute);
  }
  writer.EndObject();
  writer.EndObject();
  return text_of(buffer);
}

}  // namespace ddblocal::wire
