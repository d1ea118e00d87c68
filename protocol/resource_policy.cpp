#include "protocol/resource_policy.h"

#include "protocol/api_error.h"

namespace ddblocal {
namespace {

constexpr std::string_view kNotFoundPrefix =
    "Resource-based policy not found for the provided ResourceArn: ";

ApiError revision_mismatch(std::string_view expected, std::string_view table_name,
                           std::string_view current) {
  return ApiError::policy_not_found(
      std::string(kNotFoundPrefix) + "Requested update for policy with revision id " +
      std::string(expected) + ", but the policy associated to target table " +
      std::string(table_name) + " has revision id " + std::string(current) + ".");
}

}  // namespace

ApiError policy_not_found(std::string_view arn) {
  return ApiError::policy_not_found(std::string(kNotFoundPrefix) + std::string(arn));
}

Result<ResourcePolicy> put_policy(const std::optional<ResourcePolicy>& current,
                                  std::string_view document,
                                  const std::optional<std::string>& expected_revision,
                                  std::string_view table_name, std::string new_revision) {
  if (current && expected_revision == kNoPolicyRevision) {
    return ApiError::policy_not_found(
        std::string(kNotFoundPrefix) + "Requested policy update expecting none to be present " +
        "for table " + std::string(table_name) + ", but a policy exists with revision id " +
        current->revision_id + ".");
  }
  if (expected_revision && *expected_revision != kNoPolicyRevision) {
    if (!current) {
      return ApiError::policy_not_found(
          std::string(kNotFoundPrefix) + "Requested update for policy with revision id " +
          *expected_revision + ", but no policy exists for table " + std::string(table_name) + ".");
    }
    if (current->revision_id != *expected_revision) {
      return revision_mismatch(*expected_revision, table_name, current->revision_id);
    }
  }
  if (current && current->document == document) {
    return *current;
  }
  return ResourcePolicy{std::string(document), std::move(new_revision)};
}

Result<std::string> delete_policy(const std::optional<ResourcePolicy>& current,
                                  const std::optional<std::string>& expected_revision,
                                  std::string_view arn, std::string_view table_name) {
  if (!current) {
    return policy_not_found(arn);
  }
  if (expected_revision && *expected_revision != current->revision_id) {
    return revision_mismatch(*expected_revision, table_name, current->revision_id);
  }
  return current->revision_id;
}

}  // namespace ddblocal
