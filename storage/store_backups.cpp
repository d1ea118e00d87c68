// Store: backups (CreateBackup, DescribeBackup, ListBackups, DeleteBackup) and restores
// (RestoreTableFromBackup). A backup is the table's items as a RocksDB snapshot sees them,
// written to one SST file under <database>/backups; a restore rewrites that file's keys under a
// fresh table uid, ingests it, builds the indexes, and only then records the table.
#include <random>

#include "protocol/arn.h"
#include "protocol/clock.h"
#include "storage/backup_catalog.h"
#include "storage/backup_files.h"
#include "storage/catalog.h"
#include "storage/database.h"
#include "storage/record_fields.h"
#include "storage/store.h"
#include "storage/table_snapshot.h"

namespace ddblocal::storage {
namespace {

std::uint32_t random_suffix() {
  thread_local std::mt19937 generator{std::random_device{}()};
  return static_cast<std::uint32_t>(generator());
}

}  // namespace

Result<Backup> Store::create_backup(std::string_view region, std::string_view table_name,
                                    std::string_view backup_name) {
  std::shared_ptr<const Table> table = catalog_->find(region, table_name);
  if (!table) {
    return ApiError::table_not_found(table_name);
  }
  BackupRecord record;
  Backup& backup = record.backup;
  backup.name = std::string(backup_name);
  backup.creation_date_time = unix_time();
  backup.arn = table_arn(region, table_name) + "/backup/" +
               backup_id(backup.creation_date_time, random_suffix());
  backup.region = table->region;
  backup.table_id = table->table_id;
  backup.table_creation_date_time = table->creation_date_time;
  backup.table = table->schema;

  rocksdb::ManagedSnapshot snapshot(&database_->db());
  DDB_ASSIGN_OR_RETURN(TableStats stats, database_->read_stats(table->uid, snapshot.snapshot()));
  backup.item_count = stats.item_count;
  backup.size_bytes = stats.size_bytes;
  DDB_ASSIGN_OR_RETURN(const std::string folder, backups_folder(*database_));
  const std::string file = folder + "/" + backup.arn.substr(backup.arn.rfind('/') + 1) + ".sst";
  DDB_ASSIGN_OR_RETURN(bool written,
                       write_table_snapshot(*database_, snapshot.snapshot(), table->uid, file));
  record.file = written ? file : std::string();
  if (Result<void> added = backups_->add(record); !added) {
    database_->db().GetEnv()->DeleteFile(file).PermitUncheckedError();
    return added.error();
  }
  backup.status = BackupStatus::kCreating;  // as CreateBackup answers; AVAILABLE from now on
  return backup;
}

Result<Backup> Store::describe_backup(const std::string& arn) {
  std::optional<BackupRecord> record = backups_->find(arn);
  if (!record) {
    return ApiError::backup_not_found(arn);
  }
  return record->backup;
}

std::vector<Backup> Store::list_backups() {
  return backups_->all();
}

Result<Backup> Store::delete_backup(const std::string& arn) {
  DDB_ASSIGN_OR_RETURN(BackupRecord record, backups_->remove(arn));
  if (!record.file.empty()) {
    database_->db().GetEnv()->DeleteFile(record.file).PermitUncheckedError();
  }
  record.backup.status = BackupStatus::kDeleted;
  return record.backup;
}

Result<TableDescription> Store::restore_table_from_backup(std::string_view region,
                                                          std::string_view target_name,
                                                          const std::string& arn,
                                                          const RestoreSchema& schema_of) {
  std::optional<BackupRecord> record = backups_->find(arn);
  if (!record) {
    return ApiError::backup_not_found(arn);
  }
  if (catalog_->find(region, target_name)) {
    return ApiError::table_already_exists(target_name);
  }
  DDB_ASSIGN_OR_RETURN(TableSchema schema, schema_of(record->backup));
  DDB_RETURN_IF_ERROR(backups_->begin_restore(arn));
  Result<std::shared_ptr<const Table>> restored =
      restore_into(region, target_name, std::move(schema), *record);
  backups_->end_restore(arn);
  if (!restored) {
    return restored.error();
  }
  TableDescription description = describe(**restored, TableStatus::kCreating);
  description.restore_summary =
      RestoreSummary{arn, table_arn(record->backup.region, record->backup.table.table_name),
                     (*restored)->creation_date_time, true};
  return description;
}

Result<std::shared_ptr<const Table>> Store::restore_into(std::string_view region,
                                                         std::string_view target_name,
                                                         TableSchema schema,
                                                         const BackupRecord& record) {
  Table table;
  table.region = std::string(region);
  table.schema = restored_schema(std::move(schema), target_name);
  const std::size_t uids = 1 + table.schema.indexes.size();
  DDB_ASSIGN_OR_RETURN(table.uid, catalog_->reserve_uids(uids));
  for (std::size_t i = 0; i < table.schema.indexes.size(); ++i) {
    table.indexes.push_back({table.uid + 1 + i, IndexStatus::kActive});
  }
  auto built = [&]() -> Result<std::shared_ptr<const Table>> {
    if (!record.file.empty()) {
      DDB_ASSIGN_OR_RETURN(const std::string folder, backups_folder(*database_));
      const std::string staging = folder + "/restore-" + std::to_string(table.uid) + ".sst";
      DDB_RETURN_IF_ERROR(ingest_table_snapshot(*database_, record.file, table.uid, staging));
      rocksdb::WriteBatch stats;
      database_->add_stats(stats, table.uid, {record.backup.item_count, record.backup.size_bytes});
      DDB_RETURN_IF_ERROR(database_->write(stats));
    }
    for (std::size_t i = 0; i < table.indexes.size(); ++i) {
      DDB_RETURN_IF_ERROR(build_index(table, i));
    }
    Result<std::shared_ptr<const Table>> adopted = catalog_->adopt(table);
    if (!adopted && adopted.error().type() == ErrorType::kResourceInUse) {
      return ApiError::table_already_exists(table.schema.table_name);
    }
    return adopted;
  }();
  if (!built) {
    // Best effort: what is left is removed at the next start anyway (catalog.h).
    [[maybe_unused]] Result<void> abandoned = catalog_->abandon(table.uid, uids);
  }
  return built;
}

}  // namespace ddblocal::storage
