// ExportTableToPointInTime, DescribeExport, ListExports, ImportTable, DescribeImport,
// ListImports: typed requests, parsers, answers, and the DynamoDB JSON lines of the data files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/export_import.h"
#include "protocol/result.h"
#include "protocol/wire/json.h"
#include "protocol/wire/requests.h"

namespace ddblocal::wire {

struct ExportTableRequest {
  std::string table_arn;
  std::string s3_bucket;
  std::string s3_prefix;
  std::optional<std::string> client_token;
  std::optional<double> export_time;
};

struct ImportTableRequest {
  std::string s3_bucket;
  std::string s3_key_prefix;
  std::string input_format;
  std::string compression;  // NONE or GZIP
  std::optional<std::string> client_token;
  // TableCreationParameters, validated as CreateTable validates its members.
  CreateTableRequest table;
};

// DescribeExport, DescribeImport.
struct JobArnRequest {
  std::string arn;
};

// ListExports, ListImports.
struct ListJobsRequest {
  std::optional<std::string> table_arn;
  std::size_t limit = 25;
  std::size_t start = 0;  // from NextToken
};

Result<ExportTableRequest> parse_export_table(const JsonValue& body);
Result<ImportTableRequest> parse_import_table(const JsonValue& body);
Result<JobArnRequest> parse_describe_export(const JsonValue& body);
Result<JobArnRequest> parse_describe_import(const JsonValue& body);
Result<ListJobsRequest> parse_list_exports(const JsonValue& body);
Result<ListJobsRequest> parse_list_imports(const JsonValue& body);

std::string write_export_response(const ExportDescription& job);
std::string write_import_response(const ImportDescription& job);
// The page from `request.start` of `jobs` (those of the request's table already chosen).
std::string write_list_exports_response(const std::vector<ExportDescription>& jobs,
                                        const ListJobsRequest& request);
std::string write_list_imports_response(const std::vector<ImportDescription>& jobs,
                                        const ListJobsRequest& request);

// One line of an export's data file: {"Item":{...}} in DynamoDB JSON, without the newline.
std::string export_line(const Item& item);
// The item of one such line; the error DynamoDB would log for a line it cannot import.
Result<Item> import_line(std::string_view line);

// manifest-summary.json's text for a COMPLETED export.
std::string write_manifest_summary(const ExportDescription& job,
                                   std::string_view manifest_files_key);
// One line of manifest-files.json.
std::string write_manifest_file_line(std::int64_t item_count, std::string_view md5,
                                     std::string_view data_file_key);

}  // namespace ddblocal::wire
