// Parsing of the export and import operations. Messages from the 2026 probes of
// /work/notes/control-plane.md.
#include <algorithm>

#include "protocol/arn.h"
#include "protocol/wire/exports.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/fields.h"
#include "protocol/wire/table_members.h"

namespace ddblocal::wire {
namespace {

constexpr std::string_view kExportFormats[] = {"DYNAMODB_JSON", "ION"};
constexpr std::string_view kExportTypes[] = {"FULL_EXPORT", "INCREMENTAL_EXPORT"};
constexpr std::string_view kInputFormats[] = {"DYNAMODB_JSON", "ION", "CSV"};
// In the order DynamoDB lists them (2026-10-09, ack-api-quirks DDB-IMPORT-009).
constexpr std::string_view kCompressions[] = {"ZSTD", "NONE", "GZIP"};
constexpr std::string_view kSseAlgorithms[] = {"AES256", "KMS"};
// An empty TableArn is not a member-constraint violation but "Invalid TableArn: Invalid Table
// ARN" (DynamoDB 2026-10-09, ack-api-quirks DDB-TABLE-457).
constexpr StringRule kTableArnRule{.required = true, .max_length = 1024};
constexpr StringRule kBucketRule{.required = true, .max_length = 255};
constexpr std::string_view kBucketPattern = R"(^[a-z0-9A-Z]+[\.\-\w]*[a-z0-9A-Z]+$)";
constexpr StringRule kPrefixRule{.max_length = 1024};
constexpr StringRule kExportFormatRule{.allowed = kExportFormats};
constexpr StringRule kExportTypeRule{.allowed = kExportTypes};
constexpr StringRule kInputFormatRule{.required = true, .allowed = kInputFormats};
constexpr StringRule kCompressionRule{.allowed = kCompressions};
constexpr StringRule kSseAlgorithmRule{.allowed = kSseAlgorithms};
constexpr StringRule kJobArnRule{.required = true, .min_length = 37, .max_length = 1024};
constexpr IntegerRule kMaxResultsRule{.min = 1, .max = 25};

// S3Bucket as the API model constrains it: kBucketPattern (letters or digits at both ends,
// also . - _ between), then kBucketRule (DDB-TABLE-457 records the pattern for an empty bucket).
void check_bucket(Violations& violations, std::string_view path,
                  std::optional<std::string_view> bucket) {
  const auto alphanumeric = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  if (bucket &&
      !(bucket->size() >= 2 && alphanumeric(bucket->front()) && alphanumeric(bucket->back()) &&
        std::all_of(bucket->begin(), bucket->end(),
                    [&](char c) { return alphanumeric(c) || c == '.' || c == '-' || c == '_'; }))) {
    violations.add(
        path, bucket,
        "Member must satisfy regular expression pattern: " + std::string(kBucketPattern));
  }
  check(violations, path, bucket, kBucketRule);
}

ApiError invalid_request(std::string_view message) {
  return ApiError::validation("Invalid Request: " + std::string(message));
}

Result<JobArnRequest> parse_job_arn(const JsonValue& body, std::string_view member,
                                    std::string_view path, ArnResource kind,
                                    std::string_view invalid) {
  DDB_ASSIGN_OR_RETURN(auto arn, optional_string(body, member));
  Violations violations;
  check(violations, path, arn, kJobArnRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  std::optional<ParsedArn> parsed = parse_arn(*arn);
  if (!parsed || parsed->kind != kind) {
    return ApiError::validation(std::string(invalid));
  }
  if (parsed->account != kAccountId) {
    return ApiError::access_denied();
  }
  return JobArnRequest{std::string(*arn)};
}

Result<ListJobsRequest> parse_list_jobs(const JsonValue& body, std::string_view size_member) {
  ListJobsRequest request;
  DDB_ASSIGN_OR_RETURN(auto table_arn, optional_string(body, "TableArn"));
  DDB_ASSIGN_OR_RETURN(auto size, optional_integer(body, size_member));
  DDB_ASSIGN_OR_RETURN(auto token, optional_string(body, "NextToken"));
  Violations violations;
  check(violations, size_member == "MaxResults" ? "maxResults" : "pageSize", size, kMaxResultsRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  if (table_arn) {
    request.table_arn = std::string(*table_arn);
  }
  if (size) {
    request.limit = static_cast<std::size_t>(*size);
  }
  if (token) {
    if (token->empty() || token->size() > 6 ||
        token->find_first_not_of("0123456789") != std::string_view::npos) {
      return invalid_request("Provided nextToken is invalid: " + std::string(*token));
    }
    request.start = std::stoul(std::string(*token));
  }
  return request;
}

}  // namespace

Result<ExportTableRequest> parse_export_table(const JsonValue& body) {
  ExportTableRequest request;
  DDB_ASSIGN_OR_RETURN(auto table_arn, optional_string(body, "TableArn"));
  DDB_ASSIGN_OR_RETURN(auto bucket, optional_string(body, "S3Bucket"));
  DDB_ASSIGN_OR_RETURN(auto prefix, optional_string(body, "S3Prefix"));
  DDB_ASSIGN_OR_RETURN(auto format, optional_string(body, "ExportFormat"));
  DDB_ASSIGN_OR_RETURN(auto type, optional_string(body, "ExportType"));
  DDB_ASSIGN_OR_RETURN(auto sse, optional_string(body, "S3SseAlgorithm"));
  DDB_ASSIGN_OR_RETURN(auto token, optional_string(body, "ClientToken"));
  DDB_ASSIGN_OR_RETURN(const JsonValue* incremental,
                       optional_object(body, "IncrementalExportSpecification"));
  Violations violations;
  check(violations, "tableArn", table_arn, kTableArnRule);
  check_bucket(violations, "s3Bucket", bucket);
  check(violations, "s3Prefix", prefix, kPrefixRule);
  check(violations, "exportFormat", format, kExportFormatRule);
  check(violations, "exportType", type, kExportTypeRule);
  check(violations, "s3SseAlgorithm", sse, kSseAlgorithmRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  if (incremental != nullptr && type != "INCREMENTAL_EXPORT") {
    return invalid_request(type ? "When Export Type is Full Export , Incremental Export "
                                  "Specification should not be provided"
                                : "Export Type expected to be Incremental Export when incremental "
                                  "export specification is provided");
  }
  if (type == "INCREMENTAL_EXPORT") {
    return ApiError::validation(
        "Invalid Request: ddblocal makes full exports only (FULL_EXPORT), of the present or of a "
        "moment of the point-in-time recovery window");
  }
  if (format == "ION") {
    return ApiError::validation("Invalid Request: ddblocal exports DYNAMODB_JSON only");
  }
  if (table_arn->empty()) {
    return ApiError::validation("Invalid TableArn: Invalid Table ARN");
  }
  if (!table_arn->starts_with("arn:")) {
    return invalid_parameters("tableArn is not a valid ARN");
  }
  request.table_arn = std::string(*table_arn);
  request.s3_bucket = std::string(*bucket);
  request.s3_prefix = std::string(prefix.value_or(""));
  if (token) {
    request.client_token = std::string(*token);
  }
  auto time = body.FindMember("ExportTime");
  if (time != body.MemberEnd() && time->value.IsNumber()) {
    request.export_time = time->value.GetDouble();
  }
  return request;
}

Result<ImportTableRequest> parse_import_table(const JsonValue& body) {
  ImportTableRequest request;
  DDB_ASSIGN_OR_RETURN(const JsonValue* source, optional_object(body, "S3BucketSource"));
  DDB_ASSIGN_OR_RETURN(auto format, optional_string(body, "InputFormat"));
  DDB_ASSIGN_OR_RETURN(auto compression, optional_string(body, "InputCompressionType"));
  DDB_ASSIGN_OR_RETURN(auto token, optional_string(body, "ClientToken"));
  DDB_ASSIGN_OR_RETURN(const JsonValue* format_options,
                       optional_object(body, "InputFormatOptions"));
  DDB_ASSIGN_OR_RETURN(const JsonValue* parameters,
                       optional_object(body, "TableCreationParameters"));
  std::optional<std::string_view> bucket;
  std::optional<std::string_view> prefix;
  if (source != nullptr) {
    DDB_ASSIGN_OR_RETURN(bucket, optional_string(*source, "S3Bucket"));
    DDB_ASSIGN_OR_RETURN(prefix, optional_string(*source, "S3KeyPrefix"));
  }
  Violations violations;
  check_present(violations, "s3BucketSource", source != nullptr);
  if (source != nullptr) {
    check_bucket(violations, "s3BucketSource.s3Bucket", bucket);
  }
  check(violations, "inputFormat", format, kInputFormatRule);
  check(violations, "inputCompressionType", compression, kCompressionRule);
  check_present(violations, "tableCreationParameters", parameters != nullptr);
  DDB_RETURN_IF_ERROR(violations.to_result());
  // Options belong to CSV only (DDB-IMPORT-009, with DYNAMODB_JSON).
  if (format_options != nullptr && *format != "CSV") {
    return invalid_request(
        "Unsupported InputFormatOptions for the given input format: " + std::string(*format) + ".");
  }
  if (*format != "DYNAMODB_JSON") {
    return ApiError::validation("Invalid Request: ddblocal imports DYNAMODB_JSON only");
  }
  if (compression == "ZSTD") {
    return ApiError::validation("Invalid Request: ddblocal reads GZIP or NONE compression only");
  }
  DDB_ASSIGN_OR_RETURN(request.table, parse_create_table(*parameters, TableCreator::kImportTable));
  request.s3_bucket = std::string(*bucket);
  request.s3_key_prefix = std::string(prefix.value_or(""));
  request.input_format = std::string(*format);
  request.compression = std::string(compression.value_or("NONE"));
  if (token) {
    request.client_token = std::string(*token);
  }
  return request;
}

Result<JobArnRequest> parse_describe_export(const JsonValue& body) {
  return parse_job_arn(body, "ExportArn", "exportArn", ArnResource::kExport, "Invalid Export ARN");
}

Result<JobArnRequest> parse_describe_import(const JsonValue& body) {
  return parse_job_arn(body, "ImportArn", "importArn", ArnResource::kImport, "Invalid Import ARN");
}

Result<ListJobsRequest> parse_list_exports(const JsonValue& body) {
  return parse_list_jobs(body, "MaxResults");
}

Result<ListJobsRequest> parse_list_imports(const JsonValue& body) {
  return parse_list_jobs(body, "PageSize");
}

}  // namespace ddblocal::wire
