#include "storage/table_extras.h"

#include "storage/item_codec.h"
#include "storage/key_codec.h"
#include "storage/record_fields.h"

namespace ddblocal::storage {
namespace {

constexpr char kExtrasPrefix = 'x';

}  // namespace

std::string table_extras_prefix(std::uint64_t table_uid) {
  return kExtrasPrefix + encode_table_prefix(table_uid);
}

std::string table_extra_key(std::uint64_t table_uid, TableExtra kind) {
  return table_extras_prefix(table_uid) + static_cast<char>(kind);
}

// Tags: {"tags": [{"k": S, "v": S}, ...]} in their order.
std::string encode_tags(const TagList& tags) {
  AttributeList list;
  for (const Tag& tag : tags) {
    list.push_back(AttributeMap{{"k", tag.key}, {"v", tag.value}});
  }
  std::string bytes;
  append_item(bytes, Item{{"tags", std::move(list)}});
  return bytes;
}

Result<TagList> decode_tags(std::string_view bytes) {
  DDB_ASSIGN_OR_RETURN(Item record, decode_item(bytes));
  TagList tags;
  if (const AttributeList* list = list_of(record, "tags")) {
    for (const AttributeValue& element : *list) {
      if (const AttributeMap* tag = element.get_if<AttributeMap>()) {
        tags.push_back({string_of(*tag, "k"), string_of(*tag, "v")});
      }
    }
  }
  return tags;
}

// A policy: {"document": S, "revision": S}.
std::string encode_policy(const ResourcePolicy& policy) {
  std::string bytes;
  append_item(bytes, Item{{"document", policy.document}, {"revision", policy.revision_id}});
  return bytes;
}

Result<ResourcePolicy> decode_policy(std::string_view bytes) {
  DDB_ASSIGN_OR_RETURN(Item record, decode_item(bytes));
  return ResourcePolicy{string_of(record, "document"), string_of(record, "revision")};
}

}  // namespace ddblocal::storage
