// The backups: their records in the catalog column family, kept in memory too, and which of
// them a restore is reading. Internal to storage/.
//
// Layout (written to disk):
//   "b" backup ARN -> an item: {"arn","name","created_ms","size","items","file","table"}, where
//                     "table" is the source table's catalog record (catalog.h) and "file" the
//                     snapshot file's path ("" for an empty table).
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "protocol/backup.h"
#include "storage/database.h"

namespace ddblocal::storage {

struct BackupRecord {
  Backup backup;
  std::string file;  // the snapshot file (table_snapshot.h); empty: the table had no items
};

class BackupCatalog {
 public:
  static Result<std::unique_ptr<BackupCatalog>> load(Database& database);

  Result<void> add(const BackupRecord& record);
  std::optional<BackupRecord> find(const std::string& arn) const;
  // Every backup, by creation time then ARN.
  std::vector<Backup> all() const;
  // Removes the record (not its file). BackupInUseException while a restore reads it.
  Result<BackupRecord> remove(const std::string& arn);

  // Marks the backup as read by a restore; BackupInUseException when one already is.
  Result<void> begin_restore(const std::string& arn);
  void end_restore(const std::string& arn);

 private:
  explicit BackupCatalog(Database& database) : database_(database) {}

  Database& database_;
  mutable std::mutex mutex_;
  std::map<std::string, BackupRecord> backups_;
  std::set<std::string> restoring_;
};

}  // namespace ddblocal::storage
