// Secondary index entries: which items an index holds, where their entries sit, and what each
// entry copies of the item.
#include "storage/index_entries.h"

#include <gtest/gtest.h>

#include "storage/key_codec.h"

namespace ddblocal::storage {
namespace {

constexpr std::size_t kGlobal = 0;
constexpr std::size_t kLocal = 1;

// A table keyed (p S, c N) with a global index on (g S, gs N) and a local one on (p, l S).
Table indexed_table() {
  Table table;
  table.uid = 7;
  TableSchema& schema = table.schema;
  schema.table_name = "t";
  schema.partition_key = {"p", ScalarType::kS};
  schema.sort_key = AttributeDefinition{"c", ScalarType::kN};
  SecondaryIndex global;
  global.name = "byg";
  global.key_schema.partition = {{"g", ScalarType::kS}};
  global.key_schema.sort = {{"gs", ScalarType::kN}};
  SecondaryIndex local;
  local.name = "byl";
  local.global = false;
  local.key_schema.partition = {schema.partition_key};
  local.key_schema.sort = {{"l", ScalarType::kS}};
  schema.indexes = {global, local};
  table.indexes = {{.uid = 8}, {.uid = 9}};
  return table;
}

AttributeValue number(std::string_view text) {
  return *Number::parse(text);
}

AttributeValue string_value(std::string text) {
  return text;
}

// An item with the table's keys, both indexes' keys and one other attribute, x.
Item full_item(std::string p = "a") {
  return {{"p", std::move(p)}, {"c", number("1")},       {"g", string_value("G")},
          {"gs", number("2")}, {"l", string_value("L")}, {"x", string_value("X")}};
}

TEST(IndexEntryKey, ItemWithEveryIndexKeyHasAnEntryInEach) {
  const Table table = indexed_table();
  EXPECT_TRUE(index_entry_key(table, kGlobal, full_item()).has_value());
  EXPECT_TRUE(index_entry_key(table, kLocal, full_item()).has_value());
}

TEST(IndexEntryKey, ItemLackingAnIndexKeyHasNoEntry) {
  const Table table = indexed_table();
  for (const char* key : {"g", "gs"}) {
    Item item = full_item();
    item.erase(key);
    EXPECT_FALSE(index_entry_key(table, kGlobal, item).has_value()) << key;
    EXPECT_TRUE(index_entry_key(table, kLocal, item).has_value()) << key;
  }
}

TEST(IndexEntryKey, IndexKeyOfAnotherTypeHasNoEntry) {
  const Table table = indexed_table();
  Item item = full_item();
  item["g"] = number("5");
  EXPECT_FALSE(index_entry_key(table, kGlobal, item).has_value());
  item = full_item();
  item["gs"] = string_value("2");
  EXPECT_FALSE(index_entry_key(table, kGlobal, item).has_value());
}

TEST(IndexEntryKey, EqualIndexKeysDifferByTableKeyInItsOrder) {
  const Table table = indexed_table();
  const std::string a = *index_entry_key(table, kGlobal, full_item("a"));
  const std::string b = *index_entry_key(table, kGlobal, full_item("b"));
  EXPECT_LT(a, b);
  Item later = full_item("a");
  later["c"] = number("10");
  EXPECT_LT(a, *index_entry_key(table, kGlobal, later));
  // All begin with the index's key.
  const AttributeValue gs = number("2");
  const std::string index_key = encode_item_key(8, string_value("G"), &gs);
  EXPECT_TRUE(a.starts_with(index_key));
  EXPECT_TRUE(b.starts_with(index_key));
}

TEST(IndexEntryKey, LocalEntryBeginsWithTheTablePartition) {
  const Table table = indexed_table();
  const std::string key = *index_entry_key(table, kLocal, full_item("a"));
  EXPECT_TRUE(key.starts_with(encode_partition_prefix(9, string_value("a"))));
  const AttributeValue l = string_value("L");
  EXPECT_TRUE(key.starts_with(encode_item_key(9, string_value("a"), &l)));
}

TEST(ProjectIntoIndex, AllCopiesEveryAttribute) {
  const Table table = indexed_table();
  EXPECT_EQ(project_into_index(table.schema, table.schema.indexes[kGlobal], full_item()),
            full_item());
}

TEST(ProjectIntoIndex, KeysOnlyCopiesTableAndIndexKeys) {
  const Table table = indexed_table();
  SecondaryIndex index = table.schema.indexes[kGlobal];
  index.projection = ProjectionType::kKeysOnly;
  Item expected = full_item();
  expected.erase("l");
  expected.erase("x");
  EXPECT_EQ(project_into_index(table.schema, index, full_item()), expected);
}

TEST(ProjectIntoIndex, IncludeAddsTheListedAttributesTheItemHas) {
  const Table table = indexed_table();
  SecondaryIndex index = table.schema.indexes[kLocal];
  index.projection = ProjectionType::kInclude;
  index.non_key_attributes = {"x", "missing"};
  Item expected = full_item();
  expected.erase("g");
  expected.erase("gs");
  EXPECT_EQ(project_into_index(table.schema, index, full_item()), expected);
}

// The changes a write makes to the table's indexes, by index position.
std::vector<capacity::IndexEntryWrite> changes_of(const Table& table,
                                                  const std::optional<Item>& before,
                                                  const std::optional<Item>& after) {
  std::vector<capacity::IndexEntryWrite> writes(table.schema.indexes.size());
  for (const IndexEntryChange& change : index_entry_changes(table, {before, after})) {
    writes[index_position(table.schema, *change.index)] = change.write;
  }
  return writes;
}

bool unchanged(const capacity::IndexEntryWrite& write) {
  return !write.before && !write.after;
}

TEST(IndexEntryChanges, APutAddsAnEntryOfTheProjectedSize) {
  Table table = indexed_table();
  table.schema.indexes[kGlobal].projection = ProjectionType::kKeysOnly;
  const auto writes = changes_of(table, std::nullopt, full_item());
  Item keys = full_item();
  keys.erase("l");
  keys.erase("x");
  EXPECT_EQ(writes[kGlobal].after, item_size(keys));
  EXPECT_FALSE(writes[kGlobal].before.has_value());
  EXPECT_EQ(writes[kLocal].after, item_size(full_item()));
}

TEST(IndexEntryChanges, ADeleteRemovesEachEntry) {
  const Table table = indexed_table();
  const auto writes = changes_of(table, full_item(), std::nullopt);
  EXPECT_EQ(writes[kGlobal].before, item_size(full_item()));
  EXPECT_FALSE(writes[kGlobal].after.has_value());
  EXPECT_FALSE(writes[kGlobal].moved);
}

TEST(IndexEntryChanges, ANewIndexKeyMovesTheEntry) {
  const Table table = indexed_table();
  Item moved = full_item();
  moved["g"] = string_value("H");
  const auto writes = changes_of(table, full_item(), moved);
  EXPECT_TRUE(writes[kGlobal].moved);
  EXPECT_EQ(writes[kGlobal].before, item_size(full_item()));
  EXPECT_EQ(writes[kGlobal].after, item_size(moved));
  // The local index holds every attribute: its entry is rewritten in place.
  EXPECT_FALSE(writes[kLocal].moved);
  EXPECT_TRUE(writes[kLocal].before.has_value() && writes[kLocal].after.has_value());
}

TEST(IndexEntryChanges, AnAttributeTheIndexDoesNotHoldChangesNothing) {
  Table table = indexed_table();
  table.schema.indexes[kGlobal].projection = ProjectionType::kKeysOnly;
  Item changed = full_item();
  changed["x"] = string_value("Y");
  const auto writes = changes_of(table, full_item(), changed);
  EXPECT_TRUE(unchanged(writes[kGlobal]));
  EXPECT_FALSE(unchanged(writes[kLocal]));
  EXPECT_TRUE(index_entry_changes(table, {full_item(), full_item()}).empty());
}

TEST(IndexEntryChanges, AnItemInNoIndexChangesNothing) {
  const Table table = indexed_table();
  const Item sparse{{"p", string_value("a")}, {"c", number("1")}};
  EXPECT_TRUE(index_entry_changes(table, {sparse, std::nullopt}).empty());
  EXPECT_TRUE(index_entry_changes(table, {std::nullopt, std::nullopt}).empty());
}

// A table keyed p (S) with one global index whose key has two partition key attributes (t S,
// r N) and two sort key attributes (d S, k N).
Table multi_attribute_table() {
  Table table;
  table.uid = 7;
  table.schema.table_name = "m";
  table.schema.partition_key = {"p", ScalarType::kS};
  SecondaryIndex index;
  index.name = "multi";
  index.key_schema = {{{"t", ScalarType::kS}, {"r", ScalarType::kN}},
                      {{"d", ScalarType::kS}, {"k", ScalarType::kN}}};
  index.projection = ProjectionType::kKeysOnly;
  table.schema.indexes = {index};
  table.indexes = {{.uid = 8}};
  return table;
}

Item multi_item(std::string d, std::string_view k, std::string p = "a") {
  return {{"p", std::move(p)}, {"t", string_value("T")}, {"r", number("1")},
          {"d", std::move(d)}, {"k", number(k)},         {"x", string_value("X")}};
}

TEST(IndexEntryKey, MultiAttributeKeyNeedsEveryAttribute) {
  const Table table = multi_attribute_table();
  EXPECT_TRUE(index_entry_key(table, 0, multi_item("d", "1")).has_value());
  for (const char* key : {"t", "r", "d", "k"}) {
    Item item = multi_item("d", "1");
    item.erase(key);
    EXPECT_FALSE(index_entry_key(table, 0, item).has_value()) << key;
  }
}

TEST(IndexEntryKey, MultiAttributeEntriesOfAPartitionShareItsPrefixInSortKeyOrder) {
  const Table table = multi_attribute_table();
  const AttributeValue tenant = string_value("T");
  const AttributeValue region = number("1");
  const AttributeValue* values[] = {&tenant, &region};
  const std::string prefix = encode_composite_partition_prefix(8, values);
  const std::string first = *index_entry_key(table, 0, multi_item("a", "9"));
  const std::string second = *index_entry_key(table, 0, multi_item("b", "-1"));
  const std::string third = *index_entry_key(table, 0, multi_item("b", "2"));
  for (const std::string* key : {&first, &second, &third}) {
    EXPECT_EQ(key->substr(0, prefix.size()), prefix);
  }
  // Ordered by the first sort key attribute, then by the second.
  EXPECT_LT(first, second);
  EXPECT_LT(second, third);
}

TEST(ProjectIntoIndex, KeysOnlyCopiesEveryAttributeOfAMultiAttributeKey) {
  const Table table = multi_attribute_table();
  Item projected = project_into_index(table.schema, table.schema.indexes[0], multi_item("d", "1"));
  Item expected = multi_item("d", "1");
  expected.erase("x");
  EXPECT_EQ(projected, expected);
}

}  // namespace
}  // namespace ddblocal::storage
