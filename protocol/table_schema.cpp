#include "protocol/table_schema.h"

namespace ddblocal {

const char* stream_view_type_name(StreamViewType type) {
  switch (type) {
    case StreamViewType::kKeysOnly:
      return "KEYS_ONLY";
    case StreamViewType::kNewImage:
      return "NEW_IMAGE";
    case StreamViewType::kOldImage:
      return "OLD_IMAGE";
    case StreamViewType::kNewAndOldImages:
      return "NEW_AND_OLD_IMAGES";
  }
  return "KEYS_ONLY";
}

std::optional<StreamViewType> parse_stream_view_type(std::string_view name) {
  for (StreamViewType type : {StreamViewType::kKeysOnly, StreamViewType::kNewImage,
                              StreamViewType::kOldImage, StreamViewType::kNewAndOldImages}) {
    if (name == stream_view_type_name(type)) {
      return type;
    }
  }
  return std::nullopt;
}

const SecondaryIndex* find_index(const TableSchema& schema, std::string_view name) {
  for (const SecondaryIndex& index : schema.indexes) {
    if (index.name == name) {
      return &index;
    }
  }
  return nullptr;
}

std::size_t index_position(const TableSchema& schema, const SecondaryIndex& index) {
  return static_cast<std::size_t>(&index - schema.indexes.data());
}

KeyAttributes key_attributes(const TableSchema& schema, const SecondaryIndex* index) {
  return index != nullptr ? key_attributes(index->key_schema)
                          : key_attributes(schema.partition_key, schema.sort_key);
}

}  // namespace ddblocal
