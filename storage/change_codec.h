// The change log's values: one ChangeRecord (protocol/streams.h) without its sequence number,
// which is in the key. An on-disk format:
//
//   version      1 byte, 1
//   flags        1 byte: 1 an old image follows, 2 a new image follows, 4 Time to Live origin
//   time_ms      8 bytes, big-endian two's complement
//   keys         4-byte little-endian length, then the keys' item encoding (item_codec.h)
//   old image    when flagged: 4-byte little-endian length, then its item encoding
//   new image    when flagged: the same
//
// Internal to storage/.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/result.h"
#include "protocol/streams.h"

namespace ddblocal::storage {

// When and why a change was made; the sequence number it is logged under.
struct ChangeStamp {
  std::uint64_t sequence = 0;
  std::int64_t time_ms = 0;
  ChangeOrigin origin = ChangeOrigin::kRequest;
};

void append_change_record(std::string& out, const ChangeStamp& stamp, const Item& keys,
                          const std::optional<Item>& old_image,
                          const std::optional<Item>& new_image);

// Decodes a value append_change_record made, as the record of `sequence`. Bytes it cannot have
// made fail with an InternalServerError whose message starts "corrupt change record".
Result<ChangeRecord> decode_change_record(std::string_view bytes, std::uint64_t sequence);

// The time a record was made, read from its header alone; nullopt for a corrupt header.
std::optional<std::int64_t> change_record_time(std::string_view bytes);

}  // namespace ddblocal::storage
