// The on-disk format of a data folder, recorded in it, so that a folder written by another
// version of ddblocal is migrated or refused at open, never misread. Internal to storage/.
#pragma once

#include "protocol/result.h"

namespace rocksdb {
class WriteBatch;
}

namespace ddblocal::storage {

class Database;

// 1: item keys hashed partitions with XXH64 (ddblocal before December 2026).
// 2: item keys hash partitions as DynamoDB orders them (key_codec.cpp).
inline constexpr int kFormatVersion = 2;

// The folder's format: kFormatVersion for a new folder, 1 for one written before versions
// were recorded (it has tables but no version).
Result<int> read_format_version(Database& database);

// Records kFormatVersion in the folder.
Result<void> write_format_version(Database& database);

}  // namespace ddblocal::storage
