// Items in RocksDB: a compact binary encoding of an item's attributes, decoded on every read,
// Query and Scan. An on-disk format.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/attribute_value.h"
#include "protocol/item_events.h"
#include "protocol/result.h"

namespace ddblocal::storage {

// Appends the encoding of an item: every attribute of all ten types, M and L nested.
// REQUIRES: numbers within Number's limits, nesting no deeper than DynamoDB's 32 levels.
void append_item(std::string& out, const Item& item);

// Decodes an encoding made by append_item. Bytes that no append_item could have made (corrupt,
// truncated, nested beyond a fixed cap) fail with an InternalServerError whose message starts
// "corrupt item", never with undefined behaviour.
Result<Item> decode_item(std::string_view bytes);

// Hands the attributes of an encoding made by append_item to `events`, in name order, without
// decoding them into an Item; answers the item's size as item_size counts it (skipped
// attributes included). Fails on corrupt bytes as decode_item does.
Result<std::size_t> walk_item(std::string_view bytes, ItemEvents& events);
// The size of the item an encoding holds, as item_size counts it.
Result<std::size_t> stored_item_size(std::string_view bytes);

// The stored items decoded, nullopt where absent.
Result<std::vector<std::optional<Item>>> decode_items(
    const std::vector<std::optional<std::string>>& stored);

}  // namespace ddblocal::storage
