// Response bodies of the DynamoDB Streams operations, in the shapes (and member order)
// DynamoDB Streams answers with.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "protocol/streams.h"

namespace ddblocal::wire {

// {"Streams":[{"StreamArn","TableName","StreamLabel"}...],"LastEvaluatedStreamArn":...}, the
// latter when `last_evaluated` holds a stream.
std::string write_list_streams_response(const std::vector<StreamName>& streams,
                                        const std::optional<StreamName>& last_evaluated);

// {"StreamDescription":{...,"Shards":[...],"LastEvaluatedShardId":...}}: the stream's shard
// when `with_shard`, LastEvaluatedShardId when given.
std::string write_describe_stream_response(const StreamDescription& stream, bool with_shard,
                                           const std::optional<std::string>& last_evaluated);

// {"ShardIterator":"..."}
std::string write_get_shard_iterator_response(const ShardIterator& iterator);

// {"Records":[...],"NextShardIterator":"..."}: each record as a stream of view type `view`
// shows it (its images, its SizeBytes; userIdentity for a Time to Live deletion); no
// NextShardIterator when `next` is nullopt (the shard is closed and read to its end).
std::string write_get_records_response(const StreamName& stream, StreamViewType view,
                                       const std::vector<ChangeRecord>& records,
                                       const std::optional<ShardIterator>& next);

}  // namespace ddblocal::wire
