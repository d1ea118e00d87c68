// Catalog records are items (item_codec.h) with named fields; these read and write the fields
// the records share. A field absent or of another type reads as zero, empty or false, so that
// records written before a field existed still load. Internal to storage/.
#pragma once

#include <cstdint>
#include <string>

#include "protocol/attribute_value.h"
#include "protocol/table_schema.h"

namespace ddblocal::storage {

AttributeValue number_value(std::int64_t value);
std::int64_t number_of(const Item& record, const std::string& name);
std::string string_of(const Item& record, const std::string& name);
bool bool_of(const Item& record, const std::string& name);

// An attribute definition as a map {name, type}.
AttributeValue definition_value(const AttributeDefinition& definition);
AttributeDefinition definition_of(const AttributeValue& value);

}  // namespace ddblocal::storage
