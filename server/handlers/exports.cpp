// ExportTableToPointInTime, DescribeExport, ListExports, ImportTable, DescribeImport,
// ListImports, against the local folder standing in for S3 (--s3-root).
#include "protocol/wire/exports.h"

#include <algorithm>
#include <cmath>
#include <random>

#include "protocol/arn.h"
#include "protocol/backup.h"
#include "protocol/clock.h"
#include "protocol/point_in_time_recovery.h"
#include "server/handlers/handler.h"
#include "server/table_transfers.h"

namespace ddblocal {
namespace {

// An export or import id: time-ordered, like a backup's.
std::string job_id(double now) {
  thread_local std::mt19937 generator{std::random_device{}()};
  return backup_id(now, static_cast<std::uint32_t>(generator()));
}

Result<S3Folder> s3_of(const RequestContext& context) {
  if (context.s3_root.empty()) {
    return ApiError::validation(
        "Invalid Request: no folder stands in for S3: start ddblocal with --s3-root (or "
        "DDBLOCAL_S3_ROOT) naming a folder whose sub-folders are the buckets");
  }
  return S3Folder(context.s3_root);
}

// The table an export's TableArn names, of this account and region.
Result<std::shared_ptr<const storage::Table>> exported_table(RequestContext& context,
                                                             const std::string& arn) {
  std::optional<ParsedArn> parsed = parse_arn(arn);
  if (!parsed || parsed->kind != ArnResource::kTable) {
    return ApiError::validation("Invalid Request: Table ARN is invalid.");
  }
  if (parsed->account != kAccountId) {
    return ApiError::access_denied();
  }
  Result<std::shared_ptr<const storage::Table>> table =
      context.store.find_table(context.region, *parsed->table_name);
  if (!table) {
    return ApiError::table_not_found(arn);
  }
  return table;
}

// The moment an export reads, from its ExportTime: a time of the table's point-in-time recovery
// window, or, for a table without recovery, the present alone (an ExportTime within a minute of
// it); nullopt for the present.
Result<std::optional<std::int64_t>> export_moment(const storage::Table& table,
                                                  std::optional<double> export_time, double now) {
  if (!export_time) {
    return std::optional<std::int64_t>();
  }
  if (!table.point_in_time_recovery) {
    if (*export_time > now + 1 || *export_time < now - 60) {
      return ApiError::invalid_export_time("Export Time is invalid");
    }
    return std::optional<std::int64_t>();
  }
  const RestorableWindow window =
      restorable_window(*table.point_in_time_recovery, std::llround(now * 1000));
  const std::int64_t moment_ms = std::llround(*export_time * 1000);
  // A client's clock may run a little ahead of the server's.
  if (moment_ms < window.earliest_ms || moment_ms > window.latest_ms + 1000) {
    return ApiError::invalid_export_time("Export Time is invalid");
  }
  return std::optional<std::int64_t>(std::min(moment_ms, window.latest_ms));
}

bool same_export(const ExportDescription& job, const wire::ExportTableRequest& request) {
  return job.table_arn == request.table_arn && job.s3_bucket == request.s3_bucket &&
         job.s3_prefix == request.s3_prefix;
}

}  // namespace

Result<std::string> handle_export_table(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_export_table(body));
  DDB_ASSIGN_OR_RETURN(S3Folder s3, s3_of(context));
  DDB_ASSIGN_OR_RETURN(auto table, exported_table(context, request.table_arn));
  if (request.client_token) {
    if (auto earlier = context.transfer_jobs.export_with_token(*request.client_token)) {
      if (!same_export(*earlier, request)) {
        return ApiError::export_conflict();
      }
      return wire::write_export_response(*earlier);
    }
  }
  ExportDescription job;
  job.start_time = unix_time();
  DDB_ASSIGN_OR_RETURN(std::optional<std::int64_t> moment_ms,
                       export_moment(*table, request.export_time, job.start_time));
  job.export_time = moment_ms ? static_cast<double>(*moment_ms) / 1000 : job.start_time;
  job.arn = request.table_arn + "/export/" + job_id(job.start_time);
  job.table_arn = request.table_arn;
  job.table_id = table->table_id;
  job.client_token = request.client_token.value_or(job.arn.substr(job.arn.rfind('/') + 1));
  job.s3_bucket = request.s3_bucket;
  job.s3_prefix = request.s3_prefix;
  context.transfer_jobs.put(job);
  context.transfer_jobs.put(run_export(context.store, s3, *table, moment_ms, job));
  return wire::write_export_response(job);
}

Result<std::string> handle_describe_export(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_describe_export(body));
  auto job = context.transfer_jobs.find_export(request.arn);
  if (!job) {
    return ApiError::export_not_found("Export not found: Export not found: " + request.arn);
  }
  return wire::write_export_response(*job);
}

Result<std::string> handle_list_exports(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_list_exports(body));
  return wire::write_list_exports_response(context.transfer_jobs.exports(request.table_arn),
                                           request);
}

Result<std::string> handle_import_table(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_import_table(body));
  DDB_ASSIGN_OR_RETURN(S3Folder s3, s3_of(context));
  const std::string& name = request.table.schema.table_name;
  if (request.client_token) {
    if (auto earlier = context.transfer_jobs.import_with_token(*request.client_token)) {
      if (earlier->table_name != name) {
        return ApiError::import_conflict(
            "Import conflict: Duplicate request detected with conflicting parameters");
      }
      return wire::write_import_response(*earlier);
    }
  }
  if (context.store.find_table(context.region, name)) {
    return ApiError::resource_in_use("Table already exists: " + name);
  }
  ImportDescription job;
  job.start_time = unix_time();
  job.table_name = name;
  job.table_arn = table_arn(context.region, name);
  job.arn = job.table_arn + "/import/" + job_id(job.start_time);
  job.client_token = request.client_token.value_or(job.arn.substr(job.arn.rfind('/') + 1));
  job.s3_bucket = request.s3_bucket;
  job.s3_key_prefix = request.s3_key_prefix;
  job.input_format = request.input_format;
  job.compression = request.compression;
  const ImportDescription started = job;
  ImportedItems imported = read_import(s3, job, request.table.schema);
  job.end_time = unix_time();
  if (imported.failure) {
    // Nothing was created: the files are read before the table exists.
    job.status = JobStatus::kFailed;
    job.failure_code = imported.failure->code;
    job.failure_message = imported.failure->message;
    context.transfer_jobs.put(job);
    return wire::write_import_response(started);
  }
  DDB_ASSIGN_OR_RETURN(auto created,
                       context.store.create_table(context.region, request.table.schema));
  job.table_id = created.table_id;
  DDB_ASSIGN_OR_RETURN(auto table, context.store.find_table(context.region, name));
  for (const Item& item : imported.items) {
    Item key = wire::key_of(table->schema, item);
    Result<storage::ItemWrite> written = context.store.write_item(
        *table, key, [&](const std::optional<Item>&) -> Result<std::optional<Item>> {
          return std::optional<Item>(item);
        });
    if (!written) {
      // A failed import leaves no half table.
      [[maybe_unused]] auto removed = context.store.delete_table(context.region, name);
      job.status = JobStatus::kFailed;
      job.failure_code = "UnknownError";
      job.failure_message = written.error().message();
      context.transfer_jobs.put(job);
      return wire::write_import_response(started);
    }
    job.imported_item_count += 1;
  }
  if (job.error_count > 0) {
    job.status = JobStatus::kFailed;
    job.failure_code = "ItemValidationError";
    job.failure_message =
        "Some of the items failed validation checks and were not imported. Please check "
        "CloudWatch error logs for more details.";
  } else {
    job.status = JobStatus::kCompleted;
  }
  context.transfer_jobs.put(job);
  ImportDescription answer = started;
  answer.table_id = job.table_id;
  return wire::write_import_response(answer);
}

Result<std::string> handle_describe_import(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_describe_import(body));
  auto job = context.transfer_jobs.find_import(request.arn);
  if (!job) {
    return ApiError::import_not_found("Import not found: " + request.arn);
  }
  return wire::write_import_response(*job);
}

Result<std::string> handle_list_imports(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_list_imports(body));
  return wire::write_list_imports_response(context.transfer_jobs.imports(request.table_arn),
                                           request);
}

}  // namespace ddblocal
