// The validated shape of a table as CreateTable declares it: key schema, attribute
// definitions, billing. Plain structs shared by the wire parser, the handlers and the catalog.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/key_schema.h"
#include "protocol/table_settings.h"

namespace ddblocal {

enum class BillingMode : std::uint8_t { kProvisioned, kPayPerRequest };

struct ProvisionedThroughput {
  std::int64_t read_capacity_units = 0;
  std::int64_t write_capacity_units = 0;
  bool operator==(const ProvisionedThroughput&) const = default;
};

// Which attributes a secondary index copies from the table (Projection.ProjectionType).
enum class ProjectionType : std::uint8_t { kAll, kKeysOnly, kInclude };

// A global or local secondary index as CreateTable or UpdateTable declares it.
struct SecondaryIndex {
  std::string name;
  // A local index's partition key is the table's.
  bool global = true;
  KeySchema key_schema;
  ProjectionType projection = ProjectionType::kAll;
  // kInclude: the non-key attributes copied, as listed.
  std::vector<std::string> non_key_attributes;
  // A global index under PROVISIONED; zero otherwise.
  ProvisionedThroughput provisioned_throughput;
  bool operator==(const SecondaryIndex&) const = default;
};

// What a table's stream shows of each change (StreamSpecification.StreamViewType).
enum class StreamViewType : std::uint8_t { kKeysOnly, kNewImage, kOldImage, kNewAndOldImages };

struct TableSchema {
  std::string table_name;
  AttributeDefinition partition_key;
  std::optional<AttributeDefinition> sort_key;
  // As the request listed them; every one is used by a key of the table or of an index.
  std::vector<AttributeDefinition> attribute_definitions;
  // In the order they were declared, and those added by UpdateTable after them.
  std::vector<SecondaryIndex> indexes;
  BillingMode billing_mode = BillingMode::kProvisioned;
  // Zero under PAY_PER_REQUEST.
  ProvisionedThroughput provisioned_throughput;
  TableSettings settings;
  // The view type of the table's stream while one is enabled; nullopt otherwise.
  std::optional<StreamViewType> stream;
  bool operator==(const TableSchema&) const = default;
};

enum class TableStatus : std::uint8_t { kCreating, kUpdating, kActive, kDeleting };

// A global index is CREATING while it is built from the table's items.
enum class IndexStatus : std::uint8_t { kCreating, kActive, kDeleting };

// What DescribeTable reports of one index, beside its definition.
struct IndexDescription {
  IndexStatus status = IndexStatus::kActive;
  std::int64_t item_count = 0;
  std::int64_t size_bytes = 0;
};

// Where a restored table came from (DescribeTable's RestoreSummary).
struct RestoreSummary {
  // None for a point-in-time restore.
  std::optional<std::string> source_backup_arn;
  std::string source_table_arn;
  double restore_date_time = 0;  // seconds since the Unix epoch
  bool restore_in_progress = false;
};

// What DescribeTable reports of a table.
struct TableDescription {
  TableSchema schema;
  std::string region;
  std::string table_id;  // a UUID, fresh for each table created
  // Seconds since the Unix epoch, with millisecond precision.
  double creation_date_time = 0;
  // When the table last became PAY_PER_REQUEST (seconds since the Unix epoch); nullopt for a
  // table always PROVISIONED, which has no BillingModeSummary.
  std::optional<double> last_update_to_pay_per_request;
  TableStatus status = TableStatus::kActive;
  std::int64_t item_count = 0;
  std::int64_t size_bytes = 0;
  // One per schema.indexes, in its order.
  std::vector<IndexDescription> indexes;
  // ProvisionedThroughput's NumberOfDecreasesToday.
  std::int64_t decreases_today = 0;
  // Set while the table is being restored (the answer of RestoreTableFromBackup).
  std::optional<RestoreSummary> restore_summary;
  // The label of the table's latest stream, enabled or not; nullopt when it never had one.
  std::optional<std::string> latest_stream_label;
};

// The index of `schema` named `name`; nullptr when there is none.
const SecondaryIndex* find_index(const TableSchema& schema, std::string_view name);
// Where `index` is in schema.indexes. REQUIRES: it is one of them.
std::size_t index_position(const TableSchema& schema, const SecondaryIndex& index);

// The key of `schema`'s table, or of `index` when given.
KeyAttributes key_attributes(const TableSchema& schema, const SecondaryIndex* index = nullptr);
// "KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE" or "NEW_AND_OLD_IMAGES".
const char* stream_view_type_name(StreamViewType type);
// The view type of that name; nullopt for any other text.
std::optional<StreamViewType> parse_stream_view_type(std::string_view name);

}  // namespace ddblocal
