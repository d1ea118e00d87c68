// Parsing of the tag and resource-policy operations, and the answers of the small control
// operations (tags, policies, DescribeLimits, DescribeEndpoints).
#include "protocol/wire/control_requests.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/fields.h"
#include "protocol/wire/table_members.h"
#include "protocol/wire/table_settings_members.h"

namespace ddblocal::wire {
namespace {

constexpr StringRule kResourceArnRule{.required = true, .min_length = 1, .max_length = 1283};

Result<std::string> resource_arn_of(const JsonValue& body, Violations& violations) {
  DDB_ASSIGN_OR_RETURN(auto arn, optional_string(body, "ResourceArn"));
  check(violations, "resourceArn", arn, kResourceArnRule);
  return std::string(arn.value_or(""));
}

// ExpectedRevisionId, 1 to 255 characters (an empty one: DynamoDB 2026-10-09, ack-api-quirks
// DDB-TABLE-457, DeleteResourcePolicy).
constexpr StringRule kRevisionIdRule{.min_length = 1, .max_length = 255};

Result<std::optional<std::string>> expected_revision_of(const JsonValue& body,
                                                        Violations& violations) {
  DDB_ASSIGN_OR_RETURN(auto revision, optional_string(body, "ExpectedRevisionId"));
  check(violations, "expectedRevisionId", revision, kRevisionIdRule);
  return revision ? std::optional<std::string>(*revision) : std::nullopt;
}

}  // namespace

Result<TagResourceRequest> parse_tag_resource(const JsonValue& body) {
  Violations violations;
  TagResourceRequest request;
  DDB_ASSIGN_OR_RETURN(request.resource_arn, resource_arn_of(body, violations));
  DDB_ASSIGN_OR_RETURN(const JsonValue* tags, optional_array(body, "Tags"));
  if (tags != nullptr) {
    DDB_RETURN_IF_ERROR(read_tag_types(*tags));
  }
  check_present(violations, "tags", tags != nullptr);
  DDB_RETURN_IF_ERROR(violations.to_result());
  DDB_ASSIGN_OR_RETURN(request.tags, read_tag_list(*tags));
  return request;
}

Result<void> check_tags_given(const TagResourceRequest& request) {
  if (request.tags.empty()) {
    return ApiError::validation("Atleast one Tag needs to be provided as Input.");
  }
  return {};
}

Result<void> check_tag_keys_given(const UntagResourceRequest& request) {
  if (request.tag_keys.empty()) {
    return ApiError::validation("Atleast one Tag Key needs to be provided as Input.");
  }
  return {};
}

Result<UntagResourceRequest> parse_untag_resource(const JsonValue& body) {
  Violations violations;
  UntagResourceRequest request;
  DDB_ASSIGN_OR_RETURN(request.resource_arn, resource_arn_of(body, violations));
  DDB_ASSIGN_OR_RETURN(const JsonValue* keys, optional_array(body, "TagKeys"));
  check_present(violations, "tagKeys", keys != nullptr);
  // Every key's JSON type before any constraint, as DynamoDB reads them.
  for (std::size_t i = 0; keys != nullptr && i < keys->Size(); ++i) {
    if (!(*keys)[i].IsNull()) {
      DDB_RETURN_IF_ERROR(string_value((*keys)[i]));
    }
  }
  DDB_RETURN_IF_ERROR(violations.to_result());
  for (const JsonValue& key : keys->GetArray()) {
    if (key.IsNull()) {
      return ApiError::validation("The Tag Key provided is invalid, Key: null");
    }
    DDB_ASSIGN_OR_RETURN(auto text, string_value(key));
    request.tag_keys.emplace_back(text);
  }
  return request;
}

Result<ListTagsOfResourceRequest> parse_list_tags_of_resource(const JsonValue& body) {
  Violations violations;
  ListTagsOfResourceRequest request;
  DDB_ASSIGN_OR_RETURN(request.resource_arn, resource_arn_of(body, violations));
  DDB_ASSIGN_OR_RETURN(auto token, optional_string(body, "NextToken"));
  DDB_RETURN_IF_ERROR(violations.to_result());
  if (token) {
    // Our tokens are the decimal position of the page's first tag.
    const bool digits = !token->empty() && token->size() < 6 &&
                        token->find_first_not_of("0123456789") == std::string_view::npos;
    if (!digits) {
      return ApiError::validation("Invalid NextToken: " + std::string(*token));
    }
    request.start = std::stoul(std::string(*token));
  }
  return request;
}

Result<PutResourcePolicyRequest> parse_put_resource_policy(const JsonValue& body) {
  Violations violations;
  PutResourcePolicyRequest request;
  DDB_ASSIGN_OR_RETURN(request.resource_arn, resource_arn_of(body, violations));
  DDB_ASSIGN_OR_RETURN(auto policy, optional_string(body, "Policy"));
  check_present(violations, "policy", policy.has_value());
  DDB_ASSIGN_OR_RETURN(request.expected_revision_id, expected_revision_of(body, violations));
  DDB_RETURN_IF_ERROR(violations.to_result());
  DDB_RETURN_IF_ERROR(check_policy_document(*policy));
  request.policy = std::string(*policy);
  return request;
}

Result<ResourcePolicyRequest> parse_get_resource_policy(const JsonValue& body) {
  Violations violations;
  ResourcePolicyRequest request;
  DDB_ASSIGN_OR_RETURN(request.resource_arn, resource_arn_of(body, violations));
  DDB_RETURN_IF_ERROR(violations.to_result());
  return request;
}

Result<ResourcePolicyRequest> parse_delete_resource_policy(const JsonValue& body) {
  Violations violations;
  ResourcePolicyRequest request;
  DDB_ASSIGN_OR_RETURN(request.resource_arn, resource_arn_of(body, violations));
  DDB_ASSIGN_OR_RETURN(request.expected_revision_id, expected_revision_of(body, violations));
  DDB_RETURN_IF_ERROR(violations.to_result());
  return request;
}

std::string write_tags_page(const TagList& tags, std::size_t start) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "Tags");
  writer.StartArray();
  const std::size_t end = std::min(tags.size(), start + kTagsPerPage);
  for (std::size_t i = start; i < end; ++i) {
    writer.StartObject();
    write_key(writer, "Key");
    write_string(writer, tags[i].key);
    write_key(writer, "Value");
    write_string(writer, tags[i].value);
    writer.EndObject();
  }
  writer.EndArray();
  if (end < tags.size()) {
    write_key(writer, "NextToken");
    write_string(writer, std::to_string(end));
  }
  writer.EndObject();
  return text_of(buffer);
}

std::string write_revision(std::string_view revision_id, const std::string* policy) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  if (policy != nullptr) {
    write_key(writer, "Policy");
    write_string(writer, *policy);
  }
  write_key(writer, "RevisionId");
  write_string(writer, revision_id);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_describe_limits() {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "AccountMaxReadCapacityUnits");
  writer.Int(80'000);
  write_key(writer, "AccountMaxWriteCapacityUnits");
  writer.Int(80'000);
  write_key(writer, "TableMaxReadCapacityUnits");
  writer.Int(40'000);
  write_key(writer, "TableMaxWriteCapacityUnits");
  writer.Int(40'000);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_describe_endpoints(std::string_view address) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "Endpoints");
  writer.StartArray();
  writer.StartObject();
  write_key(writer, "Address");
  write_string(writer, address);
  write_key(writer, "CachePeriodInMinutes");
  writer.Int(1440);
  writer.EndObject();
  writer.EndArray();
  writer.EndObject();
  return text_of(buffer);
}

}  // namespace ddblocal::wire
