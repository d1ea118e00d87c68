// Catalog: the tables of every region, kept in memory and persisted in the catalog column
// family. Internal to storage/.
#pragma once

#include <map>
#include <memory>
#include <shared_mutex>

#include "storage/database.h"
#include "storage/store.h"

namespace ddblocal::storage {

// A table's catalog record, and the table back from one (backups keep their source's record).
Item table_record(const Table& table);
Table table_of_record(const Item& record);

class Catalog {
 public:
  // Reads every table record from the database.
  static Result<std::unique_ptr<Catalog>> load(Database& database);

  // Records a new table under a fresh uid, its indexes under the next ones, ACTIVE.
  // ResourceInUseException when the region already has a table of that name.
  Result<std::shared_ptr<const Table>> create(std::string_view region, const TableSchema& schema);
  // Takes `count` fresh uids from the sequence for a table built before it is recorded (a
  // restore, an import) and answers the first. Until adopt() records the table or abandon()
  // gives the uids up, they are marked unfinished: a restart removes what was written under them.
  Result<std::uint64_t> reserve_uids(std::size_t count);
  // Records `table` (its uid and index uids from one reserve_uids, its indexes built) with a
  // fresh table id, created now. ResourceInUseException when the name is taken.
  Result<std::shared_ptr<const Table>> adopt(Table table);
  // Removes what was written under the `count` uids from `first_uid` and their mark.
  Result<void> abandon(std::uint64_t first_uid, std::size_t count);

  // Records `updated` in place of the table it is a new version of (same uid, region and
  // name); the indexes it adds (those past updated.indexes) get fresh uids and status
  // CREATING. nullptr when that table is gone.
  Result<std::shared_ptr<const Table>> replace(Table updated);
  // Records `moved` (the table under uids from one reserve_uids, its entries written) in place
  // of the table of its name, and removes the entries of the old uids, in one write: how the data
  // format migration moves a table to new keys. nullptr when that table is gone.
  Result<std::shared_ptr<const Table>> replace_uids(Table moved);
  // nullptr when there is no such table.
  std::shared_ptr<const Table> find(std::string_view region, std::string_view name) const;
  // Removes the table's record, its items, its indexes and their stats in one write. nullptr when
  // there is no such table.
  Result<std::shared_ptr<const Table>> remove(std::string_view region, std::string_view name);
  // Every table of every region.
  std::vector<std::shared_ptr<const Table>> all() const;
  TablePage list(std::string_view region, std::optional<std::string_view> exclusive_start,
                 std::size_t limit) const;

 private:
  explicit Catalog(Database& database) : database_(database) {}
  // Writes the record of `table` under `key` (with what `batch` holds already) and keeps it,
  // with the uid sequence moved to `next_uid`; indexes new to the table take their uids from the
  // sequence first. REQUIRES: mutex_ held.
  Result<std::shared_ptr<const Table>> record(std::string key, Table table, std::uint64_t next_uid,
                                              IndexStatus new_index_status,
                                              rocksdb::WriteBatch batch = rocksdb::WriteBatch());

  Database& database_;
  mutable std::shared_mutex mutex_;
  // By table_key(region, name): sorted by region, then name.
  std::map<std::string, std::shared_ptr<const Table>, std::less<>> tables_;
  std::uint64_t next_uid_ = 1;
};

}  // namespace ddblocal::storage
