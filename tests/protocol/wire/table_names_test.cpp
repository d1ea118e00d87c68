#include "protocol/wire/table_names.h"

#include <string>

#include <gtest/gtest.h>

namespace ddblocal::wire {
namespace {

constexpr std::string_view kArn = "arn:aws:dynamodb:eu-west-1:000000000000:table/Music.v2";

// The message of the ValidationException a TableName member gets, or "" when it passes.
std::string violation_of(std::string_view member) {
  Violations violations;
  check_table_name_or_arn(violations, "tableName", member);
  Result<void> result = violations.to_result();
  return result ? "" : result.error().message();
}

std::string constraint_on(std::string_view member, std::string_view constraint) {
  return "1 validation error detected: Value '" + std::string(member) +
         "' at 'tableName' failed to satisfy constraint: " + std::string(constraint);
}

constexpr std::string_view kArnFormat =
    "Valid ARN format is "
    "'arn:<awsPartition>:<vendor>:<region>:<subscriber>:resourceType/resourceName', where "
    "Resource name must have length less than or equal to 255, Resource name must have length "
    "greater than or equal to 3, Resource name must satisfy regular expression pattern: "
    "[a-zA-Z0-9_.-]+";

TEST(TableNames, NamesKeepTheNameRule) {
  EXPECT_EQ(violation_of("Music.v2"), "");
  EXPECT_EQ(violation_of("ab"), constraint_on("ab",
                                              "Member must have length greater than or "
                                              "equal to 3"));
  const std::string long_name(256, 'a');
  EXPECT_EQ(violation_of(long_name),
            constraint_on(long_name, "Member must have length less than or equal to 255"));
  EXPECT_EQ(violation_of("a:b"), constraint_on("a:b",
                                               "Member must satisfy regular expression "
                                               "pattern: [a-zA-Z0-9_.-]+"));
}

TEST(TableNames, AbsentNameIsNull) {
  Violations violations;
  check_table_name_or_arn(violations, "tableName", std::nullopt);
  EXPECT_EQ(violations.to_result().error().message(),
            "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: "
            "Member must not be null");
}

TEST(TableNames, TableArnsPass) {
  EXPECT_EQ(violation_of(kArn), "");
}

TEST(TableNames, ArnsMayBeUpTo1024Long) {
  const std::string longest = "arn:" + std::string(kMaxTableArnLength - 4, 'x');
  EXPECT_EQ(violation_of(longest), constraint_on(longest, kArnFormat));
  const std::string too_long = longest + "x";
  EXPECT_EQ(violation_of(too_long),
            constraint_on(too_long, "Member must have length less than or equal to 1024"));
}

TEST(TableNames, ArnsOfOtherThingsBreakTheFormat) {
  for (std::string_view arn : {"arn:aws:dynamodb:eu-west-1", "arn:aws:s3:::bucket/key",
                               "arn:aws:dynamodb:eu-west-1:000000000000:table/Music/index/byYear",
                               "arn:aws:dynamodb:eu-west-1:000000000000:table/bad name"}) {
    EXPECT_EQ(violation_of(arn), constraint_on(arn, kArnFormat)) << arn;
  }
  const std::string long_name = "arn:aws:dynamodb:r:000000000000:table/" + std::string(256, 'a');
  EXPECT_EQ(violation_of(long_name), constraint_on(long_name, kArnFormat));
}

TEST(TableNames, ArnsOfOtherResourceTypesAreRefused) {
  constexpr std::string_view kBackups = "arn:aws:dynamodb:eu-west-1:000000000000:backup/x";
  EXPECT_EQ(violation_of(kBackups), constraint_on(kBackups, "Invalid resource type"));
}

TEST(TableNames, ArnsOfShortNamesAreRefused) {
  constexpr std::string_view kShort = "arn:aws:dynamodb:eu-west-1:000000000000:table/ab";
  EXPECT_EQ(violation_of(kShort),
            constraint_on(kShort, "Table name of ARN must have length greater than or equal to 3"));
}

TEST(TableNames, NamesResolveToThemselves) {
  EXPECT_EQ(*table_name_in_namespace("Music", "eu-west-1"), "Music");
}

TEST(TableNames, ArnsResolveToTheirTableInTheirRegion) {
  EXPECT_EQ(*table_name_in_namespace(kArn, "eu-west-1"), "Music.v2");
  // A namespace of --namespace-per-key is a region, '/' and a key.
  EXPECT_EQ(*table_name_in_namespace(kArn, "eu-west-1/AKIDEXAMPLE"), "Music.v2");
}

TEST(TableNames, ArnsOfAnotherRegionAreRefused) {
  Result<std::string_view> name = table_name_in_namespace(kArn, "us-east-1");
  ASSERT_FALSE(name);
  EXPECT_EQ(name.error().type(), ErrorType::kValidation);
  EXPECT_EQ(name.error().message(),
            "1 validation error detected: Invalid AWS region in '" + std::string(kArn) + "'");
}

TEST(TableNames, ArnsOfAnotherPartitionAreRefused) {
  constexpr std::string_view kChina = "arn:aws-cn:dynamodb:eu-west-1:000000000000:table/Music";
  EXPECT_EQ(table_name_in_namespace(kChina, "eu-west-1").error().message(),
            "1 validation error detected: Invalid AWS partition in '" + std::string(kChina) + "'");
}

TEST(TableNames, ArnsOfAnotherAccountAreDenied) {
  Result<std::string_view> name =
      table_name_in_namespace("arn:aws:dynamodb:eu-west-1:111122223333:table/Music", "eu-west-1");
  ASSERT_FALSE(name);
  EXPECT_EQ(name.error().type(), ErrorType::kAccessDenied);
}

}  // namespace
}  // namespace ddblocal::wire
