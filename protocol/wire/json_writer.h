// Small helpers for writing response bodies with a rapidjson::Writer from string_views.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "protocol/table_schema.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

inline void write_key(JsonWriter& writer, std::string_view key) {
  writer.Key(key.data(), static_cast<rapidjson::SizeType>(key.size()));
}

inline void write_string(JsonWriter& writer, std::string_view text) {
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
}

// The text a writer wrote into `buffer`.
inline std::string text_of(const rapidjson::StringBuffer& buffer) {
  return std::string(buffer.GetString(), buffer.GetSize());
}

// A KeySchema list: the partition key (HASH), then the sort key (RANGE) when there is one.
inline void write_key_schema(JsonWriter& writer, const AttributeDefinition& partition_key,
                             const std::optional<AttributeDefinition>& sort_key) {
  auto element = [&](const AttributeDefinition& key, const char* type) {
    writer.StartObject();
    write_key(writer, "AttributeName");
    write_string(writer, key.name);
    write_key(writer, "KeyType");
    writer.String(type);
    writer.EndObject();
  };
  writer.StartArray();
  element(partition_key, "HASH");
  if (sort_key) {
    element(*sort_key, "RANGE");
  }
  writer.EndArray();
}

}  // namespace ddblocal::wire
