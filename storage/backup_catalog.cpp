#include "storage/backup_catalog.h"

#include <algorithm>

#include "storage/catalog.h"
#include "storage/item_codec.h"
#include "storage/record_fields.h"

namespace ddblocal::storage {
namespace {

constexpr char kBackupPrefix = 'b';

Item encode_backup(const BackupRecord& record) {
  const Backup& backup = record.backup;
  Table table;
  table.schema = backup.table;
  table.region = backup.region;
  table.table_id = backup.table_id;
  table.creation_date_time = backup.table_creation_date_time;
  table.indexes.resize(backup.table.indexes.size());
  return Item{{"arn", backup.arn},
              {"name", backup.name},
              {"created_ms", time_value(backup.creation_date_time)},
              {"size", number_value(backup.size_bytes)},
              {"items", number_value(backup.item_count)},
              {"file", record.file},
              {"table", table_record(table)}};
}

BackupRecord decode_backup(const Item& item) {
  BackupRecord record;
  Backup& backup = record.backup;
  backup.arn = string_of(item, "arn");
  backup.name = string_of(item, "name");
  backup.creation_date_time = time_of(item, "created_ms").value_or(0);
  backup.size_bytes = number_of(item, "size");
  backup.item_count = number_of(item, "items");
  record.file = string_of(item, "file");
  if (const AttributeMap* source = map_of(item, "table")) {
    Table table = table_of_record(*source);
    backup.table = std::move(table.schema);
    backup.region = table.region;
    backup.table_id = table.table_id;
    backup.table_creation_date_time = table.creation_date_time;
  }
  return record;
}

}  // namespace

Result<std::unique_ptr<BackupCatalog>> BackupCatalog::load(Database& database) {
  std::unique_ptr<BackupCatalog> catalog(new BackupCatalog(database));
  std::unique_ptr<rocksdb::Iterator> it(
      database.db().NewIterator(rocksdb::ReadOptions(), database.catalog()));
  const std::string prefix(1, kBackupPrefix);
  for (it->Seek(prefix); it->Valid() && it->key().starts_with(prefix); it->Next()) {
    DDB_ASSIGN_OR_RETURN(Item item,
                         decode_item(std::string_view(it->value().data(), it->value().size())));
    BackupRecord record = decode_backup(item);
    catalog->backups_.emplace(record.backup.arn, std::move(record));
  }
  if (!it->status().ok()) {
    return ApiError::internal("cannot read the backups: " + it->status().ToString());
  }
  return catalog;
}

Result<void> BackupCatalog::add(const BackupRecord& record) {
  std::string value;
  append_item(value, encode_backup(record));
  rocksdb::WriteBatch batch;
  batch.Put(database_.catalog(), kBackupPrefix + record.backup.arn, value).PermitUncheckedError();
  std::lock_guard lock(mutex_);
  DDB_RETURN_IF_ERROR(database_.write(batch));
  backups_.insert_or_assign(record.backup.arn, record);
  return {};
}

std::optional<BackupRecord> BackupCatalog::find(const std::string& arn) const {
  std::lock_guard lock(mutex_);
  auto it = backups_.find(arn);
  return it == backups_.end() ? std::nullopt : std::optional(it->second);
}

std::vector<Backup> BackupCatalog::all() const {
  std::vector<Backup> backups;
  {
    std::lock_guard lock(mutex_);
    for (const auto& [arn, record] : backups_) {
      backups.push_back(record.backup);
    }
  }
  std::sort(backups.begin(), backups.end(), [](const Backup& a, const Backup& b) {
    return std::tie(a.creation_date_time, a.arn) < std::tie(b.creation_date_time, b.arn);
  });
  return backups;
}

Result<BackupRecord> BackupCatalog::remove(const std::string& arn) {
  std::lock_guard lock(mutex_);
  auto it = backups_.find(arn);
  if (it == backups_.end()) {
    return ApiError::backup_not_found(arn);
  }
  if (restoring_.contains(arn)) {
    return ApiError::backup_in_use("Backup is being used to restore table: " + arn);
  }
  rocksdb::WriteBatch batch;
  batch.Delete(database_.catalog(), kBackupPrefix + arn).PermitUncheckedError();
  DDB_RETURN_IF_ERROR(database_.write(batch));
  BackupRecord record = std::move(it->second);
  backups_.erase(it);
  return record;
}

Result<void> BackupCatalog::begin_restore(const std::string& arn) {
  std::lock_guard lock(mutex_);
  if (!restoring_.insert(arn).second) {
    return ApiError::backup_in_use("Backup is being used to restore another table: " + arn);
  }
  return {};
}

void BackupCatalog::end_restore(const std::string& arn) {
  std::lock_guard lock(mutex_);
  restoring_.erase(arn);
}

}  // namespace ddblocal::storage
