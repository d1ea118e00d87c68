// Items in RocksDB: a compact binary encoding of an item's attributes, decoded on every read,
// Query and Scan. An on-disk format.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/result.h"

namespace ddblocal::storage {

// Appends the encoding of an item: every attribute of all ten types, M and L nested.
// REQUIRES: numbers within Number's limits, nesting no deeper than DynamoDB's 32 levels.
void append_item(std::string& out, const Item& item);

// Decodes an encoding made by append_item. Bytes that no append_item could have made (corrupt,
// truncated, nested beyond a fixed cap) fail with an InternalServerError whose message starts
// "corrupt item", never with undefined behaviour.
Result<Item> decode_item(std::string_view bytes);

// The stored items decoded, nullopt where absent.
Result<std::vector<std::optional<Item>>> decode_items(
    const std::vector<std::optional<std::string>>& stored);

}  // namespace ddblocal::storage
