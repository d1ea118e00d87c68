#include "protocol/wire/resource_arns.h"

#include "protocol/api_error.h"
#include "protocol/arn.h"
#include "protocol/wire/table_members.h"

namespace ddblocal::wire {

Result<std::string> table_of_resource_arn(std::string_view arn, std::string_view region,
                                          ArnUse use) {
  if (!arn.starts_with("arn:")) {
    return invalid_parameters("ARNs must start with 'arn:': " + std::string(arn));
  }
  std::optional<ParsedArn> parsed = parse_arn(arn);
  if (!parsed || parsed->service != "dynamodb" || !parsed->table_name ||
      parsed->table_name->empty() ||
      (parsed->kind != ArnResource::kTable && parsed->kind != ArnResource::kIndex &&
       parsed->kind != ArnResource::kStream)) {
    return invalid_parameters("Provided Arn is not a DynamoDB resource arn: " + std::string(arn));
  }
  if (parsed->account != kAccountId) {
    return ApiError::access_denied();
  }
  if (parsed->region != region_of_namespace(region)) {
    return use == ArnUse::kTags
               ? ApiError::validation("Invalid TableArn: Invalid ResourceArn provided as input " +
                                      std::string(arn))
               : invalid_parameters("Invalid resource Arn: " + std::string(arn));
  }
  if (parsed->kind == ArnResource::kIndex) {
    return invalid_parameters(
        "Invalid resource arn provided, only table or stream is accepted. Provided resource arn: " +
        std::string(arn));
  }
  if (parsed->kind == ArnResource::kStream) {
    // Streams have no tags or policies of their own here.
    return resource_arn_not_found(arn, *parsed->table_name, use);
  }
  return *parsed->table_name;
}

ApiError resource_arn_not_found(std::string_view arn, std::string_view table_name, ArnUse use) {
  return use == ArnUse::kTags
             ? ApiError::resource_not_found(
                   "Requested resource not found: ResourceArn: " + std::string(arn) + " not found")
             : ApiError::resource_not_found("Requested resource not found: Table: " +
                                            std::string(table_name) + " not found");
}

}  // namespace ddblocal::wire
