#include "server/credential_scope.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

TEST(CredentialScope, ReadsTheRegionOfTheScope) {
  EXPECT_EQ(region_of_authorization(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/dynamodb/aws4_request, "
                "SignedHeaders=host;x-amz-date, Signature=abc"),
            "eu-west-1");
}

TEST(CredentialScope, DefaultsWithoutAHeader) {
  EXPECT_EQ(region_of_authorization(""), "us-east-1");
}

TEST(CredentialScope, DefaultsOnATruncatedScope) {
  EXPECT_EQ(region_of_authorization("AWS4-HMAC-SHA256 Credential=AKID/20240101"), "us-east-1");
  EXPECT_EQ(region_of_authorization("AWS4-HMAC-SHA256 Credential=AKID/20240101//dynamodb"),
            "us-east-1");
}

TEST(CredentialScope, ReadsTheAccessKey) {
  EXPECT_EQ(access_key_of_authorization(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/dynamodb/aws4_request, "
                "SignedHeaders=host, Signature=abc"),
            "AKIDEXAMPLE");
  EXPECT_EQ(access_key_of_authorization("AWS4-HMAC-SHA256 Credential=worker7"), "worker7");
  EXPECT_EQ(access_key_of_authorization("AWS4-HMAC-SHA256 Signature=abc"), "");
}

}  // namespace
}  // namespace ddblocal
