#include "storage/format_version.h"

#include <charconv>
#include <memory>
#include <string>

#include <rocksdb/db.h>

#include "storage/database.h"

namespace ddblocal::storage {
namespace {

// In the catalog column family, beside the table records ("t...") and the uid sequence ("n").
constexpr std::string_view kFormatKey = "v";

}  // namespace

Result<int> read_format_version(Database& database) {
  DDB_ASSIGN_OR_RETURN(auto stored, database.get(database.catalog(), kFormatKey));
  if (stored) {
    int version = 0;
    auto [end, error] = std::from_chars(stored->data(), stored->data() + stored->size(), version);
    if (error != std::errc() || end != stored->data() + stored->size()) {
      return ApiError::internal("unreadable data format version: " + *stored);
    }
    return version;
  }
  // No version: a new folder, or one of format 1 if it holds anything.
  std::unique_ptr<rocksdb::Iterator> it(
      database.db().NewIterator(rocksdb::ReadOptions(), database.catalog()));
  it->SeekToFirst();
  if (!it->status().ok()) {
    return ApiError::internal("cannot read the catalog: " + it->status().ToString());
  }
  return it->Valid() ? 1 : kFormatVersion;
}

Result<void> write_format_version(Database& database) {
  rocksdb::WriteBatch batch;
  batch.Put(database.catalog(), kFormatKey, std::to_string(kFormatVersion)).PermitUncheckedError();
  return database.write(batch);
}

}  // namespace ddblocal::storage
