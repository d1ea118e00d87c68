// Tags of a table (TagResource, UntagResource, ListTagsOfResource, CreateTable's Tags): the
// rules DynamoDB applies to them and how a change combines with the tags a table has. Messages
// as DynamoDB words them (/work/notes/control-plane.md lists the sources).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/result.h"

namespace ddblocal {

struct Tag {
  std::string key;
  std::string value;
  bool operator==(const Tag&) const = default;
};

// A table's tags, in the order their keys were first added.
using TagList = std::vector<Tag>;

// The Developer Guide's tagging restrictions: 50 tags per table, keys of 1 to 128 characters,
// values of up to 256, the "aws:" prefix reserved.
inline constexpr std::size_t kMaxTagsPerTable = 50;
inline constexpr std::size_t kMaxTagKeyLength = 128;
inline constexpr std::size_t kMaxTagValueLength = 256;

// One tag's own rules: the key's and value's lengths and characters (letters, digits, white
// space and _ . : / = + - @), no "aws:" key. ValidationException otherwise.
Result<void> validate_tag(const Tag& tag);

// The tags once `added` are set on `current` (a key already there takes the new value):
// every added tag valid, no key twice in `added`, at most kMaxTagsPerTable in the end.
Result<TagList> add_tags(const TagList& current, const TagList& added);

// The tags without those of `keys` (absent keys are ignored); every key must be a valid one.
Result<TagList> remove_tags(const TagList& current, const std::vector<std::string>& keys);

}  // namespace ddblocal
