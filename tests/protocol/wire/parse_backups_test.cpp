// The backup and restore requests' checks whose text or order DynamoDB answered in 2026-10
// (ack-api-quirks DDB-TABLE-457, DDB-TABLE-100).
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/wire/backups.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;
using test_util::validation_message;

TEST(ParseBackupArn, AnythingButABackupArnIsInvalid) {
  for (std::string_view arn : {"", "abc", "arn:aws:dynamodb:us-east-1:000000000000:table/abc"}) {
    const std::string body = R"({"BackupArn":")" + std::string(arn) + R"("})";
    EXPECT_EQ(validation_message(parse_describe_backup(parse_json(body))), "Invalid Backup ARN")
        << arn;
    EXPECT_EQ(validation_message(parse_delete_backup(parse_json(body))), "Invalid Backup ARN")
        << arn;
  }
}

TEST(ParseRestoreTableFromBackup, TargetNameLengthComesFirst) {
  EXPECT_EQ(validation_message(parse_restore_table_from_backup(
                parse_json(R"({"TargetTableName":"","BackupArn":"x","BillingModeOverride":"X"})"))),
            "TableName must be at least 3 characters long and at most 255 characters long");
}

TEST(ParseRestoreTableToPointInTime, ExactlyOneTimeFlag) {
  const std::string request = R"({"SourceTableName":"abc","TargetTableName":"def")";
  EXPECT_EQ(validation_message(parse_restore_table_to_point_in_time(
                parse_json(request + R"(,"UseLatestRestorableTime":true,"RestoreDateTime":10})"))),
            "Invalid Request: Both RestoreDateTime and UseLatestRestorableTime cannot be set for "
            "point-in-time restore request. Please specify either RestoreDateTime time or "
            "UseLatestRestorableTime");
  EXPECT_EQ(validation_message(parse_restore_table_to_point_in_time(parse_json(request + "}"))),
            "Invalid Request: Either one of RestoreDateTime or UseLatestRestorableTime must be "
            "specified, but not both");
}

}  // namespace
}  // namespace ddblocal::wire
