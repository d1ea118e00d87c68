#include "storage/expiry_index.h"

#include <memory>

#include "protocol/time_to_live.h"
#include "storage/key_codec.h"

namespace ddblocal::storage {
namespace {

constexpr std::size_t kPrefixBytes = 16;  // uid and expiry

std::string expiry_prefix(std::uint64_t table_uid, std::int64_t expiry) {
  std::string key = encode_table_prefix(table_uid);
  const auto value = static_cast<std::uint64_t>(expiry);
  for (int shift = 56; shift >= 0; shift -= 8) {
    key.push_back(static_cast<char>((value >> shift) & 0xFF));
  }
  return key;
}

std::optional<std::string> entry_key(const Table& table, const std::string& item_key,
                                     const std::optional<Item>& item, std::int64_t now) {
  std::optional<std::int64_t> expiry =
      item ? expiry_time(*item, table.ttl->attribute, now) : std::nullopt;
  if (!expiry) {
    return std::nullopt;
  }
  return expiry_prefix(table.uid, *expiry) + item_key;
}

}  // namespace

void add_expiry_writes(Database& database, rocksdb::WriteBatch& batch, const Table& table,
                       const std::string& item_key, const std::optional<Item>& old_item,
                       const std::optional<Item>& new_item, std::int64_t now) {
  std::optional<std::string> old_entry = entry_key(table, item_key, old_item, now);
  std::optional<std::string> new_entry = entry_key(table, item_key, new_item, now);
  if (old_entry == new_entry) {
    return;
  }
  if (old_entry) {
    batch.Delete(database.expiry(), *old_entry).PermitUncheckedError();
  }
  if (new_entry) {
    batch.Put(database.expiry(), *new_entry, rocksdb::Slice()).PermitUncheckedError();
  }
}

Result<std::vector<ExpiryEntry>> expired_entries(Database& database, std::uint64_t table_uid,
                                                 std::int64_t now, std::size_t limit) {
  std::vector<ExpiryEntry> entries;
  if (now < 0) {
    return entries;
  }
  const std::string upper = expiry_prefix(table_uid, now + 1);
  rocksdb::Slice upper_slice(upper);
  rocksdb::ReadOptions options;
  options.iterate_upper_bound = &upper_slice;
  std::unique_ptr<rocksdb::Iterator> it(database.db().NewIterator(options, database.expiry()));
  for (it->Seek(encode_table_prefix(table_uid)); it->Valid() && entries.size() < limit;
       it->Next()) {
    std::string_view key(it->key().data(), it->key().size());
    std::int64_t expiry = 0;
    for (std::size_t i = 8; i < kPrefixBytes; ++i) {
      expiry = (expiry << 8) | static_cast<unsigned char>(key[i]);
    }
    entries.push_back({std::string(key), expiry, std::string(key.substr(kPrefixBytes))});
  }
  if (!it->status().ok()) {
    return ApiError::internal("storage failure: " + it->status().ToString());
  }
  return entries;
}

}  // namespace ddblocal::storage
