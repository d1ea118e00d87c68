#include "protocol/wire/table_names.h"

#include "protocol/api_error.h"
#include "protocol/arn.h"

namespace ddblocal::wire {
namespace {

// DynamoDB's constraint on the format of an ARN in TableName.
constexpr std::string_view kArnFormat =
    "Valid ARN format is "
    "'arn:<awsPartition>:<vendor>:<region>:<subscriber>:resourceType/resourceName', where "
    "Resource name must have length less than or equal to 255, Resource name must have length "
    "greater than or equal to 3, Resource name must satisfy regular expression pattern: "
    "[a-zA-Z0-9_.-]+";

// The part of a table ARN after "table/": the table's name when the ARN is well formed.
std::string_view resource_name(const ParsedArn& arn) {
  return std::string_view(arn.resource).substr(std::string_view("table/").size());
}

// The constraint an ARN-form member breaks, nullopt when it names a table.
std::optional<std::string> table_arn_format_violation(std::string_view member) {
  std::optional<ParsedArn> arn = parse_arn(member);
  if (!arn || arn->service != "dynamodb" || arn->resource.find('/') == std::string::npos) {
    return std::string(kArnFormat);
  }
  if (!arn->table_name) {
    return std::string("Invalid resource type");
  }
  const std::string_view name = resource_name(*arn);
  if (name.size() < 3) {
    return std::string("Table name of ARN must have length greater than or equal to 3");
  }
  if (name.size() > 255 || !matches_name_pattern(name)) {
    return std::string(kArnFormat);
  }
  return std::nullopt;
}

}  // namespace

void check_table_name_or_arn(Violations& violations, std::string_view path,
                             std::optional<std::string_view> member, const StringRule& name_rule) {
  if (!member || !is_arn(*member)) {
    check(violations, path, member, name_rule);
    return;
  }
  if (utf16_length(*member) > kMaxTableArnLength) {
    violations.add(
        path, member,
        "Member must have length less than or equal to " + std::to_string(kMaxTableArnLength));
    return;
  }
  if (std::optional<std::string> violation = table_arn_format_violation(*member)) {
    violations.add(path, member, *violation);
  }
}

Result<std::string_view> table_name_in_namespace(std::string_view member,
                                                 std::string_view tables_namespace) {
  if (!is_arn(member)) {
    return member;
  }
  std::optional<ParsedArn> arn = parse_arn(member);
  if (!arn || arn->kind != ArnResource::kTable) {
    // Not one check_table_name_or_arn lets through.
    return ApiError::validation(one_violation(std::string(kArnFormat)));
  }
  if (arn->partition != "aws") {
    return ApiError::validation(
        one_violation("Invalid AWS partition in '" + std::string(member) + "'"));
  }
  if (arn->region != region_of_namespace(tables_namespace)) {
    return ApiError::validation(
        one_violation("Invalid AWS region in '" + std::string(member) + "'"));
  }
  if (arn->account != kAccountId) {
    // Another account's table: only its resource policy could let this account in.
    return ApiError::access_denied();
  }
  return member.substr(member.size() - arn->table_name->size());
}

}  // namespace ddblocal::wire
