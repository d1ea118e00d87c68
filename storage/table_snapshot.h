// A table's items as of a RocksDB snapshot, in one SST file (rocksdb::SstFileWriter), and back
// into the database under another table uid (IngestExternalFile). The cost is that of the
// table's items, whatever the size of the database. Internal to storage/.
//
// Snapshot file: an SST whose keys are the items' keys without their 8-byte table uid (so that
// the file does not depend on the uid it came from), values the items as stored. An empty
// table has no file.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include <rocksdb/snapshot.h>

#include "protocol/result.h"
#include "storage/database.h"

namespace ddblocal::storage {

// Item keys without their table uid, each with what stands in for the item stored under it:
// another stored item, or nullopt for none.
using ItemReplacements = std::map<std::string, std::optional<std::string>>;

// Writes the items of table `table_uid` as `snapshot` sees them, with `replacements` standing
// in for the items under their keys, into the file `path` (in the database's Env). Answers
// whether a file was written (false: no items).
Result<bool> write_table_snapshot(Database& database, const rocksdb::Snapshot* snapshot,
                                  std::uint64_t table_uid, const std::string& path,
                                  const ItemReplacements& replacements = {});

// Ingests the snapshot file `path` as the items of table `table_uid` (which holds none), through
// a rewritten copy at `staging_path` that RocksDB moves into the database.
Result<void> ingest_table_snapshot(Database& database, const std::string& path,
                                   std::uint64_t table_uid, const std::string& staging_path);

}  // namespace ddblocal::storage
