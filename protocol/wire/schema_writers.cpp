// The parts of a table's description that DescribeTable, DescribeBackup and the restore and
// import answers share.
#include "protocol/wire/schema_writers.h"

namespace ddblocal::wire {

const char* projection_type_name(ProjectionType type) {
  switch (type) {
    case ProjectionType::kAll:
      return "ALL";
    case ProjectionType::kKeysOnly:
      return "KEYS_ONLY";
    case ProjectionType::kInclude:
      return "INCLUDE";
  }
  return "ALL";
}

void write_key_schema(JsonWriter& writer, const KeyAttributes& keys) {
  auto element = [&](const AttributeDefinition& key, const char* type) {
    writer.StartObject();
    write_key(writer, "AttributeName");
    write_string(writer, key.name);
    write_key(writer, "KeyType");
    writer.String(type);
    writer.EndObject();
  };
  writer.StartArray();
  for (const AttributeDefinition& key : keys.partition) {
    element(key, "HASH");
  }
  for (const AttributeDefinition& key : keys.sort) {
    element(key, "RANGE");
  }
  writer.EndArray();
}

void write_attribute_definitions(JsonWriter& writer, const TableSchema& schema) {
  writer.StartArray();
  for (const AttributeDefinition& definition : schema.attribute_definitions) {
    writer.StartObject();
    write_key(writer, "AttributeName");
    write_string(writer, definition.name);
    write_key(writer, "AttributeType");
    writer.String(scalar_type_name(definition.type));
    writer.EndObject();
  }
  writer.EndArray();
}

// LastIncreaseDateTime and LastDecreaseDateTime appear once the capacity changed that way
// (`history`, the table's; an index's has none).
void write_provisioned_throughput(JsonWriter& writer, const ProvisionedThroughput& throughput,
                                  const ThroughputHistory* history, std::int64_t decreases_today) {
  writer.StartObject();
  if (history != nullptr && history->last_increase) {
    write_key(writer, "LastIncreaseDateTime");
    writer.Double(*history->last_increase);
  }
  if (history != nullptr && history->last_decrease) {
    write_key(writer, "LastDecreaseDateTime");
    writer.Double(*history->last_decrease);
  }
  write_key(writer, "NumberOfDecreasesToday");
  writer.Int64(decreases_today);
  write_key(writer, "ReadCapacityUnits");
  writer.Int64(throughput.read_capacity_units);
  write_key(writer, "WriteCapacityUnits");
  writer.Int64(throughput.write_capacity_units);
  writer.EndObject();
}

// {"ReadUnitsPerSecond":..,"WriteUnitsPerSecond":..,"Status":..}: a table's or an index's.
void write_warm_throughput(JsonWriter& writer, const WarmThroughput& warm, const char* status) {
  writer.StartObject();
  write_key(writer, "ReadUnitsPerSecond");
  writer.Int64(warm.read_units_per_second);
  write_key(writer, "WriteUnitsPerSecond");
  writer.Int64(warm.write_units_per_second);
  write_key(writer, "Status");
  writer.String(status);
  writer.EndObject();
}

void write_projection(JsonWriter& writer, const SecondaryIndex& index) {
  writer.StartObject();
  write_key(writer, "ProjectionType");
  writer.String(projection_type_name(index.projection));
  if (index.projection == ProjectionType::kInclude) {
    write_key(writer, "NonKeyAttributes");
    writer.StartArray();
    for (const std::string& name : index.non_key_attributes) {
      write_string(writer, name);
    }
    writer.EndArray();
  }
  writer.EndObject();
}

void write_sse_description(JsonWriter& writer, const KmsEncryption& encryption,
                           std::string_view region) {
  writer.StartObject();
  write_key(writer, "Status");
  writer.String("ENABLED");
  write_key(writer, "SSEType");
  writer.String("KMS");
  write_key(writer, "KMSMasterKeyArn");
  write_string(writer, kms_key_arn(encryption, region));
  writer.EndObject();
}

}  // namespace ddblocal::wire
