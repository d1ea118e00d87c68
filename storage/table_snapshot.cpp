#include "storage/table_snapshot.h"

#include <memory>

#include <rocksdb/sst_file_reader.h>
#include <rocksdb/sst_file_writer.h>

#include "storage/key_codec.h"

namespace ddblocal::storage {
namespace {

constexpr std::size_t kUidBytes = 8;

ApiError storage_failure(const rocksdb::Status& status) {
  return ApiError::internal("storage failure: " + status.ToString());
}

// The options the items column family's files are written with (its comparator, table format
// and prefix extractor), in the database's Env.
rocksdb::Options items_file_options(Database& database) {
  return rocksdb::Options(database.db().GetDBOptions(), database.db().GetOptions(database.items()));
}

}  // namespace

Result<bool> write_table_snapshot(Database& database, const rocksdb::Snapshot* snapshot,
                                  std::uint64_t table_uid, const std::string& path,
                                  const ItemReplacements& replacements) {
  const std::string lower = encode_table_prefix(table_uid);
  const std::string upper = encode_table_prefix(table_uid + 1);
  rocksdb::Slice lower_slice(lower);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions read;
  read.snapshot = snapshot;
  read.iterate_lower_bound = &lower_slice;
  read.iterate_upper_bound = &upper_slice;
  read.fill_cache = false;
  std::unique_ptr<rocksdb::Iterator> it(database.db().NewIterator(read, database.items()));
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), items_file_options(database));
  bool opened = false;
  rocksdb::Status status;
  // Opened at the first item: an empty table has no file.
  const auto put = [&](const rocksdb::Slice& key, const rocksdb::Slice& value) {
    if (!opened) {
      opened = true;
      status = writer.Open(path);
    }
    if (status.ok()) {
      status = writer.Put(key, value);
    }
  };
  // The replacements and the stored items, merged in key order.
  auto replacement = replacements.begin();
  const auto put_replacement = [&] {
    if (replacement->second) {
      put(replacement->first, *replacement->second);
    }
    ++replacement;
  };
  for (it->SeekToFirst(); status.ok() && it->Valid(); it->Next()) {
    rocksdb::Slice key = it->key();
    key.remove_prefix(kUidBytes);
    while (replacement != replacements.end() &&
           rocksdb::Slice(replacement->first).compare(key) < 0) {
      put_replacement();
    }
    if (replacement != replacements.end() && rocksdb::Slice(replacement->first) == key) {
      put_replacement();
    } else {
      put(key, it->value());
    }
  }
  while (status.ok() && replacement != replacements.end()) {
    put_replacement();
  }
  if (status.ok()) {
    status = it->status();
  }
  if (status.ok() && opened) {
    status = writer.Finish();
  }
  if (!status.ok()) {
    return storage_failure(status);
  }
  return opened;
}

Result<void> ingest_table_snapshot(Database& database, const std::string& path,
                                   std::uint64_t table_uid, const std::string& staging_path) {
  const rocksdb::Options options = items_file_options(database);
  rocksdb::SstFileReader reader(options);
  rocksdb::Status status = reader.Open(path);
  if (!status.ok()) {
    return storage_failure(status);
  }
  std::unique_ptr<rocksdb::Iterator> it(reader.NewIterator(rocksdb::ReadOptions()));
  rocksdb::SstFileWriter writer(rocksdb::EnvOptions(), options);
  status = writer.Open(staging_path);
  const std::string prefix = encode_table_prefix(table_uid);
  std::string key;
  for (it->SeekToFirst(); status.ok() && it->Valid(); it->Next()) {
    key.assign(prefix).append(it->key().data(), it->key().size());
    status = writer.Put(key, it->value());
  }
  if (status.ok()) {
    status = it->status();
  }
  if (status.ok()) {
    status = writer.Finish();
  }
  if (status.ok()) {
    rocksdb::IngestExternalFileOptions ingest;
    ingest.move_files = true;
    status = database.db().IngestExternalFile(database.items(), {staging_path}, ingest);
  }
  if (!status.ok()) {
    database.db().GetEnv()->DeleteFile(staging_path).PermitUncheckedError();
    return storage_failure(status);
  }
  return {};
}

}  // namespace ddblocal::storage
