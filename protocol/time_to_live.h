// Time to Live: when an item expires, by the epoch-seconds Number in its TTL attribute.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "protocol/attribute_value.h"

namespace ddblocal {

// DynamoDB leaves alone an item whose expiry is more than five years in the past (the
// Developer Guide's "Using TTL"), so that a value in milliseconds or a stray small number
// never deletes data.
inline constexpr std::int64_t kMaxExpiredAgeSeconds = 1826LL * 24 * 3600;

// The epoch second at which `item` expires: the integer part of the Number in attribute
// `attribute`. nullopt when the attribute is absent or not a Number, or when its value is more
// than kMaxExpiredAgeSeconds before `now` (a negative value is). Values past the range of the
// result saturate: such an item never expires.
std::optional<std::int64_t> expiry_time(const Item& item, const std::string& attribute,
                                        std::int64_t now);

}  // namespace ddblocal
