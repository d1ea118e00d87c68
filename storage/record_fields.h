// Typed reads and writes of the attributes of the records storage keeps as items (the catalog's
// table records, backup and job records). A field absent or of another type reads as zero,
// empty or false, so that records written before a field existed still load. Internal to
// storage/.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/table_schema.h"

namespace ddblocal::storage {

AttributeValue number_value(std::int64_t value);
// Milliseconds since the epoch, for a time in seconds.
AttributeValue time_value(double seconds);

// The attribute `name` of `record`, or 0 / "" / false / nullopt when it is absent or of
// another type.
std::int64_t number_of(const AttributeMap& record, const std::string& name);
std::string string_of(const AttributeMap& record, const std::string& name);
bool bool_of(const AttributeMap& record, const std::string& name);
std::optional<double> time_of(const AttributeMap& record, const std::string& name);
const AttributeMap* map_of(const AttributeMap& record, const std::string& name);
const AttributeList* list_of(const AttributeMap& record, const std::string& name);

// An attribute definition as a map {name, type}.
AttributeValue definition_value(const AttributeDefinition& definition);
AttributeDefinition definition_of(const AttributeValue& value);
// Attribute definitions as a list of such maps.
AttributeValue definitions_value(std::span<const AttributeDefinition> definitions);
// Appends to `out` the definitions listed in the attribute `name` of `record`, if any.
void append_definitions(const AttributeMap& record, const std::string& name,
                        std::vector<AttributeDefinition>& out);

}  // namespace ddblocal::storage
