// The validated shape of a table as CreateTable declares it: key schema, attribute
// definitions, billing. Plain structs shared by the wire parser, the handlers and the catalog.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ddblocal {

// The types a key attribute may have (AttributeDefinitions' AttributeType).
enum class ScalarType : std::uint8_t { kS, kN, kB };

struct AttributeDefinition {
  std::string name;
  ScalarType type = ScalarType::kS;
  bool operator==(const AttributeDefinition&) const = default;
};

enum class BillingMode : std::uint8_t { kProvisioned, kPayPerRequest };

struct ProvisionedThroughput {
  std::int64_t read_capacity_units = 0;
  std::int64_t write_capacity_units = 0;
  bool operator==(const ProvisionedThroughput&) const = default;
};

struct TableSchema {
  std::string table_name;
  AttributeDefinition partition_key;
  std::optional<AttributeDefinition> sort_key;
  // As the request listed them; every one is used by a key.
  std::vector<AttributeDefinition> attribute_definitions;
  BillingMode billing_mode = BillingMode::kProvisioned;
  // Zero under PAY_PER_REQUEST.
  ProvisionedThroughput provisioned_throughput;
  bool operator==(const TableSchema&) const = default;
};

enum class TableStatus : std::uint8_t { kCreating, kActive, kDeleting };

// What DescribeTable reports of a table.
struct TableDescription {
  TableSchema schema;
  std::string region;
  std::string table_id;  // a UUID, fresh for each table created
  // Seconds since the Unix epoch, with millisecond precision.
  double creation_date_time = 0;
  TableStatus status = TableStatus::kActive;
  std::int64_t item_count = 0;
  std::int64_t size_bytes = 0;
};

// "S", "N" or "B".
const char* scalar_type_name(ScalarType type);

}  // namespace ddblocal
