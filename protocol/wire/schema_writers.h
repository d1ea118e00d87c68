// Writers of the parts of a table's description that several answers share: key schemas,
// attribute definitions, throughput, projections, encryption. Internal to the wire layer.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "protocol/table_schema.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// "ALL", "KEYS_ONLY" or "INCLUDE".
const char* projection_type_name(ProjectionType type);
// [{"AttributeName":..,"KeyType":"HASH"}, {..,"RANGE"}].
void write_key_schema(JsonWriter& writer, const KeyAttributes& keys);
void write_attribute_definitions(JsonWriter& writer, const TableSchema& schema);
// LastIncreaseDateTime and LastDecreaseDateTime appear once the capacity changed that way
// (`history`, a table's; an index has none).
void write_provisioned_throughput(JsonWriter& writer, const ProvisionedThroughput& throughput,
                                  const ThroughputHistory* history = nullptr,
                                  std::int64_t decreases_today = 0);
// {"ReadUnitsPerSecond":..,"WriteUnitsPerSecond":..,"Status":..}: a table's or an index's.
void write_warm_throughput(JsonWriter& writer, const WarmThroughput& warm, const char* status);
// {"ProjectionType":..,"NonKeyAttributes":[..]}.
void write_projection(JsonWriter& writer, const SecondaryIndex& index);
// {"Status":"ENABLED","SSEType":"KMS","KMSMasterKeyArn":..}.
void write_sse_description(JsonWriter& writer, const KmsEncryption& encryption,
                           std::string_view region);

}  // namespace ddblocal::wire
