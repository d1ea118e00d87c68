// Item keys in RocksDB: an order-preserving byte encoding of key values (so RocksDB's bytewise
// order is DynamoDB's key order) and the partition hash that spreads partitions over the key
// space. Both are on-disk formats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "protocol/attribute_value.h"

namespace ddblocal::storage {

// table uid + partition hash: the length of RocksDB's prefix extractor for items.
constexpr std::size_t kItemKeyPrefixBytes = 16;

// Appends an order-preserving, self-delimiting encoding of a key value: memcmp order of the
// encodings equals DynamoDB's order of the values (S and B by unsigned bytes, N numerically),
// and no encoding is a prefix of another, so encodings concatenate into composite keys.
// REQUIRES: value is S, N or B.
void append_key_value(std::string& out, const AttributeValue& value);

// A stable 64-bit hash of a partition key value. Written to disk: never change it.
// Equal values hash equally; S and B with the same bytes hash differently.
// REQUIRES: partition_key is S, N or B.
std::uint64_t partition_hash(const AttributeValue& partition_key);

// An item's RocksDB key: table_uid (8 bytes big-endian) | partition_hash (8 bytes big-endian) |
// encoded partition key | encoded sort key (when sort_key is not null).
std::string encode_item_key(std::uint64_t table_uid, const AttributeValue& partition_key,
                            const AttributeValue* sort_key);

// All of a table's item keys lie in [encode_table_prefix(uid), encode_table_prefix(uid + 1)).
std::string encode_table_prefix(std::uint64_t table_uid);

}  // namespace ddblocal::storage
