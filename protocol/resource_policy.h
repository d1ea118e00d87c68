// A table's resource-based policy (PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy):
// stored and answered, never enforced. The revision rules and messages are DynamoDB's
// (/work/notes/control-plane.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/result.h"

namespace ddblocal {

struct ResourcePolicy {
  std::string document;
  // DynamoDB's revision ids are decimal strings; clients compare them as strings.
  std::string revision_id;
  bool operator==(const ResourcePolicy&) const = default;
};

// The ExpectedRevisionId that asks for no policy to be attached yet.
inline constexpr std::string_view kNoPolicyRevision = "NO_POLICY";

// The policy of table `table_name` once `document` is put over `current`, with a new revision
// id `new_revision` unless the document is the one already attached (PutResourcePolicy is
// idempotent). PolicyNotFoundException when `expected_revision` is given and does not match.
Result<ResourcePolicy> put_policy(const std::optional<ResourcePolicy>& current,
                                  std::string_view document,
                                  const std::optional<std::string>& expected_revision,
                                  std::string_view table_name, std::string new_revision);

// Checks that `current` may be deleted: PolicyNotFoundException when there is no policy (for
// `arn`) or `expected_revision` does not match it. Answers the revision deleted.
Result<std::string> delete_policy(const std::optional<ResourcePolicy>& current,
                                  const std::optional<std::string>& expected_revision,
                                  std::string_view arn, std::string_view table_name);

// PolicyNotFoundException for a resource without a policy.
ApiError policy_not_found(std::string_view arn);

}  // namespace ddblocal
