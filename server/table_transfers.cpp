#include "server/table_transfers.h"

#include <random>

#include <openssl/evp.h>

#include "protocol/clock.h"
#include "protocol/wire/requests.h"

namespace ddblocal {
namespace {

std::string base64_md5(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_md5(), nullptr);
  unsigned char encoded[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
  const int size = EVP_EncodeBlock(encoded, digest, static_cast<int>(length));
  return std::string(reinterpret_cast<char*>(encoded), static_cast<std::size_t>(size));
}

std::string random_name() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz234567";
  std::string name;
  for (int i = 0; i < 26; ++i) {
    name.push_back(kAlphabet[generator() % 32]);
  }
  return name;
}

ExportDescription failed(ExportDescription job, const S3Failure& failure) {
  job.status = JobStatus::kFailed;
  job.failure_code = failure.code;
  job.failure_message = failure.message;
  job.end_time = unix_time();
  return job;
}

}  // namespace

ExportDescription run_export(storage::Store& store, const S3Folder& s3, const storage::Table& table,
                             std::optional<std::int64_t> moment_ms, ExportDescription job) {
  const std::string id = job.arn.substr(job.arn.rfind('/') + 1);
  const std::string base =
      (job.s3_prefix.empty() ? "" : job.s3_prefix + "/") + "AWSDynamoDB/" + id + "/";
  if (auto failure = s3.write(job.s3_bucket, base + "_started", "", false)) {
    return failed(std::move(job), *failure);
  }
  std::string lines;
  Result<void> read =
      store.for_each_item_at(table, moment_ms, [&](const Item& item) -> Result<void> {
        lines.append(wire::export_line(item)).push_back('\n');
        job.item_count += 1;
        job.billed_size_bytes += static_cast<std::int64_t>(item_size(item));
        return {};
      });
  if (!read) {
    return failed(std::move(job), {"UnknownError", read.error().message()});
  }
  std::string manifest_files;
  if (job.item_count > 0) {
    const std::string data_key = base + "data/" + random_name() + ".json.gz";
    if (auto failure = s3.write(job.s3_bucket, data_key, lines, true)) {
      return failed(std::move(job), *failure);
    }
    manifest_files =
        wire::write_manifest_file_line(job.item_count, base64_md5(lines), data_key) + "\n";
  }
  job.end_time = unix_time();
  const std::string files_key = base + "manifest-files.json";
  const std::string summary_key = base + "manifest-summary.json";
  const std::string summary = wire::write_manifest_summary(job, files_key);
  for (auto [key, bytes] :
       {std::pair{files_key, manifest_files}, std::pair{summary_key, summary}}) {
    if (auto failure = s3.write(job.s3_bucket, key, bytes, false)) {
      return failed(std::move(job), *failure);
    }
    const std::string md5_key = key.substr(0, key.size() - 4) + "md5";
    if (auto failure = s3.write(job.s3_bucket, md5_key, base64_md5(bytes), false)) {
      return failed(std::move(job), *failure);
    }
  }
  job.manifest = summary_key;
  job.status = JobStatus::kCompleted;
  return job;
}

ImportedItems read_import(const S3Folder& s3, ImportDescription& job, const TableSchema& schema) {
  ImportedItems imported;
  std::vector<std::string> keys;
  if (auto failure = s3.list(job.s3_bucket, job.s3_key_prefix, keys)) {
    imported.failure = failure;
    return imported;
  }
  for (const std::string& key : keys) {
    std::string bytes;
    if (auto failure = s3.read(job.s3_bucket, key, job.compression == "GZIP", bytes)) {
      imported.failure = failure;
      return imported;
    }
    job.processed_size_bytes += static_cast<std::int64_t>(bytes.size());
    std::size_t start = 0;
    while (start < bytes.size()) {
      std::size_t end = bytes.find('\n', start);
      end = end == std::string::npos ? bytes.size() : end;
      std::string_view line(bytes.data() + start, end - start);
      start = end + 1;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
        continue;
      }
      job.processed_item_count += 1;
      Result<Item> item = wire::import_line(line);
      if (!item || !wire::validate_item_keys(schema, *item)) {
        job.error_count += 1;
        continue;
      }
      imported.items.push_back(std::move(*item));
    }
  }
  return imported;
}

}  // namespace ddblocal
