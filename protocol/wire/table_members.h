// The members CreateTable and UpdateTable share: attribute definitions, key schemas,
// provisioned throughput and secondary index definitions, each read with its JSON types
// checked, checked against the API model's member constraints, then against the rules that
// relate them. Internal to the wire layer.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/result.h"
#include "protocol/table_schema.h"
#include "protocol/wire/field_rules.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// The largest capacity DynamoDB accepts before "is out of bounds" (dynalite's tests, which
// were recorded against the service).
inline constexpr std::int64_t kMaxCapacityUnits = 1'000'000'000'000;

// The limits of the Developer Guide's quotas: indexes per table, and attributes the indexes
// of a table project (NonKeyAttributes) in all.
inline constexpr std::size_t kMaxLocalIndexes = 5;
inline constexpr std::size_t kMaxGlobalIndexes = 20;
inline constexpr std::size_t kMaxProjectedAttributes = 100;

// BillingMode as the API model constrains it.
inline constexpr std::string_view kBillingModes[] = {"PROVISIONED", "PAY_PER_REQUEST"};
inline constexpr StringRule kBillingModeRule{.allowed = kBillingModes};

// One element of AttributeDefinitions or KeySchema: a name and a type ("S", or "HASH").
struct NameAndType {
  std::optional<std::string_view> name;
  std::optional<std::string_view> type;
};

// A ProvisionedThroughput member; `object` is nullptr when absent.
struct ThroughputMembers {
  const JsonValue* object = nullptr;
  std::optional<std::int64_t> read_units;
  std::optional<std::int64_t> write_units;
};

// A global or local secondary index as the request gave it.
struct IndexMembers {
  std::optional<std::string_view> name;
  bool has_key_schema = false;
  std::vector<NameAndType> key_schema;
  const JsonValue* projection = nullptr;
  std::optional<std::string_view> projection_type;
  bool has_non_key_attributes = false;
  std::vector<std::optional<std::string_view>> non_key_attributes;
  ThroughputMembers throughput;
};

// The table-level operations (DescribeTable, DeleteTable, UpdateTable, the Time to Live
// operations) check TableName's presence before anything else, with a message of its own
// (dynalite's tests). All but DescribeTable check its length the same way; CreateTable checks
// it with its other member constraints ("1 validation error detected: Value 'ab' at
// 'tableName' ...", recorded on AWS).
Result<void> check_table_name_present(std::optional<std::string_view> name);
Result<void> check_table_operation_name(std::optional<std::string_view> name);

// How a table-level operation reports a TableName of the wrong length: with the table
// operations' own message, first (dynalite's tests, and a restore's target in 2026), or among
// the member constraints, length before pattern (DescribeTable, 2026-10-09: ack-api-quirks
// DDB-TABLE-457; DeleteTable and the Time to Live operations have no 2026 record and keep the
// older answer).
enum class TableNameLength { kOwnMessage, kMemberConstraint };

// The TableName of a body whose only member it is (DescribeTable, DeleteTable,
// DescribeTimeToLive), checked.
Result<std::string> parse_table_name_only(const JsonValue& body,
                                          TableNameLength length = TableNameLength::kOwnMessage);

// "list.3.member.name": DynamoDB's path of a member of a list element.
std::string member_path(std::string_view list, std::size_t index, std::string_view member);

// AttributeDefinitions (nullopt when absent).
Result<std::optional<std::vector<NameAndType>>> read_attribute_definitions(const JsonValue& body);

// Reads a list of {AttributeName, <type_member>} structures. `shape` is the element's name in
// the API model, which DynamoDB's SerializationException mentions for a nested list.
Result<std::vector<NameAndType>> read_name_and_type_list(const JsonValue& list,
                                                         std::string_view shape,
                                                         std::string_view type_member);
Result<ThroughputMembers> read_throughput(const JsonValue& object);
// "Given value N for ReadCapacityUnits is out of bounds" (read units first), checked after the
// member constraints and before the table is looked up (dynalite's createTable and updateTable
// tests, recorded against the service).
Result<void> check_throughput_bounds(const ThroughputMembers& throughput);
// The list `member` of `body` (nullopt when absent): GlobalSecondaryIndexes,
// LocalSecondaryIndexes. `shape` names its element in the API model.
Result<std::optional<std::vector<IndexMembers>>> read_index_list(const JsonValue& body,
                                                                 std::string_view member,
                                                                 std::string_view shape);
Result<IndexMembers> read_index(const JsonValue& index);

void check_definition_members(Violations& violations, const std::vector<NameAndType>& definitions);
// `global_index`: the key schema of a global secondary index, which may have up to 8 elements.
void check_key_schema_members(Violations& violations, std::string_view path, bool present,
                              const std::vector<NameAndType>& keys, bool global_index);
void check_throughput_members(Violations& violations, std::string_view path,
                              const ThroughputMembers& throughput);
// `path` is where the index is ("globalSecondaryIndexes.1.member").
void check_index_members(Violations& violations, std::string_view path, const IndexMembers& index,
                         bool global);

// REQUIRES: member constraints passed.
std::vector<AttributeDefinition> to_definitions(const std::vector<NameAndType>& definitions);
// "a, b": the names of the elements.
std::string join_names(const std::vector<NameAndType>& elements);
std::string join_names(const std::vector<AttributeDefinition>& definitions);

// The rules of one key schema, the table's or an index's: every key defined, no attribute twice,
// HASH then RANGE (for a global index: up to 4 of each). REQUIRES: member constraints passed.
Result<void> check_key_elements(const std::vector<AttributeDefinition>& definitions,
                                const std::vector<NameAndType>& keys, bool global_index);

// An index's rules, in DynamoDB's order, and the index they define: its key schema, a local
// index's keys against the table's (`table`, REQUIRED for a local index), its projection. Its
// throughput is left to index_throughput. REQUIRES: member constraints passed.
Result<SecondaryIndex> build_index(const IndexMembers& members,
                                   const std::vector<AttributeDefinition>& definitions,
                                   const TableSchema* table, bool global);

// The values of a ProvisionedThroughput member. REQUIRES: member constraints passed.
std::optional<ProvisionedThroughput> throughput_of(const ThroughputMembers& members);

// A global index's throughput under the table's billing mode: required under PROVISIONED,
// refused under PAY_PER_REQUEST (where it is zero).
Result<ProvisionedThroughput> index_throughput(const std::string& index_name,
                                               const std::optional<ProvisionedThroughput>& given,
                                               BillingMode billing_mode);

// At most kMaxProjectedAttributes NonKeyAttributes over all the indexes of the table.
Result<void> check_projected_attribute_count(const TableSchema& schema);

}  // namespace ddblocal::wire
