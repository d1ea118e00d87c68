// What backups and restores (store_backups.cpp, store_recovery.cpp) share: the folder of
// snapshot files, and the schema a restored table gets. Internal to storage/.
#pragma once

#include <string>
#include <string_view>

#include "protocol/result.h"
#include "protocol/table_schema.h"
#include "storage/database.h"

namespace ddblocal::storage {

// <database>/backups, created if missing.
Result<std::string> backups_folder(Database& database);

// The source table's schema under the name `target_name`, with only the settings a restore
// keeps (encryption, billing, on-demand maxima: the probes of /work/notes/control-plane.md).
TableSchema restored_schema(TableSchema schema, std::string_view target_name);

}  // namespace ddblocal::storage
