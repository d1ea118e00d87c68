#include "protocol/tags.h"

#include <algorithm>
#include <set>

#include "protocol/api_error.h"
#include "protocol/utf16.h"

namespace ddblocal {
namespace {

// Letters and digits of any script (every non-ASCII byte: DynamoDB allows Unicode letters),
// white space, and _ . : / = + - @.
bool allowed_tag_character(unsigned char c) {
  if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
    return true;
  }
  return std::string_view(" \t\n\r_.:/=+-@").find(static_cast<char>(c)) != std::string_view::npos;
}

bool allowed_tag_text(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return allowed_tag_character(static_cast<unsigned char>(c)); });
}

Result<void> validate_tag_key(std::string_view key) {
  const std::size_t length = utf16_length(key);
  if (length == 0 || length > kMaxTagKeyLength || !allowed_tag_text(key)) {
    return ApiError::validation("The Tag Key provided is invalid, Key: " + std::string(key));
  }
  if (key.starts_with("aws:")) {
    return ApiError::validation("Tag Key cannot be prefixed with aws:, Key: " + std::string(key));
  }
  return {};
}

}  // namespace

Result<void> validate_tag(const Tag& tag) {
  DDB_RETURN_IF_ERROR(validate_tag_key(tag.key));
  if (utf16_length(tag.value) > kMaxTagValueLength || !allowed_tag_text(tag.value)) {
    return ApiError::validation("The Tag Value provided is invalid, Value: " + tag.value);
  }
  return {};
}

Result<TagList> add_tags(const TagList& current, const TagList& added) {
  std::set<std::string_view> keys;
  for (const Tag& tag : added) {
    DDB_RETURN_IF_ERROR(validate_tag(tag));
    if (!keys.insert(tag.key).second) {
      return ApiError::validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " +
                                  tag.key);
    }
  }
  TagList tags = current;
  for (const Tag& tag : added) {
    auto same_key = std::find_if(tags.begin(), tags.end(),
                                 [&](const Tag& existing) { return existing.key == tag.key; });
    if (same_key != tags.end()) {
      same_key->value = tag.value;
    } else {
      tags.push_back(tag);
    }
  }
  if (tags.size() > kMaxTagsPerTable) {
    return ApiError::validation(
        "Number of Tags exceed the current limit for the provided ResourceArn");
  }
  return tags;
}

Result<TagList> remove_tags(const TagList& current, const std::vector<std::string>& keys) {
  for (const std::string& key : keys) {
    DDB_RETURN_IF_ERROR(validate_tag_key(key));
  }
  TagList tags = current;
  std::erase_if(tags, [&](const Tag& tag) {
    return std::find(keys.begin(), keys.end(), tag.key) != keys.end();
  });
  return tags;
}

}  // namespace ddblocal
