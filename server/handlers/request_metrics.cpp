#include "server/handlers/request_metrics.h"

#include <algorithm>

#include "protocol/wire/table_names.h"

namespace ddblocal {
namespace {

std::size_t size_of(const std::optional<Item>& item) {
  return item ? item_size(*item) : 0;
}

bool has_local_index(const TableSchema& schema) {
  return std::any_of(schema.indexes.begin(), schema.indexes.end(),
                     [](const SecondaryIndex& index) { return !index.global; });
}

}  // namespace

RequestMetrics::RequestMetrics(capacity::Report report, bool item_collections)
    : response_{report, &consumption_, {}}, item_collections_(item_collections) {}

void RequestMetrics::name_table(const storage::Table& table, std::string_view member) {
  // Once per table: the first name given is the one shown.
  if (wire::is_arn(member) && &shown_name(table) == &table.schema.table_name) {
    arn_names_.emplace_back(&table, member);
  }
}

const std::string& RequestMetrics::shown_name(const storage::Table& table) const {
  for (const auto& [named, arn] : arn_names_) {
    if (named == &table) {
      return arn;
    }
  }
  return table.schema.table_name;
}

void RequestMetrics::add_item_read(const storage::Table& table, const std::optional<Item>& item,
                                   capacity::Read read) {
  if (response_.report == capacity::Report::kNone) {
    return;
  }
  add_item_read(table, size_of(item), read);
}

void RequestMetrics::add_item_read(const storage::Table& table, std::size_t bytes,
                                   capacity::Read read) {
  if (response_.report == capacity::Report::kNone) {
    return;
  }
  consumption_.of(shown_name(table)).table.read += capacity::read_units(bytes, read);
}

void RequestMetrics::add_page_read(const storage::Table& table, const SecondaryIndex* index,
                                   std::size_t bytes, capacity::Read read) {
  if (response_.report == capacity::Report::kNone) {
    return;
  }
  // A read of an index lists the table too, with nothing charged to it.
  capacity::TableConsumption& consumed = consumption_.of(shown_name(table));
  const double units = capacity::read_units(bytes, read);
  if (index == nullptr) {
    consumed.table.read += units;
  } else {
    consumed.add_to_index(index->name, index->global, {units, 0});
  }
}

void RequestMetrics::add_item_write(const storage::Table& table, const storage::ItemWrite& write,
                                    bool transactional) {
  if (response_.report == capacity::Report::kNone) {
    return;
  }
  capacity::TableConsumption& consumed = consumption_.of(shown_name(table));
  consumed.table.write += capacity::write_units(
      std::max(size_of(write.old_item), size_of(write.new_item)), transactional);
  for (const storage::IndexEntryChange& change : storage::index_entry_changes(table, write)) {
    consumed.add_to_index(change.index->name, change.index->global,
                          {0, capacity::index_write_units(change.write)});
  }
}

void RequestMetrics::add_condition_check(const storage::Table& table,
                                         const std::optional<Item>& item) {
  if (response_.report == capacity::Report::kNone) {
    return;
  }
  consumption_.of(shown_name(table)).table.write += capacity::write_units(size_of(item), true);
}

Result<void> RequestMetrics::add_item_collection(storage::Store& store, const storage::Table& table,
                                                 const Item& item) {
  const TableSchema& schema = table.schema;
  if (!item_collections_ || !has_local_index(schema)) {
    return {};
  }
  const AttributeValue& partition_key = item.at(schema.partition_key.name);
  DDB_ASSIGN_OR_RETURN(auto bytes, store.item_collection_size(table, partition_key));
  response_.collections.push_back(
      {shown_name(table), {{schema.partition_key.name, partition_key}}, bytes});
  return {};
}

}  // namespace ddblocal
