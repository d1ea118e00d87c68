// Store: the records kept beside a table (table_extras.h): its tags and resource policy.
#include <mutex>

#include "storage/catalog.h"
#include "storage/database.h"
#include "storage/store.h"
#include "storage/table_extras.h"

namespace ddblocal::storage {
namespace {

// A value read from the extras of `table`, decoded; `empty` when there is none.
template <typename T, typename Decode>
Result<T> read_extra(Database& database, const Table& table, TableExtra kind, T empty,
                     Decode decode) {
  DDB_ASSIGN_OR_RETURN(auto bytes,
                       database.get(database.catalog(), table_extra_key(table.uid, kind)));
  if (!bytes) {
    return empty;
  }
  return decode(*bytes);
}

}  // namespace

Result<TagList> Store::tags(const Table& table) {
  return read_extra(*database_, table, TableExtra::kTags, TagList(), decode_tags);
}

Result<TagList> Store::change_tags(const Table& table, const TagChange& change) {
  std::lock_guard lock(extras_mutex_);
  DDB_RETURN_IF_ERROR(current_version(table));
  DDB_ASSIGN_OR_RETURN(TagList current, tags(table));
  DDB_ASSIGN_OR_RETURN(TagList changed, change(current));
  rocksdb::WriteBatch batch;
  const std::string key = table_extra_key(table.uid, TableExtra::kTags);
  if (changed.empty()) {
    batch.Delete(database_->catalog(), key).PermitUncheckedError();
  } else {
    batch.Put(database_->catalog(), key, encode_tags(changed)).PermitUncheckedError();
  }
  DDB_RETURN_IF_ERROR(database_->write(batch));
  return changed;
}

Result<std::optional<ResourcePolicy>> Store::resource_policy(const Table& table) {
  return read_extra(*database_, table, TableExtra::kResourcePolicy, std::optional<ResourcePolicy>(),
                    [](std::string_view bytes) -> Result<std::optional<ResourcePolicy>> {
                      DDB_ASSIGN_OR_RETURN(auto policy, decode_policy(bytes));
                      return std::optional<ResourcePolicy>(std::move(policy));
                    });
}

Result<std::optional<ResourcePolicy>> Store::change_resource_policy(const Table& table,
                                                                    const PolicyChange& change) {
  std::lock_guard lock(extras_mutex_);
  DDB_RETURN_IF_ERROR(current_version(table));
  DDB_ASSIGN_OR_RETURN(auto current, resource_policy(table));
  DDB_ASSIGN_OR_RETURN(auto changed, change(current));
  rocksdb::WriteBatch batch;
  const std::string key = table_extra_key(table.uid, TableExtra::kResourcePolicy);
  if (changed) {
    batch.Put(database_->catalog(), key, encode_policy(*changed)).PermitUncheckedError();
  } else {
    batch.Delete(database_->catalog(), key).PermitUncheckedError();
  }
  DDB_RETURN_IF_ERROR(database_->write(batch));
  return changed;
}

}  // namespace ddblocal::storage
