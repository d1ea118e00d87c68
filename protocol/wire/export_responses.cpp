// The answers of the export and import operations, the manifests an export writes, and the
// DynamoDB JSON lines of its data files.
#include <cmath>
#include <ctime>

#include "protocol/wire/exports.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {
namespace {

const char* status_name(JobStatus status) {
  switch (status) {
    case JobStatus::kInProgress:
      return "IN_PROGRESS";
    case JobStatus::kCompleted:
      return "COMPLETED";
    case JobStatus::kFailed:
      return "FAILED";
  }
  return "IN_PROGRESS";
}

std::string text_of(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

// "2026-12-05T21:20:00.123Z".
std::string iso_time(double seconds) {
  const auto whole = static_cast<std::time_t>(std::floor(seconds));
  std::tm utc{};
  gmtime_r(&whole, &utc);
  char text[40];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  const int millis = static_cast<int>(std::llround((seconds - std::floor(seconds)) * 1000)) % 1000;
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", text, millis);
  return out;
}

void member(JsonWriter& writer, std::string_view name, std::string_view value) {
  write_key(writer, name);
  write_string(writer, value);
}

void write_export(JsonWriter& writer, const ExportDescription& job) {
  writer.StartObject();
  member(writer, "ExportArn", job.arn);
  member(writer, "ExportStatus", status_name(job.status));
  write_key(writer, "StartTime");
  writer.Double(job.start_time);
  if (job.status != JobStatus::kInProgress) {
    write_key(writer, "EndTime");
    writer.Double(job.end_time);
  }
  if (job.status == JobStatus::kCompleted) {
    member(writer, "ExportManifest", job.manifest);
  }
  member(writer, "TableArn", job.table_arn);
  member(writer, "TableId", job.table_id);
  write_key(writer, "ExportTime");
  writer.Double(job.export_time);
  member(writer, "ClientToken", job.client_token);
  member(writer, "S3Bucket", job.s3_bucket);
  if (!job.s3_prefix.empty()) {
    member(writer, "S3Prefix", job.s3_prefix);
  }
  member(writer, "S3SseAlgorithm", "AES256");
  if (job.status == JobStatus::kFailed) {
    member(writer, "FailureCode", job.failure_code);
    member(writer, "FailureMessage", job.failure_message);
  }
  member(writer, "ExportFormat", "DYNAMODB_JSON");
  if (job.status == JobStatus::kCompleted) {
    write_key(writer, "BilledSizeBytes");
    writer.Int64(job.billed_size_bytes);
    write_key(writer, "ItemCount");
    writer.Int64(job.item_count);
  }
  writer.EndObject();
}

void write_bucket_source(JsonWriter& writer, const ImportDescription& job) {
  writer.StartObject();
  member(writer, "S3BucketOwner", "000000000000");
  member(writer, "S3Bucket", job.s3_bucket);
  member(writer, "S3KeyPrefix", job.s3_key_prefix);
  writer.EndObject();
}

void write_import(JsonWriter& writer, const ImportDescription& job) {
  writer.StartObject();
  member(writer, "ImportArn", job.arn);
  member(writer, "ImportStatus", status_name(job.status));
  member(writer, "TableArn", job.table_arn);
  member(writer, "TableId", job.table_id);
  member(writer, "ClientToken", job.client_token);
  write_key(writer, "S3BucketSource");
  write_bucket_source(writer, job);
  write_key(writer, "ErrorCount");
  writer.Int64(job.error_count);
  member(writer, "InputFormat", job.input_format);
  member(writer, "InputCompressionType", job.compression);
  write_key(writer, "StartTime");
  writer.Double(job.start_time);
  if (job.status != JobStatus::kInProgress) {
    write_key(writer, "EndTime");
    writer.Double(job.end_time);
  }
  write_key(writer, "ProcessedSizeBytes");
  writer.Int64(job.processed_size_bytes);
  write_key(writer, "ProcessedItemCount");
  writer.Int64(job.processed_item_count);
  write_key(writer, "ImportedItemCount");
  writer.Int64(job.imported_item_count);
  if (job.status == JobStatus::kFailed) {
    member(writer, "FailureCode", job.failure_code);
    member(writer, "FailureMessage", job.failure_message);
  }
  writer.EndObject();
}

template <typename Job, typename WriteSummary>
std::string write_page(const std::vector<Job>& jobs, const ListJobsRequest& request,
                       std::string_view list_member, WriteSummary write_summary) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, list_member);
  writer.StartArray();
  const std::size_t end = std::min(jobs.size(), request.start + request.limit);
  for (std::size_t i = request.start; i < end; ++i) {
    write_summary(writer, jobs[i]);
  }
  writer.EndArray();
  if (end < jobs.size()) {
    member(writer, "NextToken", std::to_string(end));
  }
  writer.EndObject();
  return text_of(buffer);
}

}  // namespace

std::string write_export_response(const ExportDescription& job) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "ExportDescription");
  write_export(writer, job);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_import_response(const ImportDescription& job) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "ImportTableDescription");
  write_import(writer, job);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_list_exports_response(const std::vector<ExportDescription>& jobs,
                                        const ListJobsRequest& request) {
  return write_page(jobs, request, "ExportSummaries",
                    [](JsonWriter& writer, const ExportDescription& job) {
                      writer.StartObject();
                      member(writer, "ExportArn", job.arn);
                      member(writer, "ExportStatus", status_name(job.status));
                      member(writer, "ExportType", job.export_type);
                      writer.EndObject();
                    });
}

std::string write_list_imports_response(const std::vector<ImportDescription>& jobs,
                                        const ListJobsRequest& request) {
  return write_page(jobs, request, "ImportSummaryList",
                    [](JsonWriter& writer, const ImportDescription& job) {
                      writer.StartObject();
                      member(writer, "ImportArn", job.arn);
                      member(writer, "ImportStatus", status_name(job.status));
                      member(writer, "TableArn", job.table_arn);
                      write_key(writer, "S3BucketSource");
                      write_bucket_source(writer, job);
                      member(writer, "InputFormat", job.input_format);
                      write_key(writer, "StartTime");
                      writer.Double(job.start_time);
                      if (job.status != JobStatus::kInProgress) {
                        write_key(writer, "EndTime");
                        writer.Double(job.end_time);
                      }
                      writer.EndObject();
                    });
}

std::string export_line(const Item& item) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "Item");
  write_item(writer, item);
  writer.EndObject();
  return text_of(buffer);
}

Result<Item> import_line(std::string_view line) {
  JsonDocument document;
  DDB_RETURN_IF_ERROR(parse_request_body(line, document));
  auto item = document.FindMember("Item");
  if (item == document.MemberEnd() || !item->value.IsObject()) {
    return ApiError::validation("The line has no Item");
  }
  return decode_item(item->value);
}

std::string write_manifest_summary(const ExportDescription& job,
                                   std::string_view manifest_files_key) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  member(writer, "version", "2020-06-30");
  member(writer, "exportArn", job.arn);
  member(writer, "startTime", iso_time(job.start_time));
  member(writer, "endTime", iso_time(job.end_time));
  member(writer, "tableArn", job.table_arn);
  member(writer, "tableId", job.table_id);
  member(writer, "exportTime", iso_time(job.export_time));
  member(writer, "s3Bucket", job.s3_bucket);
  write_key(writer, "s3Prefix");
  if (job.s3_prefix.empty()) {
    writer.Null();
  } else {
    write_string(writer, job.s3_prefix);
  }
  member(writer, "s3SseAlgorithm", "AES256");
  write_key(writer, "s3SseKmsKeyId");
  writer.Null();
  member(writer, "manifestFilesS3Key", manifest_files_key);
  write_key(writer, "billedSizeBytes");
  writer.Int64(job.billed_size_bytes);
  write_key(writer, "itemCount");
  writer.Int64(job.item_count);
  member(writer, "outputFormat", "DYNAMODB_JSON");
  member(writer, "exportType", job.export_type);
  writer.EndObject();
  return text_of(buffer);
}

std::string write_manifest_file_line(std::int64_t item_count, std::string_view md5,
                                     std::string_view data_file_key) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "itemCount");
  writer.Int64(item_count);
  member(writer, "md5Checksum", md5);
  member(writer, "etag", md5);
  member(writer, "dataFileS3Key", data_file_key);
  writer.EndObject();
  return text_of(buffer);
}

}  // namespace ddblocal::wire
