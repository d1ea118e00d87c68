#include "protocol/key_schema.h"

namespace ddblocal {

const AttributeDefinition* KeyAttributes::find(std::string_view name) const {
  for (std::span<const AttributeDefinition> part : {partition, sort}) {
    for (const AttributeDefinition& attribute : part) {
      if (attribute.name == name) {
        return &attribute;
      }
    }
  }
  return nullptr;
}

KeyAttributes key_attributes(const KeySchema& schema) {
  return {schema.partition, schema.sort};
}

KeyAttributes key_attributes(const AttributeDefinition& partition,
                             const std::optional<AttributeDefinition>& sort) {
  return {std::span(&partition, 1),
          sort ? std::span(&*sort, 1) : std::span<const AttributeDefinition>()};
}

std::optional<KeyValues> key_values(const Item& item,
                                    std::span<const AttributeDefinition> attributes) {
  KeyValues values;
  for (const AttributeDefinition& attribute : attributes) {
    auto it = item.find(attribute.name);
    if (it == item.end() || it->second.type() != value_type_of(attribute.type)) {
      return std::nullopt;
    }
    values.push_back(&it->second);
  }
  return values;
}

const char* scalar_type_name(ScalarType type) {
  switch (type) {
    case ScalarType::kS:
      return "S";
    case ScalarType::kN:
      return "N";
    case ScalarType::kB:
      return "B";
  }
  return "S";
}

ValueType value_type_of(ScalarType type) {
  switch (type) {
    case ScalarType::kS:
      return ValueType::kS;
    case ScalarType::kN:
      return ValueType::kN;
    case ScalarType::kB:
      return ValueType::kB;
  }
  return ValueType::kS;
}

}  // namespace ddblocal
