#include "protocol/streams.h"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <limits>

namespace ddblocal {
namespace {

constexpr std::string_view kArnPrefix = "arn:aws:dynamodb:";
constexpr std::string_view kStreamInfix = "/stream/";
constexpr std::size_t kSequenceDigits = 21;
constexpr std::size_t kMaxSequenceDigits = 40;

// FNV-1a: a stable hash (the same in every build and run), for identifiers derived from names.
std::uint64_t stable_hash(std::string_view text, std::uint64_t basis = 14695981039346656037ull) {
  std::uint64_t hash = basis;
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ull;
  }
  return hash;
}

// SplitMix64's finalizer: every bit of the input moves about half the bits of the output, so
// that identifiers made from similar names look unrelated.
std::uint64_t mix(std::uint64_t value) {
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ull;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebull;
  return value ^ (value >> 31);
}

std::string hex(std::uint64_t value, int digits) {
  std::string text(static_cast<std::size_t>(digits), '0');
  for (int i = digits - 1; i >= 0; --i, value >>= 4) {
    text[static_cast<std::size_t>(i)] = "0123456789abcdef"[value & 0xF];
  }
  return text;
}

std::optional<std::uint64_t> parse_hex(std::string_view text) {
  std::uint64_t value = 0;
  for (char c : text) {
    int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    if (digit < 0) {
      return std::nullopt;
    }
    value = (value << 4) | static_cast<std::uint64_t>(digit);
  }
  return value;
}

bool is_table_name(std::string_view name) {
  return name.size() >= 3 && name.size() <= 255 &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '_' || c == '.' || c == '-';
         });
}

}  // namespace

std::string stream_arn(const StreamName& name) {
  return table_arn(name.region, name.table_name).append(kStreamInfix).append(name.label);
}

std::optional<StreamName> parse_stream_arn(std::string_view arn) {
  if (!arn.starts_with(kArnPrefix)) {
    return std::nullopt;
  }
  arn.remove_prefix(kArnPrefix.size());
  StreamName name;
  const std::size_t region_end = arn.find(':');
  if (region_end == 0 || region_end == std::string_view::npos) {
    return std::nullopt;
  }
  name.region = std::string(arn.substr(0, region_end));
  arn.remove_prefix(region_end + 1);
  const std::string account_and_type = std::string(kAccountId) + ":table/";
  if (!arn.starts_with(account_and_type)) {
    return std::nullopt;
  }
  arn.remove_prefix(account_and_type.size());
  const std::size_t name_end = arn.find(kStreamInfix);
  if (name_end == std::string_view::npos || !is_table_name(arn.substr(0, name_end))) {
    return std::nullopt;
  }
  name.table_name = std::string(arn.substr(0, name_end));
  name.label = std::string(arn.substr(name_end + kStreamInfix.size()));
  if (name.label.empty() || name.label.find('/') != std::string::npos) {
    return std::nullopt;
  }
  return name;
}

std::string stream_label(std::int64_t milliseconds) {
  const std::time_t seconds = static_cast<std::time_t>(milliseconds / 1000);
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char text[96];  // room for any int, as the compiler counts
  std::snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02d.%03d", utc.tm_year + 1900,
                utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                static_cast<int>(milliseconds % 1000));
  return text;
}

std::string format_sequence_number(std::uint64_t sequence) {
  std::string digits = std::to_string(sequence);
  return std::string(kSequenceDigits - digits.size(), '0') + digits;
}

std::optional<std::uint64_t> parse_sequence_number(std::string_view text) {
  if (text.size() < kSequenceDigits || text.size() > kMaxSequenceDigits ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  std::uint64_t value = 0;
  for (char c : text) {
    const auto digit = static_cast<std::uint64_t>(c - '0');
    if (value > (std::numeric_limits<std::uint64_t>::max() - digit) / 10) {
      return std::nullopt;
    }
    value = value * 10 + digit;
  }
  return value;
}

const char* event_name(const ChangeRecord& record) {
  if (!record.old_image) {
    return "INSERT";
  }
  return record.new_image ? "MODIFY" : "REMOVE";
}

std::size_t record_size(const ChangeRecord& record, StreamViewType view) {
  std::size_t size = item_size(record.keys);
  const bool old_shown =
      view == StreamViewType::kOldImage || view == StreamViewType::kNewAndOldImages;
  const bool new_shown =
      view == StreamViewType::kNewImage || view == StreamViewType::kNewAndOldImages;
  if (old_shown && record.old_image) {
    size += item_size(*record.old_image);
  }
  if (new_shown && record.new_image) {
    size += item_size(*record.new_image);
  }
  return size;
}

std::string event_id(const StreamName& stream, std::uint64_t sequence_number) {
  const std::string text = stream_arn(stream) + "#" + std::to_string(sequence_number);
  return hex(mix(stable_hash(text)), 16) + hex(mix(stable_hash(text, 0x84222325cbf29ce4ull)), 16);
}

const char* stream_status_name(StreamStatus status) {
  switch (status) {
    case StreamStatus::kEnabled:
      return "ENABLED";
    case StreamStatus::kDisabling:
      return "DISABLING";
    case StreamStatus::kDisabled:
      return "DISABLED";
  }
  return "DISABLED";
}

std::string shard_id(const StreamName& stream, std::int64_t created_ms) {
  std::string digits = std::to_string(created_ms);
  return "shardId-" + std::string(20 - std::min<std::size_t>(digits.size(), 20), '0') + digits +
         "-" + hex(stable_hash(stream_arn(stream)), 8);
}

std::string encode_shard_iterator(const ShardIterator& iterator) {
  return iterator.stream_arn + "|1|" + hex(iterator.position, 16) +
         hex(static_cast<std::uint64_t>(iterator.issued_ms), 16);
}

std::optional<ShardIterator> decode_shard_iterator(std::string_view text) {
  constexpr std::string_view kVersion = "|1|";
  constexpr std::size_t kPayloadDigits = 32;
  if (text.size() < kVersion.size() + kPayloadDigits) {
    return std::nullopt;
  }
  const std::string_view payload = text.substr(text.size() - kPayloadDigits);
  const std::string_view arn = text.substr(0, text.size() - kPayloadDigits - kVersion.size());
  if (text.substr(arn.size(), kVersion.size()) != kVersion || !parse_stream_arn(arn)) {
    return std::nullopt;
  }
  const std::optional<std::uint64_t> position = parse_hex(payload.substr(0, 16));
  const std::optional<std::uint64_t> issued = parse_hex(payload.substr(16));
  if (!position || !issued) {
    return std::nullopt;
  }
  return ShardIterator{std::string(arn), *position, static_cast<std::int64_t>(*issued)};
}

}  // namespace ddblocal
