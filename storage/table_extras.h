// Records kept beside a table's catalog record, one per kind: its tags and its resource policy.
// They live in the catalog column family under the table's uid, so that removing a table's uid
// range removes them in the same write, and a same-named new table starts without them.
// Internal to storage/.
//
// Layout (written to disk):
//   "x" | table uid (8 bytes big-endian) | kind (1 byte) -> an item (item_codec.h)
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "protocol/resource_policy.h"
#include "protocol/result.h"
#include "protocol/tags.h"
#include "storage/database.h"

namespace ddblocal::storage {

// Written to disk: do not change the values.
enum class TableExtra : char { kTags = 't', kResourcePolicy = 'p' };

// Every extra record of `table_uid` lies in [table_extras_prefix(uid), table_extras_prefix(uid+1)).
std::string table_extras_prefix(std::uint64_t table_uid);
std::string table_extra_key(std::uint64_t table_uid, TableExtra kind);

std::string encode_tags(const TagList& tags);
Result<TagList> decode_tags(std::string_view bytes);
std::string encode_policy(const ResourcePolicy& policy);
Result<ResourcePolicy> decode_policy(std::string_view bytes);

}  // namespace ddblocal::storage
