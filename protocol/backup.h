// A backup of a table as DescribeBackup and ListBackups report it: what it is, and the table it
// was taken from, as that table was.
#pragma once

#include <cstdint>
#include <string>

#include "protocol/table_schema.h"

namespace ddblocal {

enum class BackupStatus : std::uint8_t { kCreating, kAvailable, kDeleted };

struct Backup {
  std::string arn;  // ...:table/<name>/backup/<id>
  std::string name;
  double creation_date_time = 0;  // seconds since the Unix epoch, millisecond precision
  std::int64_t size_bytes = 0;
  std::int64_t item_count = 0;
  BackupStatus status = BackupStatus::kAvailable;
  // The source table at the time of the backup.
  std::string region;
  std::string table_id;
  double table_creation_date_time = 0;
  TableSchema table;
};

// A backup id: the creation time in milliseconds on 14 digits, a dash, 8 hex digits (DynamoDB's
// form: "01489602797149-73d8d5bc"), so that ids sort by time.
std::string backup_id(double creation_date_time, std::uint32_t random);

}  // namespace ddblocal
