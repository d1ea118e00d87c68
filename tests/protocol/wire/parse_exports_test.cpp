// ExportTableToPointInTime and ImportTable: the checks made before anything is read from S3, as
// DynamoDB answered them in 2026-10 (ack-api-quirks DDB-TABLE-457, DDB-IMPORT-009).
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "protocol/wire/exports.h"
#include "protocol/wire/requests.h"
#include "tests/protocol/wire/wire_test_util.h"

namespace ddblocal::wire {
namespace {

using test_util::parse_json;
using test_util::validation_message;

constexpr std::string_view kBucketPattern =
    "Member must satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$";
constexpr std::string_view kTableArn = "arn:aws:dynamodb:us-east-1:000000000000:table/abc";

std::string export_error(std::string_view bucket) {
  return validation_message(
      parse_export_table(parse_json(R"({"TableArn":")" + std::string(kTableArn) +
                                    R"(","S3Bucket":")" + std::string(bucket) + R"("})")));
}

TEST(ParseExportTable, BucketMustMatchItsPattern) {
  for (std::string_view bucket : {"", "b", "-bucket", "bucket.", "buck;et"}) {
    EXPECT_EQ(export_error(bucket),
              "1 validation error detected: Value '" + std::string(bucket) +
                  "' at 's3Bucket' failed to satisfy constraint: " + std::string(kBucketPattern))
        << bucket;
  }
  EXPECT_TRUE(parse_export_table(parse_json(R"({"TableArn":")" + std::string(kTableArn) +
                                            R"(","S3Bucket":"my-bucket_1.x"})"))
                  .has_value());
}

TEST(ParseExportTable, EmptyTableArnIsAnInvalidTableArn) {
  EXPECT_EQ(
      validation_message(parse_export_table(parse_json(R"({"TableArn":"","S3Bucket":"b1"})"))),
      "Invalid TableArn: Invalid Table ARN");
}

std::string import_error(std::string_view extra) {
  return validation_message(parse_import_table(
      parse_json(R"({"S3BucketSource":{"S3Bucket":"bucket"},"InputFormat":"DYNAMODB_JSON",)"
                 R"("TableCreationParameters":{"TableName":"abc","BillingMode":"PAY_PER_REQUEST",)"
                 R"("KeySchema":[{"AttributeName":"p","KeyType":"HASH"}],)"
                 R"("AttributeDefinitions":[{"AttributeName":"p","AttributeType":"S"}]})" +
                 std::string(extra) + "}")));
}

TEST(ParseImportTable, CompressionEnumInDynamoDBsOrder) {
  EXPECT_EQ(import_error(R"(,"InputCompressionType":"BZIP2")"),
            "1 validation error detected: Value 'BZIP2' at 'inputCompressionType' failed to "
            "satisfy constraint: Member must satisfy enum value set: [ZSTD, NONE, GZIP]");
}

TEST(ParseImportTable, FormatOptionsBelongToCsv) {
  EXPECT_EQ(import_error(R"(,"InputFormatOptions":{"Csv":{"Delimiter":","}})"),
            "Invalid Request: Unsupported InputFormatOptions for the given input format: "
            "DYNAMODB_JSON.");
}

// ImportTable words the refusal its own way (DynamoDB 2026-10-09, ack-api-quirks
// DDB-IMPORT-009); CreateTable keeps UpdateTable's words (DDB-TABLE-059).
TEST(ParseImportTable, OnDemandThroughputUnderProvisionedHasItsOwnWords) {
  const std::string parameters =
      R"({"TableName":"abc","BillingMode":"PROVISIONED",)"
      R"("ProvisionedThroughput":{"ReadCapacityUnits":1,"WriteCapacityUnits":1},)"
      R"("OnDemandThroughput":{"MaxWriteRequestUnits":5},)"
      R"("KeySchema":[{"AttributeName":"p","KeyType":"HASH"}],)"
      R"("AttributeDefinitions":[{"AttributeName":"p","AttributeType":"S"}]})";
  EXPECT_EQ(validation_message(parse_import_table(parse_json(
                R"({"S3BucketSource":{"S3Bucket":"bucket"},"InputFormat":"DYNAMODB_JSON",)"
                R"("TableCreationParameters":)" +
                parameters + "}"))),
            "One or more parameter values were invalid: MaxWriteRequestUnits for "
            "OnDemandThroughput cannot be specified when table BillingMode is PROVISIONED.");
  EXPECT_EQ(validation_message(parse_create_table(parse_json(parameters))),
            "One or more parameter values were invalid: MaxWriteRequestUnits for "
            "OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED");
}

}  // namespace
}  // namespace ddblocal::wire
