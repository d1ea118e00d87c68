#include "protocol/resource_policy.h"

#include <gtest/gtest.h>

#include "protocol/api_error.h"

namespace ddblocal {
namespace {

TEST(ResourcePolicy, SameDocumentKeepsItsRevision) {
  ResourcePolicy current{"{}", "100"};
  Result<ResourcePolicy> put = put_policy(current, "{}", std::nullopt, "t", "200");
  ASSERT_TRUE(put);
  EXPECT_EQ(put->revision_id, "100");
  EXPECT_EQ(put_policy(current, "{\"a\":1}", std::nullopt, "t", "200")->revision_id, "200");
}

TEST(ResourcePolicy, ExpectedRevisionMustMatch) {
  ResourcePolicy current{"{}", "100"};
  Result<ResourcePolicy> stale = put_policy(current, "{\"a\":1}", "99", "t", "200");
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().type(), ErrorType::kPolicyNotFound);
  EXPECT_EQ(stale.error().message(),
            "Resource-based policy not found for the provided ResourceArn: Requested update for "
            "policy with revision id 99, but the policy associated to target table t has "
            "revision id 100.");
  EXPECT_FALSE(put_policy(current, "{}", std::string(kNoPolicyRevision), "t", "200"));
  EXPECT_TRUE(put_policy(std::nullopt, "{}", std::string(kNoPolicyRevision), "t", "200"));
}

TEST(ResourcePolicy, DeleteNeedsAPolicy) {
  Result<std::string> none = delete_policy(std::nullopt, std::nullopt, "arn:x", "t");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().message(),
            "Resource-based policy not found for the provided ResourceArn: arn:x");
  EXPECT_EQ(*delete_policy(ResourcePolicy{"{}", "7"}, std::string("7"), "arn:x", "t"), "7");
}

}  // namespace
}  // namespace ddblocal
