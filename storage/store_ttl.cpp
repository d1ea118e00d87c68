// The Store's Time to Live: the setting, the expiry index built when it is enabled, and the
// sweep that deletes expired items.
#include <mutex>

#include "protocol/clock.h"
#include "protocol/time_to_live.h"
#include "storage/catalog.h"
#include "storage/change_log.h"
#include "storage/expiry_index.h"
#include "storage/item_codec.h"
#include "storage/item_writes.h"
#include "storage/key_locks.h"
#include "storage/store.h"
#include "storage/store_errors.h"

namespace ddblocal::storage {
namespace {

// How many expired items the sweep locks and deletes in one write.
constexpr std::size_t kSweepChunk = 256;

}  // namespace

Result<void> Store::update_time_to_live(std::string_view region, std::string_view name,
                                        const TimeToLiveChange& change) {
  std::lock_guard schema_lock(schema_mutex_);
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  if (!table) {
    return table_not_found(name);
  }
  std::optional<std::string> current;
  if (table->ttl) {
    current = table->ttl->attribute;
  }
  DDB_ASSIGN_OR_RETURN(auto attribute, change(current));
  Table updated = *table;
  updated.ttl.reset();
  if (attribute) {
    updated.ttl = TimeToLive{std::move(*attribute), false};
  }
  DDB_ASSIGN_OR_RETURN(auto replaced, catalog_->replace(std::move(updated)));
  if (!replaced) {
    return table_not_found(name);
  }
  if (replaced->ttl) {
    return index_expiry(*replaced);
  }
  // Writers that began with TTL enabled finish before its index goes; later ones keep none.
  key_locks_->wait_for_writers();
  rocksdb::WriteBatch batch;
  database_->remove_expiry_entries(batch, replaced->uid);
  return database_->write(batch);
}

Result<std::optional<std::string>> Store::describe_time_to_live(std::string_view region,
                                                                std::string_view name) {
  std::shared_ptr<const Table> table = catalog_->find(region, name);
  if (!table) {
    return table_not_found(name);
  }
  return table->ttl ? std::optional<std::string>(table->ttl->attribute) : std::nullopt;
}

Result<void> Store::index_expiry(const Table& table) {
  const std::int64_t now = unix_seconds();
  DDB_RETURN_IF_ERROR(for_each_item_chunk(
      table,
      [&](std::span<const std::string> item_keys,
          std::span<const std::optional<Item>> items) -> Result<void> {
        // Writers since TTL was enabled keep their items' entries; the same entry again is
        // the same write.
        rocksdb::WriteBatch batch;
        for (std::size_t i = 0; i < items.size(); ++i) {
          add_expiry_writes(*database_, batch, table, item_keys[i], std::nullopt, items[i], now);
        }
        return batch.Count() > 0 ? database_->write(batch) : Result<void>();
      }));
  Table indexed = table;
  indexed.ttl->indexed = true;
  DDB_RETURN_IF_ERROR(catalog_->replace(std::move(indexed)));
  return {};
}

Result<std::size_t> Store::delete_expired(std::int64_t now) {
  std::size_t deleted = 0;
  for (const std::shared_ptr<const Table>& table : catalog_->all()) {
    if (!table->ttl) {
      continue;
    }
    while (true) {
      DDB_ASSIGN_OR_RETURN(auto entries, expired_entries(*database_, table->uid, now, kSweepChunk));
      if (entries.empty()) {
        break;
      }
      DDB_ASSIGN_OR_RETURN(std::size_t chunk, delete_expired_chunk(*table, entries, now));
      deleted += chunk;
      if (entries.size() < kSweepChunk) {
        break;
      }
    }
  }
  return deleted;
}

Result<std::size_t> Store::delete_expired_chunk(const Table& table,
                                                std::span<const ExpiryEntry> entries,
                                                std::int64_t now) {
  std::vector<std::string> item_keys;
  for (const ExpiryEntry& entry : entries) {
    item_keys.push_back(entry.item_key);
  }
  KeyLocks::Guard guard = key_locks_->lock_all(item_keys);
  std::shared_ptr<const Table> current = catalog_->find(table.region, table.schema.table_name);
  if (!current || current->uid != table.uid || !current->ttl) {
    return 0;  // deleted, or TTL disabled, meanwhile
  }
  DDB_ASSIGN_OR_RETURN(auto stored, database_->get_all(database_->items(), item_keys));
  DDB_ASSIGN_OR_RETURN(auto items, decode_items(stored));
  rocksdb::WriteBatch batch;
  std::vector<std::size_t> expired;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    // The entry is the item's own as long as the item was not rewritten with another expiry
    // or none; entries are kept exact, so this only guards against what cannot happen.
    std::optional<std::int64_t> expiry =
        items[i] ? expiry_time(*items[i], current->ttl->attribute, now) : std::nullopt;
    if (expiry == entries[i].expiry) {
      expired.push_back(i);
    } else {
      batch.Delete(database_->expiry(), entries[i].key).PermitUncheckedError();
    }
  }
  const ChangeLog::Reservation sequences =
      change_log_->reserve(logs_changes(*current) ? expired.size() : 0);
  for (std::size_t k = 0; k < expired.size(); ++k) {
    const std::size_t i = expired[k];
    const ChangeStamp stamp =
        logs_changes(*current) ? sequences.stamp(k, ChangeOrigin::kTimeToLive) : ChangeStamp{};
    add_item_write(*database_, batch, *current, item_keys[i], {items[i], std::nullopt}, &stamp);
  }
  if (batch.Count() > 0) {
    DDB_RETURN_IF_ERROR(database_->write(batch));
  }
  return expired.size();
}

}  // namespace ddblocal::storage
