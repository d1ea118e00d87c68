#include "storage/rewind.h"

#include <map>
#include <string>
#include <utility>

#include "storage/item_codec.h"
#include "storage/range_scan.h"

namespace ddblocal::storage {
namespace {

constexpr std::size_t kUidBytes = 8;

}  // namespace

Rewind rewind(const Table& table, const std::vector<ChangeRecord>& records) {
  Rewind result;
  // Per item: as it was before its first change after the moment, and as it is now.
  std::map<std::string, std::pair<const std::optional<Item>*, const std::optional<Item>*>> changed;
  for (const ChangeRecord& record : records) {
    std::string key = item_key_of(table, record.keys).substr(kUidBytes);
    auto [entry, first] = changed.try_emplace(std::move(key), &record.old_image, nullptr);
    entry->second.second = &record.new_image;
  }
  for (const auto& [key, images] : changed) {
    const auto& [then, now] = images;
    std::optional<std::string>& replacement = result.replacements[key];
    if (*then) {
      replacement.emplace();
      append_item(*replacement, **then);
      result.delta.item_count += 1;
      result.delta.size_bytes += static_cast<std::int64_t>(item_size(**then));
    }
    if (*now) {
      result.delta.item_count -= 1;
      result.delta.size_bytes -= static_cast<std::int64_t>(item_size(**now));
    }
  }
  return result;
}

}  // namespace ddblocal::storage
