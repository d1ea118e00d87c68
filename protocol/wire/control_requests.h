// The typed requests of the table-level control operations beside CreateTable and friends:
// tags, resource policies, limits and endpoints; their parsers and response bodies.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/resource_policy.h"
#include "protocol/result.h"
#include "protocol/tags.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

struct TagResourceRequest {
  std::string resource_arn;
  TagList tags;
};

struct UntagResourceRequest {
  std::string resource_arn;
  std::vector<std::string> tag_keys;
};

struct ListTagsOfResourceRequest {
  std::string resource_arn;
  // Where the page starts among the table's tags (the NextToken of the previous page).
  std::size_t start = 0;
};

struct PutResourcePolicyRequest {
  std::string resource_arn;
  std::string policy;
  std::optional<std::string> expected_revision_id;
};

// GetResourcePolicy and DeleteResourcePolicy (Get has no ExpectedRevisionId).
struct ResourcePolicyRequest {
  std::string resource_arn;
  std::optional<std::string> expected_revision_id;
};

// The tags of one ListTagsOfResource page.
inline constexpr std::size_t kTagsPerPage = 10;

// Each parser checks the members' JSON types and constraints; the ARN itself is the caller's
// (resource_arns.h), as it needs the request's region.
Result<TagResourceRequest> parse_tag_resource(const JsonValue& body);
Result<UntagResourceRequest> parse_untag_resource(const JsonValue& body);
Result<ListTagsOfResourceRequest> parse_list_tags_of_resource(const JsonValue& body);
// A list of tags, or of tag keys, is not empty: checked after the ResourceArn's form and before
// the table is looked up (dynalite's tagResource tests, recorded against DynamoDB).
Result<void> check_tags_given(const TagResourceRequest& request);
Result<void> check_tag_keys_given(const UntagResourceRequest& request);
// Also checks the policy document (JSON, at most 20 KB).
Result<PutResourcePolicyRequest> parse_put_resource_policy(const JsonValue& body);
Result<ResourcePolicyRequest> parse_get_resource_policy(const JsonValue& body);
Result<ResourcePolicyRequest> parse_delete_resource_policy(const JsonValue& body);

// {"Tags":[...],"NextToken":".."}: the page of `tags` from `start`, NextToken when more follow.
std::string write_tags_page(const TagList& tags, std::size_t start);
// {"RevisionId":".."}, or {"Policy":"..","RevisionId":".."} when `policy` is given.
std::string write_revision(std::string_view revision_id, const std::string* policy = nullptr);
// DescribeLimits: the account and table capacity quotas of the Developer Guide.
std::string write_describe_limits();
// DescribeEndpoints: this server's address, cached as long as DynamoDB says.
std::string write_describe_endpoints(std::string_view address);

}  // namespace ddblocal::wire
