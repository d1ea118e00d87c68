// One home for key schemas: which attributes make the key of a table or of an index, in which
// order, and the questions every layer asks of them (is this a key attribute, which values of
// an item form its key). Tables and local secondary indexes have one partition key attribute
// and at most one sort key attribute; a global secondary index may have up to four of each
// (DynamoDB's multi-attribute keys).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/container/static_vector.hpp>

#include "protocol/attribute_value.h"

namespace ddblocal {

// The types a key attribute may have (AttributeDefinitions' AttributeType).
enum class ScalarType : std::uint8_t { kS, kN, kB };

struct AttributeDefinition {
  std::string name;
  ScalarType type = ScalarType::kS;
  bool operator==(const AttributeDefinition&) const = default;
};

// At most this many partition key attributes, and as many sort key attributes, in the key of a
// global secondary index.
inline constexpr std::size_t kMaxKeyAttributesPerPart = 4;

// The key of an index as declared: its partition key attributes (1 to 4), then its sort key
// attributes (0 to 4), each list in key schema order.
struct KeySchema {
  std::vector<AttributeDefinition> partition;
  std::vector<AttributeDefinition> sort;
  bool operator==(const KeySchema&) const = default;
};

// A key schema where it is stored (a table's single attributes or an index's lists), read
// without copying.
struct KeyAttributes {
  std::span<const AttributeDefinition> partition;
  std::span<const AttributeDefinition> sort;

  // The attribute of that name among the key's, or nullptr.
  const AttributeDefinition* find(std::string_view name) const;
  bool contains(std::string_view name) const { return find(name) != nullptr; }
  // Calls visit(attribute) for each key attribute, the partition key's first.
  template <typename Visit>
  void for_each(Visit&& visit) const {
    for (const AttributeDefinition& attribute : partition) {
      visit(attribute);
    }
    for (const AttributeDefinition& attribute : sort) {
      visit(attribute);
    }
  }
  // One key attribute in each part: the key of every table and of most indexes.
  bool single() const { return partition.size() == 1 && sort.size() <= 1; }
};

KeyAttributes key_attributes(const KeySchema& schema);
// A table's key: `sort` is empty or holds its one sort key.
KeyAttributes key_attributes(const AttributeDefinition& partition,
                             const std::optional<AttributeDefinition>& sort);

// The values of one part of a key (at most kMaxKeyAttributesPerPart), held inline: reading an
// item's index keys on every write allocates nothing.
using KeyValues = boost::container::static_vector<const AttributeValue*, kMaxKeyAttributesPerPart>;

// The values of `item`'s key attributes `attributes` (one part of a key), in order, when it
// holds every one with its declared type; nullopt otherwise (a sparse index leaves such an item
// out). REQUIRES: attributes.size() <= kMaxKeyAttributesPerPart.
std::optional<KeyValues> key_values(const Item& item,
                                    std::span<const AttributeDefinition> attributes);

// "S", "N" or "B".
const char* scalar_type_name(ScalarType type);
// The attribute value type a key of this type has.
ValueType value_type_of(ScalarType type);

}  // namespace ddblocal
