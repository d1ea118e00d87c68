#include "protocol/arn.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

TEST(Arn, BuildsTableArnsOfTheLocalAccount) {
  EXPECT_EQ(table_arn("eu-west-1", "t"), "arn:aws:dynamodb:eu-west-1:000000000000:table/t");
}

TEST(Arn, ReadsTableAndSubResources) {
  std::optional<ParsedArn> arn =
      parse_arn("arn:aws:dynamodb:us-east-1:000000000000:table/t/backup/01-ab");
  ASSERT_TRUE(arn);
  EXPECT_EQ(arn->region, "us-east-1");
  EXPECT_EQ(arn->account, "000000000000");
  EXPECT_EQ(*arn->table_name, "t");
  EXPECT_EQ(arn->kind, ArnResource::kBackup);
  EXPECT_EQ(arn->sub_resource, "01-ab");
  EXPECT_EQ(parse_arn(table_arn("r", "t"))->kind, ArnResource::kTable);
}

TEST(Arn, KeepsColonsOfTheResource) {
  std::optional<ParsedArn> arn =
      parse_arn("arn:aws:dynamodb:r:000000000000:table/t/stream/2026-10-09T00:29:04.041");
  ASSERT_TRUE(arn);
  EXPECT_EQ(arn->kind, ArnResource::kStream);
  EXPECT_EQ(arn->sub_resource, "2026-10-09T00:29:04.041");
}

TEST(Arn, RefusesTextThatIsNotAnArn) {
  EXPECT_FALSE(parse_arn("table/t"));
  EXPECT_FALSE(parse_arn("arn:aws:dynamodb:r"));
}

}  // namespace
}  // namespace ddblocal
