#include "storage/catalog.h"

#include <mutex>

#include <boost/uuid/random_generator.hpp>
#include <boost/uuid/uuid_io.hpp>

#include "protocol/clock.h"
#include "storage/item_codec.h"
#include "storage/key_codec.h"
#include "storage/record_fields.h"
#include "storage/settings_record.h"

namespace ddblocal::storage {
namespace {

// Catalog column family layout (written to disk):
//   "t" region 0x00 name -> table record: an item (item_codec.h) with the attributes below
//   "n"                  -> the next table uid, as a decimal string
//   "r" uid (8 bytes BE) -> uids reserved for a table not recorded yet: their count, decimal
//   "v"                  -> the data format version (format_version.cpp)
constexpr char kTablePrefix = 't';
constexpr char kUnfinishedPrefix = 'r';
constexpr std::string_view kNextUidKey = "n";

std::string table_key(std::string_view region, std::string_view name) {
  std::string key;
  key.reserve(region.size() + name.size() + 1);
  key.append(region).push_back('\0');
  key.append(name);
  return key;
}

std::string projection_name(ProjectionType type) {
  return type == ProjectionType::kAll        ? "ALL"
         : type == ProjectionType::kKeysOnly ? "KEYS_ONLY"
                                             : "INCLUDE";
}

ProjectionType projection_of(std::string_view name) {
  return name == "ALL"         ? ProjectionType::kAll
         : name == "KEYS_ONLY" ? ProjectionType::kKeysOnly
                               : ProjectionType::kInclude;
}

AttributeValue index_value(const SecondaryIndex& index, const IndexState& state) {
  AttributeList non_key;
  for (const std::string& name : index.non_key_attributes) {
    non_key.push_back(name);
  }
  AttributeMap record{
      {"name", index.name},
      {"global", index.global},
      {"uid", number_value(static_cast<std::int64_t>(state.uid))},
      {"building", state.status == IndexStatus::kCreating},
      {"partition_key", definition_value(index.key_schema.partition.front())},
      {"projection", projection_name(index.projection)},
      {"non_key", std::move(non_key)},
      {"read_capacity", number_value(index.provisioned_throughput.read_capacity_units)},
      {"write_capacity", number_value(index.provisioned_throughput.write_capacity_units)},
  };
  const KeySchema& key = index.key_schema;
  if (!key.sort.empty()) {
    record.emplace("sort_key", definition_value(key.sort.front()));
  }
  // The attributes after the first of a multi-attribute key; absent for single ones, so that
  // a catalog written before multi-attribute keys reads the same.
  if (key.partition.size() > 1) {
    record.emplace("more_partition_keys", definitions_value(std::span(key.partition).subspan(1)));
  }
  if (key.sort.size() > 1) {
    record.emplace("more_sort_keys", definitions_value(std::span(key.sort).subspan(1)));
  }
  return record;
}

void decode_index(const AttributeMap& record, Table& table) {
  SecondaryIndex index;
  index.name = string_of(record, "name");
  index.global = bool_of(record, "global");
  KeySchema& key = index.key_schema;
  key.partition.push_back(definition_of(record.at("partition_key")));
  if (auto sort_key = record.find("sort_key"); sort_key != record.end()) {
    key.sort.push_back(definition_of(sort_key->second));
  }
  append_definitions(record, "more_partition_keys", key.partition);
  append_definitions(record, "more_sort_keys", key.sort);
  index.projection = projection_of(string_of(record, "projection"));
  if (const auto* non_key = record.at("non_key").get_if<AttributeList>()) {
    for (const AttributeValue& name : *non_key) {
      index.non_key_attributes.push_back(*name.get_if<std::string>());
    }
  }
  index.provisioned_throughput = {number_of(record, "read_capacity"),
                                  number_of(record, "write_capacity")};
  table.schema.indexes.push_back(std::move(index));
  table.indexes.push_back(
      {static_cast<std::uint64_t>(number_of(record, "uid")),
       bool_of(record, "building") ? IndexStatus::kCreating : IndexStatus::kActive});
}

Item encode_record(const Table& table) {
  const TableSchema& schema = table.schema;
  Item record{
      {"uid", number_value(static_cast<std::int64_t>(table.uid))},
      {"name", schema.table_name},
      {"region", table.region},
      {"id", table.table_id},
      {"created_ms", number_value(static_cast<std::int64_t>(table.creation_date_time * 1000))},
      {"partition_key", definition_value(schema.partition_key)},
      {"definitions", definitions_value(schema.attribute_definitions)},
      {"billing_mode",
       std::string(schema.billing_mode == BillingMode::kPayPerRequest ? "PAY_PER_REQUEST"
                                                                      : "PROVISIONED")},
      {"read_capacity", number_value(schema.provisioned_throughput.read_capacity_units)},
      {"write_capacity", number_value(schema.provisioned_throughput.write_capacity_units)},
  };
  if (schema.sort_key) {
    record.emplace("sort_key", definition_value(*schema.sort_key));
  }
  if (table.last_update_to_pay_per_request) {
    record.emplace(
        "pay_per_request_ms",
        number_value(static_cast<std::int64_t>(*table.last_update_to_pay_per_request * 1000)));
  }
  AttributeList indexes;
  for (std::size_t i = 0; i < schema.indexes.size(); ++i) {
    indexes.push_back(index_value(schema.indexes[i], table.indexes[i]));
  }
  record.emplace("indexes", std::move(indexes));
  add_settings(record, schema.settings);
  if (schema.stream) {
    record.emplace("stream_view", std::string(stream_view_type_name(*schema.stream)));
  }
  if (table.latest_stream_label) {
    record.emplace("stream_label", *table.latest_stream_label);
  }
  if (table.ttl) {
    record.emplace("ttl_attribute", table.ttl->attribute);
    record.emplace("ttl_indexed", table.ttl->indexed);
  }
  if (const auto& recovery = table.point_in_time_recovery) {
    record.emplace("recovery_since_ms", number_value(recovery->enabled_ms));
    record.emplace("recovery_days", number_value(std::int64_t{recovery->recovery_period_days}));
  }
  return record;
}

Table decode_record(const Item& record) {
  Table table;
  table.uid = static_cast<std::uint64_t>(number_of(record, "uid"));
  table.region = string_of(record, "region");
  table.table_id = string_of(record, "id");
  table.creation_date_time = static_cast<double>(number_of(record, "created_ms")) / 1000;
  TableSchema& schema = table.schema;
  schema.table_name = string_of(record, "name");
  schema.partition_key = definition_of(record.at("partition_key"));
  if (auto sort_key = record.find("sort_key"); sort_key != record.end()) {
    schema.sort_key = definition_of(sort_key->second);
  }
  append_definitions(record, "definitions", schema.attribute_definitions);
  schema.billing_mode = string_of(record, "billing_mode") == "PAY_PER_REQUEST"
                            ? BillingMode::kPayPerRequest
                            : BillingMode::kProvisioned;
  schema.provisioned_throughput = {number_of(record, "read_capacity"),
                                   number_of(record, "write_capacity")};
  if (record.contains("pay_per_request_ms")) {
    table.last_update_to_pay_per_request =
        static_cast<double>(number_of(record, "pay_per_request_ms")) / 1000;
  } else if (schema.billing_mode == BillingMode::kPayPerRequest) {
    table.last_update_to_pay_per_request = table.creation_date_time;  // an older record
  }
  // Records written before indexes existed have none.
  if (auto indexes = record.find("indexes"); indexes != record.end()) {
    for (const AttributeValue& index : *indexes->second.get_if<AttributeList>()) {
      decode_index(*index.get_if<AttributeMap>(), table);
    }
  }
  schema.settings = settings_of(record);
  if (record.contains("stream_view")) {
    schema.stream = parse_stream_view_type(string_of(record, "stream_view"));
  }
  if (record.contains("stream_label")) {
    table.latest_stream_label = string_of(record, "stream_label");
  }
  if (record.contains("ttl_attribute")) {
    table.ttl = TimeToLive{string_of(record, "ttl_attribute"), bool_of(record, "ttl_indexed")};
  }
  if (record.contains("recovery_since_ms")) {
    table.point_in_time_recovery =
        PointInTimeRecovery{number_of(record, "recovery_since_ms"),
                            static_cast<std::int32_t>(number_of(record, "recovery_days"))};
  }
  return table;
}

std::string new_table_id() {
  thread_local boost::uuids::random_generator generator;
  return boost::uuids::to_string(generator());
}

// What a schema change also records: when the capacity went up or down, when the table class
// changed.
void record_setting_changes(const TableSchema& old_schema, TableSchema& schema, double now) {
  const ProvisionedThroughput& before = old_schema.provisioned_throughput;
  const ProvisionedThroughput& after = schema.provisioned_throughput;
  if (before != after && old_schema.billing_mode == BillingMode::kProvisioned &&
      schema.billing_mode == BillingMode::kProvisioned) {
    schema.settings.throughput_history = record_throughput_change(
        schema.settings.throughput_history, before.read_capacity_units, before.write_capacity_units,
        after.read_capacity_units, after.write_capacity_units, now);
  }
  if (schema.settings.table_class != old_schema.settings.table_class) {
    schema.settings.table_class_updated = now;
  }
}

std::string unfinished_key(std::uint64_t first_uid) {
  return kUnfinishedPrefix + encode_table_prefix(first_uid);
}

std::uint64_t uid_of_key(std::string_view key) {
  std::uint64_t uid = 0;
  for (unsigned char byte : key.substr(1, 8)) {
    uid = uid << 8 | byte;
  }
  return uid;
}

}  // namespace

Item table_record(const Table& table) {
  return encode_record(table);
}

Table table_of_record(const Item& record) {
  return decode_record(record);
}

Result<std::unique_ptr<Catalog>> Catalog::load(Database& database) {
  std::unique_ptr<Catalog> catalog(new Catalog(database));
  std::vector<std::pair<std::uint64_t, std::size_t>> unfinished;
  std::unique_ptr<rocksdb::Iterator> it(
      database.db().NewIterator(rocksdb::ReadOptions(), database.catalog()));
  for (it->SeekToFirst(); it->Valid(); it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    std::string_view value(it->value().data(), it->value().size());
    if (key == kNextUidKey) {
      catalog->next_uid_ = std::stoull(std::string(value));
    } else if (!key.empty() && key[0] == kTablePrefix) {
      DDB_ASSIGN_OR_RETURN(auto record, decode_item(value));
      auto table = std::make_shared<const Table>(decode_record(record));
      catalog->tables_.emplace(key.substr(1), std::move(table));
    } else if (key.size() == 9 && key[0] == kUnfinishedPrefix) {
      unfinished.emplace_back(uid_of_key(key), std::stoull(std::string(value)));
    }
  }
  if (!it->status().ok()) {
    return ApiError::internal("cannot read the catalog: " + it->status().ToString());
  }
  // A restore or import the process did not finish leaves nothing behind.
  for (auto [first_uid, count] : unfinished) {
    DDB_RETURN_IF_ERROR(catalog->abandon(first_uid, count));
  }
  return catalog;
}

Result<std::uint64_t> Catalog::reserve_uids(std::size_t count) {
  std::unique_lock lock(mutex_);
  const std::uint64_t first = next_uid_;
  rocksdb::WriteBatch batch;
  batch.Put(database_.catalog(), kNextUidKey, std::to_string(first + count)).PermitUncheckedError();
  batch.Put(database_.catalog(), unfinished_key(first), std::to_string(count))
      .PermitUncheckedError();
  DDB_RETURN_IF_ERROR(database_.write(batch));
  next_uid_ = first + count;
  return first;
}

Result<std::shared_ptr<const Table>> Catalog::adopt(Table table) {
  std::string key = table_key(table.region, table.schema.table_name);
  std::unique_lock lock(mutex_);
  if (tables_.count(key)) {
    return ApiError::resource_in_use("Table already exists: " + table.schema.table_name);
  }
  table.table_id = new_table_id();
  table.creation_date_time = unix_time();
  if (table.schema.billing_mode == BillingMode::kPayPerRequest) {
    table.last_update_to_pay_per_request = table.creation_date_time;
  }
  std::string value;
  append_item(value, encode_record(table));
  rocksdb::WriteBatch batch;
  batch.Put(database_.catalog(), kTablePrefix + key, value).PermitUncheckedError();
  batch.Delete(database_.catalog(), unfinished_key(table.uid)).PermitUncheckedError();
  DDB_RETURN_IF_ERROR(database_.write(batch));
  auto shared = std::make_shared<const Table>(std::move(table));
  tables_.insert_or_assign(std::move(key), shared);
  return shared;
}

Result<void> Catalog::abandon(std::uint64_t first_uid, std::size_t count) {
  rocksdb::WriteBatch batch;
  for (std::uint64_t uid = first_uid; uid < first_uid + count; ++uid) {
    database_.remove_entries(batch, uid);
  }
  batch.Delete(database_.catalog(), unfinished_key(first_uid)).PermitUncheckedError();
  return database_.write(batch);
}

Result<std::shared_ptr<const Table>> Catalog::create(std::string_view region,
                                                     const TableSchema& schema,
                                                     const Extension& extend) {
  std::string key = table_key(region, schema.table_name);
  std::unique_lock lock(mutex_);
  if (tables_.count(key)) {
    return ApiError::resource_in_use("Table already exists: " + schema.table_name);
  }
  Table table;
  table.uid = next_uid_;
  table.schema = schema;
  table.region = std::string(region);
  table.table_id = new_table_id();
  table.creation_date_time = unix_time();
  if (schema.billing_mode == BillingMode::kPayPerRequest) {
    table.last_update_to_pay_per_request = table.creation_date_time;
  }
  return record(std::move(key), std::move(table), next_uid_ + 1, IndexStatus::kActive, extend);
}

Result<std::shared_ptr<const Table>> Catalog::replace(Table updated, const Extension& extend) {
  std::string key = table_key(updated.region, updated.schema.table_name);
  std::unique_lock lock(mutex_);
  auto it = tables_.find(key);
  if (it == tables_.end() || it->second->uid != updated.uid) {
    return std::shared_ptr<const Table>();
  }
  const TableSchema& old_schema = it->second->schema;
  if (updated.schema.billing_mode == BillingMode::kPayPerRequest &&
      old_schema.billing_mode != BillingMode::kPayPerRequest) {
    updated.last_update_to_pay_per_request = unix_time();
  }
  record_setting_changes(old_schema, updated.schema, unix_time());
  return record(std::move(key), std::move(updated), next_uid_, IndexStatus::kCreating, extend);
}

Result<std::shared_ptr<const Table>> Catalog::replace_uids(Table moved) {
  std::string key = table_key(moved.region, moved.schema.table_name);
  std::unique_lock lock(mutex_);
  auto it = tables_.find(key);
  if (it == tables_.end()) {
    return std::shared_ptr<const Table>();
  }
  std::shared_ptr<const Table> old = it->second;
  auto drop_old = [&](Table& table, rocksdb::WriteBatch& batch) {
    database_.remove_entries(batch, old->uid);
    for (const IndexState& index : old->indexes) {
      database_.remove_entries(batch, index.uid);
    }
    batch.Delete(database_.catalog(), unfinished_key(table.uid)).PermitUncheckedError();
  };
  return record(std::move(key), std::move(moved), next_uid_, IndexStatus::kCreating, drop_old);
}

Result<std::shared_ptr<const Table>> Catalog::record(std::string key, Table table,
                                                     std::uint64_t next_uid,
                                                     IndexStatus new_index_status,
                                                     const Extension& extend) {
  for (std::size_t i = table.indexes.size(); i < table.schema.indexes.size(); ++i) {
    table.indexes.push_back({next_uid++, new_index_status});
  }
  rocksdb::WriteBatch batch;
  if (extend) {
    extend(table, batch);
  }
  std::string value;
  append_item(value, encode_record(table));
  batch.Put(database_.catalog(), kTablePrefix + key, value).PermitUncheckedError();
  batch.Put(database_.catalog(), kNextUidKey, std::to_string(next_uid)).PermitUncheckedError();
  DDB_RETURN_IF_ERROR(database_.write(batch));
  next_uid_ = next_uid;
  auto shared = std::make_shared<const Table>(std::move(table));
  tables_.insert_or_assign(std::move(key), shared);
  return shared;
}

std::shared_ptr<const Table> Catalog::find(std::string_view region, std::string_view name) const {
  std::string key = table_key(region, name);
  std::shared_lock lock(mutex_);
  auto it = tables_.find(key);
  return it == tables_.end() ? nullptr : it->second;
}

Result<std::shared_ptr<const Table>> Catalog::remove(std::string_view region, std::string_view name,
                                                     const Extension& extend) {
  std::string key = table_key(region, name);
  std::unique_lock lock(mutex_);
  auto it = tables_.find(key);
  if (it == tables_.end()) {
    return std::shared_ptr<const Table>();
  }
  std::shared_ptr<const Table> table = it->second;
  rocksdb::WriteBatch batch;
  if (extend) {
    Table removed = *table;
    extend(removed, batch);
  }
  batch.Delete(database_.catalog(), kTablePrefix + key).PermitUncheckedError();
  database_.remove_entries(batch, table->uid);
  for (const IndexState& index : table->indexes) {
    database_.remove_entries(batch, index.uid);
  }
  DDB_RETURN_IF_ERROR(database_.write(batch));
  tables_.erase(it);
  return table;
}

std::vector<std::shared_ptr<const Table>> Catalog::all() const {
  std::shared_lock lock(mutex_);
  std::vector<std::shared_ptr<const Table>> tables;
  for (const auto& [key, table] : tables_) {
    tables.push_back(table);
  }
  return tables;
}

TablePage Catalog::list(std::string_view region, std::optional<std::string_view> exclusive_start,
                        std::size_t limit) const {
  std::string region_start = table_key(region, "");
  TablePage page;
  std::shared_lock lock(mutex_);
  auto it = exclusive_start ? tables_.upper_bound(table_key(region, *exclusive_start))
                            : tables_.lower_bound(region_start);
  for (; it != tables_.end() && it->first.starts_with(region_start); ++it) {
    if (page.names.size() == limit) {
      page.last_evaluated = page.names.back();
      break;
    }
    page.names.push_back(it->second->schema.table_name);
  }
  return page;
}

}  // namespace ddblocal::storage
