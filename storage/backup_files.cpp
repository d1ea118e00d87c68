#include "storage/backup_files.h"

namespace ddblocal::storage {

Result<std::string> backups_folder(Database& database) {
  std::string folder = database.path() + "/backups";
  rocksdb::Status status = database.db().GetEnv()->CreateDirIfMissing(folder);
  if (!status.ok()) {
    return ApiError::internal("cannot create " + folder + ": " + status.ToString());
  }
  return folder;
}

TableSchema restored_schema(TableSchema schema, std::string_view target_name) {
  schema.table_name = std::string(target_name);
  TableSettings kept;
  kept.kms_encryption = schema.settings.kms_encryption;
  kept.on_demand_throughput = schema.settings.on_demand_throughput;
  schema.settings = kept;
  return schema;
}

}  // namespace ddblocal::storage
