// Running an export of a table to the S3 folder in DynamoDB's layout, and an import from it.
// Both run to their end within the call; their failures are the job's status, as DynamoDB
// reports them later (FAILED with a FailureCode), never the call's.
#pragma once

#include <vector>

#include "protocol/export_import.h"
#include "protocol/wire/exports.h"
#include "server/s3_folder.h"
#include "storage/store.h"

namespace ddblocal {

// Writes the table's items, as one moment saw them (now, or `moment_ms` of its point-in-time
// recovery window), under <bucket>/<prefix>/AWSDynamoDB/<export id>/: data/<name>.json.gz
// (DynamoDB JSON lines), manifest-files.json, manifest-summary.json, their .md5 files and
// _started. Answers the job COMPLETED or FAILED.
ExportDescription run_export(storage::Store& store, const S3Folder& s3, const storage::Table& table,
                             std::optional<std::int64_t> moment_ms, ExportDescription job);

// The items of the DynamoDB JSON files under the job's key prefix, read before any table
// exists; the lines that cannot be items count as errors. A bucket that cannot be read fails
// the job.
struct ImportedItems {
  std::vector<Item> items;
  std::optional<S3Failure> failure;
};
ImportedItems read_import(const S3Folder& s3, ImportDescription& job, const TableSchema& schema);

}  // namespace ddblocal
