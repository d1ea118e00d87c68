// The requests of the DynamoDB Streams API (ListStreams, DescribeStream, GetShardIterator,
// GetRecords) and their parsers. Each parser fails with the error DynamoDB Streams answers the
// same body with: member constraints of the API model first ("1 validation error detected:
// ..."), then the service's own rules. Texts: /work/notes/streams-ttl.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

#include "protocol/result.h"
#include "protocol/streams.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// The most streams a ListStreams page and shards a DescribeStream page hold, and records a
// GetRecords answers.
inline constexpr std::size_t kMaxListStreamsLimit = 100;
inline constexpr std::size_t kMaxDescribeStreamLimit = 100;
inline constexpr std::size_t kMaxGetRecordsLimit = 1000;

struct ListStreamsRequest {
  std::optional<std::string> table_name;
  std::size_t limit = kMaxListStreamsLimit;
  // ExclusiveStartStreamArn: the page starts after this stream.
  std::optional<StreamName> exclusive_start;
};

struct DescribeStreamRequest {
  StreamName stream;
  std::string stream_arn;  // as given, for messages
  std::size_t limit = kMaxDescribeStreamLimit;
  std::optional<std::string> exclusive_start_shard_id;
  // ShardFilter {Type: CHILD_SHARDS, ShardId}: list only the children of this shard.
  std::optional<std::string> children_of;
};

struct GetShardIteratorRequest {
  StreamName stream;
  std::string stream_arn;
  std::string shard_id;
  ShardIteratorType type = ShardIteratorType::kTrimHorizon;
  // Given exactly for AT_SEQUENCE_NUMBER and AFTER_SEQUENCE_NUMBER.
  std::optional<std::uint64_t> sequence_number;
};

struct GetRecordsRequest {
  ShardIterator iterator;
  std::size_t limit = kMaxGetRecordsLimit;
};

Result<ListStreamsRequest> parse_list_streams(const JsonValue& body);
Result<DescribeStreamRequest> parse_describe_stream(const JsonValue& body);
Result<GetShardIteratorRequest> parse_get_shard_iterator(const JsonValue& body);
Result<GetRecordsRequest> parse_get_records(const JsonValue& body);

}  // namespace ddblocal::wire
