// Item keys in RocksDB: an order-preserving byte encoding of key values (so RocksDB's bytewise
// order is DynamoDB's key order) and the partition hash that spreads partitions over the key
// space. Both are on-disk formats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
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
// The hash of a partition key of one or more values (a global secondary index's may have up to
// four): the one value's hash as above, or a hash of all of them. REQUIRES: each is S, N or B.
std::uint64_t composite_partition_hash(std::span<const AttributeValue* const> partition_key);

// Appends what the encoding of every S (or B) value that begins with `prefix` begins with:
// begins_with on a sort key is a key range. REQUIRES: prefix is S or B.
void append_key_prefix(std::string& out, const AttributeValue& prefix);

// The start of every item key of one partition: table_uid | partition_hash | partition key.
std::string encode_partition_prefix(std::uint64_t table_uid, const AttributeValue& partition_key);
// The same for a partition key of one or more values: table_uid | partition_hash | each value.
std::string encode_composite_partition_prefix(std::uint64_t table_uid,
                                              std::span<const AttributeValue* const> partition_key);

// An item's RocksDB key: table_uid (8 bytes big-endian) | partition_hash (8 bytes big-endian) |
// encoded partition key | encoded sort key (when sort_key is not null).
std::string encode_item_key(std::uint64_t table_uid, const AttributeValue& partition_key,
                            const AttributeValue* sort_key);

// table_uid | hash: the first key of the partitions whose hash is at least `hash` (parallel
// scan segments are ranges of hashes).
std::string encode_hash_bound(std::uint64_t table_uid, std::uint64_t hash);

// The smallest key greater than every key that starts with `prefix` ("" when there is none:
// the prefix is all 0xFF bytes).
std::string prefix_end(std::string prefix);

// All of a table's item keys lie in [encode_table_prefix(uid), encode_table_prefix(uid + 1)).
std::string encode_table_prefix(std::uint64_t table_uid);

}  // namespace ddblocal::storage
