// Exports to and imports from S3 (here a local folder): the jobs as DescribeExport and
// DescribeImport report them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "protocol/table_schema.h"

namespace ddblocal {

enum class JobStatus : std::uint8_t { kInProgress, kCompleted, kFailed };

struct ExportDescription {
  std::string arn;  // ...:table/<name>/export/<id>
  JobStatus status = JobStatus::kInProgress;
  std::string table_arn;
  std::string table_id;
  std::string client_token;
  std::string s3_bucket;
  std::string s3_prefix;  // empty: none
  double start_time = 0;
  double end_time = 0;
  double export_time = 0;
  std::string export_type = "FULL_EXPORT";
  // Set once COMPLETED: the manifest's key, the items and bytes exported.
  std::string manifest;
  std::int64_t item_count = 0;
  std::int64_t billed_size_bytes = 0;
  // Set once FAILED.
  std::string failure_code;
  std::string failure_message;
};

struct ImportDescription {
  std::string arn;  // ...:table/<name>/import/<id>
  JobStatus status = JobStatus::kInProgress;
  std::string table_arn;
  std::string table_id;
  std::string client_token;
  std::string s3_bucket;
  std::string s3_key_prefix;
  std::string input_format = "DYNAMODB_JSON";
  std::string compression = "NONE";
  std::string table_name;
  double start_time = 0;
  double end_time = 0;
  std::int64_t processed_size_bytes = 0;
  std::int64_t processed_item_count = 0;
  std::int64_t imported_item_count = 0;
  std::int64_t error_count = 0;
  std::string failure_code;
  std::string failure_message;
};

}  // namespace ddblocal
