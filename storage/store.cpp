#include "storage/store.h"

#include <filesystem>

#include "storage/catalog.h"
#include "storage/database.h"
#include "storage/item_codec.h"
#include "storage/key_codec.h"
#include "storage/key_locks.h"
#include "storage/range_scan.h"

namespace ddblocal::storage {
namespace {

// Item operations name no table; table operations do (as DynamoDB words them).
ApiError resource_not_found() {
  return ApiError::resource_not_found("Requested resource not found");
}

ApiError table_not_found(std::string_view name) {
  return ApiError::resource_not_found("Requested resource not found: Table: " + std::string(name) +
                                      " not found");
}

// The stats change of replacing `old_item` (or nothing) with `new_item` (or nothing).
TableStats stats_delta(const std::optional<Item>& old_item, const std::optional<Item>& new_item) {
  TableStats delta;
  if (old_item) {
    delta.item_count -= 1;
    delta.size_bytes -= static_cast<std::int64_t>(item_size(*old_item));
  }
  if (new_item) {
    delta.item_count += 1;
    delta.size_bytes += static_cast<std::int64_t>(item_size(*new_item));
  }
  return delta;
}

// Adds one item's write, and the table's stats change, to `batch`. A write that changes
// nothing (a ConditionCheck, a put of the same item) adds nothing.
void add_item_write(Database& database, rocksdb::WriteBatch& batch, const Table& table,
                    const std::string& item_key, const ItemWrite& write) {
  if (write.old_item == write.new_item) {
    return;
  }
  if (write.new_item) {
    std::string value;
    append_item(value, *write.new_item);
    batch.Put(database.items(), item_key, value).PermitUncheckedError();
  } else {
    batch.Delete(database.items(), item_key).PermitUncheckedError();
  }
  database.add_stats(batch, table.uid, stats_delta(write.old_item, write.new_item));
}

// The stored items decoded, nullopt where absent.
Result<std::vector<std::optional<Item>>> decode_items(
    const std::vector<std::optional<std::string>>& stored) {
  std::vector<std::optional<Item>> items(stored.size());
  for (std::size_t i = 0; i < stored.size(); ++i) {
    if (stored[i]) {
      DDB_ASSIGN_OR_RETURN(items[i], decode_item(*stored[i]));
    }
  }
  return items;
}

std::vector<std::string> item_keys_of(std::span<const ItemAddress> addresses) {
  std::vector<std::string> keys;
  keys.reserve(addresses.size());
  for (const ItemAddress& address : addresses) {
    keys.push_back(item_key_of(*address.table, *address.key));
  }
  return keys;
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const StoreOptions& options) {
  if (!options.in_memory) {
    std::error_code error;
    std::filesystem::create_directories(options.path, error);
    if (error) {
      return ApiError::internal("cannot create " + options.path + ": " + error.message());
    }
  }
  DDB_ASSIGN_OR_RETURN(auto database, Database::open(options));
  DDB_ASSIGN_OR_RETURN(auto catalog, Catalog::load(*database));
  return std::unique_ptr<Store>(new Store(std::move(database), std::move(catalog)));
}

Store::Store(std::unique_ptr<Database> database, std::unique_ptr<Catalog> catalog)
    : database_(std::move(database)),
      catalog_(std::move(catalog)),
      key_locks_(std::make_unique<KeyLocks>()) {}

Store::~Store() = default;

TableDescription Store::describe(const Table& table, TableStatus status) {
  TableDescription description;
  description.schema = table.schema;
  description.region = table.region;
  description.table_id = table.table_id;
  description.creation_date_time = table.creation_date_time;
  description.status = status;
  if (status == TableStatus::kActive) {
    // A failed read leaves the counts at zero: DynamoDB's counts are approximate anyway.
    if (Result<TableStats> stats = database_->read_stats(table.uid)) {
      description.item_count = stats->item_count;
      description.size_bytes = stats->size_bytes;
    }
  }
  return description;
}

Result<TableDescription> Store::create_table(std::string_view region, const TableSchema& schema) {
  DDB_ASSIGN_OR_RETURN(auto table, catalog_->create(region, schema));
  return describe(*table, TableStatus::kActive);
}

Result<TableDescription> Store::describe_table(std::string_view region, std::string_view name) {
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  if (!table) {
    return table_not_found(name);
  }
  return describe(*table, TableStatus::kActive);
}

Result<TableDescription> Store::delete_table(std::string_view region, std::string_view name) {
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  if (!table) {
    return table_not_found(name);
  }
  TableDescription description = describe(*table, TableStatus::kActive);
  DDB_ASSIGN_OR_RETURN(auto removed, catalog_->remove(region, name));
  if (!removed) {
    return table_not_found(name);  // deleted by a concurrent request meanwhile
  }
  description.status = TableStatus::kDeleting;
  return description;
}

TablePage Store::list_tables(std::string_view region,
                             std::optional<std::string_view> exclusive_start, std::size_t limit) {
  return catalog_->list(region, exclusive_start, limit);
}

Result<std::shared_ptr<const Table>> Store::find_table(std::string_view region,
                                                       std::string_view name) {
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  if (!table) {
    return resource_not_found();
  }
  return table;
}

Result<std::optional<Item>> Store::get_item(const Table& table, const Item& key) {
  return read_item(item_key_of(table, key));
}

Result<std::optional<Item>> Store::read_item(const std::string& item_key) {
  DDB_ASSIGN_OR_RETURN(auto stored, database_->get(database_->items(), item_key));
  if (!stored) {
    return std::optional<Item>();
  }
  DDB_ASSIGN_OR_RETURN(auto item, decode_item(*stored));
  return std::optional<Item>(std::move(item));
}

Result<ItemWrite> Store::write_item(const Table& table, const Item& key, const ItemChange& change) {
  std::string item_key = item_key_of(table, key);
  std::unique_lock lock = key_locks_->lock(item_key);
  ItemWrite write;
  DDB_ASSIGN_OR_RETURN(write.old_item, read_item(item_key));
  DDB_ASSIGN_OR_RETURN(write.new_item, change(write.old_item));
  rocksdb::WriteBatch batch;
  add_item_write(*database_, batch, table, item_key, write);
  if (batch.Count() > 0) {
    DDB_RETURN_IF_ERROR(database_->write(batch));
  }
  return write;
}

Result<AllOrNothing> Store::write_all(std::span<const KeyedChange> changes) {
  std::vector<ItemAddress> addresses;
  addresses.reserve(changes.size());
  for (const KeyedChange& change : changes) {
    addresses.push_back(change.address);
  }
  const std::vector<std::string> item_keys = item_keys_of(addresses);
  KeyLocks::Guard guard = key_locks_->lock_all(item_keys);
  DDB_ASSIGN_OR_RETURN(auto stored, database_->get_all(database_->items(), item_keys));
  DDB_ASSIGN_OR_RETURN(auto old_items, decode_items(stored));

  AllOrNothing outcome;
  outcome.writes.resize(changes.size());
  std::vector<std::optional<ApiError>> failures(changes.size());
  bool failed = false;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    outcome.writes[i].old_item = std::move(old_items[i]);
    Result<std::optional<Item>> new_item = changes[i].change(outcome.writes[i].old_item);
    if (new_item) {
      outcome.writes[i].new_item = std::move(*new_item);
    } else {
      failures[i] = std::move(new_item).error();
      failed = true;
    }
  }
  if (failed) {
    outcome.writes.clear();
    outcome.failures = std::move(failures);
    return outcome;
  }
  rocksdb::WriteBatch batch;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    add_item_write(*database_, batch, *changes[i].address.table, item_keys[i], outcome.writes[i]);
  }
  if (batch.Count() > 0) {
    DDB_RETURN_IF_ERROR(database_->write(batch));
  }
  return outcome;
}

Result<std::vector<std::optional<Item>>> Store::get_all(std::span<const ItemAddress> addresses) {
  DDB_ASSIGN_OR_RETURN(auto stored,
                       database_->get_all(database_->items(), item_keys_of(addresses)));
  return decode_items(stored);
}

Result<void> Store::flush() {
  return database_->flush();
}

Result<ItemPage> Store::query(const Table& table, const expr::KeyCondition& condition,
                              const PageRequest& request) {
  KeyRange range = query_range(table, condition);
  if (request.exclusive_start_key != nullptr) {
    const std::string start = item_key_of(table, *request.exclusive_start_key);
    if (start < range.lower || start >= range.upper) {
      return ApiError::validation(
          "The provided starting key is outside query boundaries based on provided conditions");
    }
  }
  return read_page(*database_, table, range, request);
}

Result<ItemPage> Store::scan(const Table& table, const std::optional<ScanSegment>& segment,
                             const PageRequest& request) {
  return read_page(*database_, table, scan_range(table, segment), request);
}

}  // namespace ddblocal::storage
