// DynamoDB Streams' model: stream names and ARNs, change records as a stream shows them,
// sequence numbers and shard iterators. Pure code, shared by storage and the wire format.
//
// ddblocal gives each stream one shard: its records are the table's change records from the
// stream's first sequence number on, in order, until the stream is disabled (the shard is then
// closed). DynamoDB splits a stream into many shards; a client that follows the API (reads every
// shard, follows ParentShardId) reads one shard the same way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "protocol/arn.h"
#include "protocol/attribute_value.h"
#include "protocol/table_schema.h"

namespace ddblocal {

// A stream: its table and its label, the UTC time it was created ("2026-12-05T19:38:01.815"),
// unique among the table's streams.
struct StreamName {
  std::string region;
  std::string table_name;
  std::string label;
  bool operator==(const StreamName&) const = default;
};

// arn:aws:dynamodb:<region>:000000000000:table/<name>/stream/<label>
std::string stream_arn(const StreamName& name);
// The stream an ARN of that shape names; nullopt for any other text.
std::optional<StreamName> parse_stream_arn(std::string_view arn);
// The label of a stream created `milliseconds` after the Unix epoch.
std::string stream_label(std::int64_t milliseconds);

// Sequence numbers as the API shows them: 21 decimal digits, zero-padded, so that their text
// order is their numeric order (clients compare them either way).
std::string format_sequence_number(std::uint64_t sequence);
// nullopt unless `text` is 21 to 40 decimal digits of a value that fits 64 bits.
std::optional<std::uint64_t> parse_sequence_number(std::string_view text);

// Who made a change: a request, or the Time to Live sweep (a REMOVE whose userIdentity is
// the service).
enum class ChangeOrigin : std::uint8_t { kRequest, kTimeToLive };

// What one write did to one item, as the change log keeps it: both images, whatever a stream
// shows of them.
struct ChangeRecord {
  std::uint64_t sequence_number = 0;
  std::int64_t time_ms = 0;  // since the Unix epoch
  ChangeOrigin origin = ChangeOrigin::kRequest;
  Item keys;
  std::optional<Item> old_image;  // absent for an INSERT
  std::optional<Item> new_image;  // absent for a REMOVE
};

// "INSERT", "MODIFY" or "REMOVE".
const char* event_name(const ChangeRecord& record);
// SizeBytes: the size of the keys and of the images `view` shows, as item_size counts them.
std::size_t record_size(const ChangeRecord& record, StreamViewType view);
// eventID: 32 hex digits, the same for the same record of the same stream at every read.
std::string event_id(const StreamName& stream, std::uint64_t sequence_number);

enum class StreamStatus : std::uint8_t { kEnabled, kDisabling, kDisabled };
// "ENABLED", "DISABLING" or "DISABLED".
const char* stream_status_name(StreamStatus status);

struct ShardDescription {
  std::string shard_id;
  std::uint64_t starting_sequence_number = 0;
  // Set once the shard is closed: the last sequence number it will ever hold.
  std::optional<std::uint64_t> ending_sequence_number;
};

// shardId-<20 digits of the creation time in ms>-<8 hex digits of the stream's ARN hash>.
std::string shard_id(const StreamName& stream, std::int64_t created_ms);

// What DescribeStream reports.
struct StreamDescription {
  StreamName name;
  StreamViewType view_type = StreamViewType::kKeysOnly;
  StreamStatus status = StreamStatus::kEnabled;
  std::int64_t created_ms = 0;
  AttributeDefinition partition_key;
  std::optional<AttributeDefinition> sort_key;
  ShardDescription shard;
};

enum class ShardIteratorType : std::uint8_t {
  kTrimHorizon,
  kLatest,
  kAtSequenceNumber,
  kAfterSequenceNumber
};

// A reader's place in a shard: it has read every record up to `position` (a sequence number,
// or the one before the shard's first) and reads the records after it next.
struct ShardIterator {
  std::string stream_arn;
  std::uint64_t position = 0;
  std::int64_t issued_ms = 0;  // an iterator expires kShardIteratorLifetimeMs after this
};

inline constexpr std::int64_t kShardIteratorLifetimeMs = 15 * 60 * 1000;

// "<stream ARN>|1|<32 hex digits>", the shape of DynamoDB's iterators.
std::string encode_shard_iterator(const ShardIterator& iterator);
// nullopt for any text encode_shard_iterator cannot have made.
std::optional<ShardIterator> decode_shard_iterator(std::string_view text);

}  // namespace ddblocal
