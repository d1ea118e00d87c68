// A table's settings in its catalog record (the attribute "settings", a map; written to disk).
// Internal to storage/.
#pragma once

#include "protocol/item_fwd.h"
#include "protocol/table_settings.h"

namespace ddblocal::storage {

// Adds `settings` to the table record `record`.
void add_settings(AttributeMap& record, const TableSettings& settings);
// The settings of a table record; the defaults for a record written before settings existed.
TableSettings settings_of(const AttributeMap& record);

}  // namespace ddblocal::storage
