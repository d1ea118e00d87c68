// The Store's point-in-time recovery: the setting, and restores. A table with recovery enabled
// logs every change (the change log of streams, item_writes.h), kept for its recovery period;
// a restore to time T takes a snapshot of the table's items and its log, and undoes every
// change logged after T: each item changed since then gets back the old image of its first
// change after T. The result goes through the backups' snapshot file and restore path.
#include <algorithm>
#include <map>

#include "protocol/arn.h"
#include "protocol/clock.h"
#include "storage/backup_catalog.h"
#include "storage/backup_files.h"
#include "storage/catalog.h"
#include "storage/change_log.h"
#include "storage/database.h"
#include "storage/item_codec.h"
#include "storage/key_locks.h"
#include "storage/range_scan.h"
#include "storage/rewind.h"
#include "storage/store.h"
#include "storage/table_snapshot.h"

namespace ddblocal::storage {
namespace {

PointInTimeRecoveryDescription description_of(const std::optional<PointInTimeRecovery>& recovery,
                                              std::int64_t now_ms) {
  if (!recovery) {
    return {};
  }
  return {true, recovery->recovery_period_days, restorable_window(*recovery, now_ms)};
}

}  // namespace

Result<PointInTimeRecoveryDescription> Store::describe_point_in_time_recovery(
    std::string_view region, std::string_view name, std::int64_t now_ms) {
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  if (!table) {
    return ApiError::table_not_found(name);
  }
  return description_of(table->point_in_time_recovery, now_ms);
}

Result<PointInTimeRecoveryDescription> Store::update_point_in_time_recovery(
    std::string_view region, std::string_view name, bool enabled, std::optional<std::int32_t> days,
    std::int64_t now_ms) {
  std::lock_guard schema_lock(schema_mutex_);
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  if (!table) {
    return ApiError::table_not_found(name);
  }
  const bool enabling = enabled && !table->point_in_time_recovery;
  Table updated = *table;
  updated.point_in_time_recovery.reset();
  if (enabled) {
    PointInTimeRecovery recovery = table->point_in_time_recovery.value_or(PointInTimeRecovery{});
    recovery.recovery_period_days = days.value_or(recovery.recovery_period_days);
    updated.point_in_time_recovery = recovery;
  }
  if (enabling) {
    // Writers that began before recovery was enabled log nothing: the window opens once they
    // finished.
    DDB_ASSIGN_OR_RETURN(auto logging, catalog_->replace(updated));
    if (!logging) {
      return ApiError::table_not_found(name);
    }
    key_locks_->wait_for_writers();
    now_ms = std::max(now_ms, unix_ms());
    updated.point_in_time_recovery->enabled_ms = now_ms;
  }
  DDB_ASSIGN_OR_RETURN(auto replaced, catalog_->replace(std::move(updated)));
  if (!replaced) {
    return ApiError::table_not_found(name);
  }
  return description_of(replaced->point_in_time_recovery, now_ms);
}

Result<TableDescription> Store::restore_table_to_point_in_time(
    std::string_view region, std::string_view source_name, std::string_view target_name,
    std::optional<std::int64_t> time_ms, std::int64_t now_ms, const RestoreSchema& schema_of) {
  std::shared_ptr<const Table> source = catalog_->find(region, source_name);
  if (!source) {
    return ApiError::table_not_found(source_name);
  }
  if (!source->point_in_time_recovery) {
    return ApiError::point_in_time_recovery_unavailable(source_name);
  }
  const RestorableWindow window = restorable_window(*source->point_in_time_recovery, now_ms);
  const std::int64_t restore_ms = time_ms.value_or(window.latest_ms);
  if (restore_ms < window.earliest_ms || restore_ms > window.latest_ms) {
    return ApiError::invalid_restore_time();
  }
  if (catalog_->find(region, target_name)) {
    return ApiError::table_already_exists(target_name);
  }
  BackupRecord record;
  record.backup.region = source->region;
  record.backup.table_id = source->table_id;
  record.backup.table_creation_date_time = source->creation_date_time;
  record.backup.table = source->schema;
  DDB_ASSIGN_OR_RETURN(TableSchema schema, schema_of(record.backup));

  rocksdb::ManagedSnapshot snapshot(&database_->db());
  DDB_ASSIGN_OR_RETURN(auto records,
                       change_log_->records_after(source->uid, restore_ms, snapshot.snapshot()));
  const Rewind rewound = rewind(*source, records);
  DDB_ASSIGN_OR_RETURN(TableStats stats, database_->read_stats(source->uid, snapshot.snapshot()));
  record.backup.item_count = stats.item_count + rewound.delta.item_count;
  record.backup.size_bytes = stats.size_bytes + rewound.delta.size_bytes;
  DDB_ASSIGN_OR_RETURN(const std::string folder, backups_folder(*database_));
  const std::string file = folder + "/point-in-time-" + std::to_string(source->uid) + "-" +
                           std::to_string(restore_ms) + "-" + std::to_string(now_ms) + ".sst";
  DDB_ASSIGN_OR_RETURN(bool written, write_table_snapshot(*database_, snapshot.snapshot(),
                                                          source->uid, file, rewound.replacements));
  record.file = written ? file : std::string();

  Result<std::shared_ptr<const Table>> restored =
      restore_into(region, target_name, std::move(schema), record);
  if (written) {
    database_->db().GetEnv()->DeleteFile(file).PermitUncheckedError();
  }
  if (!restored) {
    return restored.error();
  }
  TableDescription description = describe(**restored, TableStatus::kCreating);
  description.restore_summary =
      RestoreSummary{std::nullopt, table_arn(source->region, source->schema.table_name),
                     static_cast<double>(restore_ms) / 1000, true};
  return description;
}

}  // namespace ddblocal::storage
