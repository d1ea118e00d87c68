#include "storage/change_codec.h"

#include "storage/item_codec.h"

namespace ddblocal::storage {
namespace {

constexpr char kVersion = 1;
constexpr std::uint8_t kHasOld = 1;
constexpr std::uint8_t kHasNew = 2;
constexpr std::uint8_t kTimeToLive = 4;
constexpr std::size_t kHeaderBytes = 10;

// Appends an item preceded by its length, written once the item is.
void append_sized_item(std::string& out, const Item& item) {
  const std::size_t at = out.size();
  out.append(4, '\0');
  append_item(out, item);
  const auto length = static_cast<std::uint32_t>(out.size() - at - 4);
  for (int i = 0; i < 4; ++i) {
    out[at + static_cast<std::size_t>(i)] = static_cast<char>((length >> (8 * i)) & 0xFF);
  }
}

ApiError corrupt(std::string_view what) {
  return ApiError::internal("corrupt change record: " + std::string(what));
}

// Reads one length-prefixed item from the front of `bytes`, consuming it.
Result<Item> take_item(std::string_view& bytes) {
  if (bytes.size() < 4) {
    return corrupt("truncated length");
  }
  std::uint32_t length = 0;
  for (int i = 0; i < 4; ++i) {
    length |=
        static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[static_cast<std::size_t>(i)]))
        << (8 * i);
  }
  bytes.remove_prefix(4);
  if (bytes.size() < length) {
    return corrupt("truncated item");
  }
  Result<Item> item = decode_item(bytes.substr(0, length));
  bytes.remove_prefix(length);
  return item;
}

}  // namespace

void append_change_record(std::string& out, const ChangeStamp& stamp, const Item& keys,
                          const std::optional<Item>& old_image,
                          const std::optional<Item>& new_image) {
  std::uint8_t flags = (old_image ? kHasOld : 0) | (new_image ? kHasNew : 0) |
                       (stamp.origin == ChangeOrigin::kTimeToLive ? kTimeToLive : 0);
  out.push_back(kVersion);
  out.push_back(static_cast<char>(flags));
  const auto time = static_cast<std::uint64_t>(stamp.time_ms);
  for (int shift = 56; shift >= 0; shift -= 8) {
    out.push_back(static_cast<char>((time >> shift) & 0xFF));
  }
  append_sized_item(out, keys);
  if (old_image) {
    append_sized_item(out, *old_image);
  }
  if (new_image) {
    append_sized_item(out, *new_image);
  }
}

std::optional<std::int64_t> change_record_time(std::string_view bytes) {
  if (bytes.size() < kHeaderBytes || bytes[0] != kVersion) {
    return std::nullopt;
  }
  std::uint64_t time = 0;
  for (std::size_t i = 2; i < kHeaderBytes; ++i) {
    time = (time << 8) | static_cast<unsigned char>(bytes[i]);
  }
  return static_cast<std::int64_t>(time);
}

Result<ChangeRecord> decode_change_record(std::string_view bytes, std::uint64_t sequence) {
  std::optional<std::int64_t> time = change_record_time(bytes);
  if (!time) {
    return corrupt("bad header");
  }
  const auto flags = static_cast<std::uint8_t>(bytes[1]);
  if ((flags & ~(kHasOld | kHasNew | kTimeToLive)) != 0) {
    return corrupt("unknown flags");
  }
  bytes.remove_prefix(kHeaderBytes);
  ChangeRecord record;
  record.sequence_number = sequence;
  record.time_ms = *time;
  record.origin = (flags & kTimeToLive) != 0 ? ChangeOrigin::kTimeToLive : ChangeOrigin::kRequest;
  DDB_ASSIGN_OR_RETURN(record.keys, take_item(bytes));
  if ((flags & kHasOld) != 0) {
    DDB_ASSIGN_OR_RETURN(record.old_image, take_item(bytes));
  }
  if ((flags & kHasNew) != 0) {
    DDB_ASSIGN_OR_RETURN(record.new_image, take_item(bytes));
  }
  if (!bytes.empty()) {
    return corrupt("trailing bytes");
  }
  return record;
}

}  // namespace ddblocal::storage
