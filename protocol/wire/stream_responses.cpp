#include "protocol/wire/stream_responses.h"

#include "protocol/wire/json.h"
#include "protocol/wire/schema_writers.h"
#include "protocol/wire/value_codec.h"

namespace ddblocal::wire {
namespace {

// What every stream record says of itself (DynamoDB's values; version 1.1 since 2015).
constexpr std::string_view kEventVersion = "1.1";
constexpr std::string_view kEventSource = "aws:dynamodb";

void write_shard(JsonWriter& writer, const ShardDescription& shard) {
  writer.StartObject();
  write_key(writer, "ShardId");
  write_string(writer, shard.shard_id);
  write_key(writer, "SequenceNumberRange");
  writer.StartObject();
  write_key(writer, "StartingSequenceNumber");
  write_string(writer, format_sequence_number(shard.starting_sequence_number));
  if (shard.ending_sequence_number) {
    write_key(writer, "EndingSequenceNumber");
    write_string(writer, format_sequence_number(*shard.ending_sequence_number));
  }
  writer.EndObject();
  writer.EndObject();
}

// The stream record's "dynamodb" member.
void write_stream_record(JsonWriter& writer, const ChangeRecord& record, StreamViewType view) {
  writer.StartObject();
  write_key(writer, "ApproximateCreationDateTime");
  // Epoch seconds, rounded down to the second (the API Reference's StreamRecord).
  writer.Double(static_cast<double>(record.time_ms / 1000));
  write_key(writer, "Keys");
  write_item(writer, record.keys);
  const bool new_shown =
      view == StreamViewType::kNewImage || view == StreamViewType::kNewAndOldImages;
  const bool old_shown =
      view == StreamViewType::kOldImage || view == StreamViewType::kNewAndOldImages;
  if (new_shown && record.new_image) {
    write_key(writer, "NewImage");
    write_item(writer, *record.new_image);
  }
  if (old_shown && record.old_image) {
    write_key(writer, "OldImage");
    write_item(writer, *record.old_image);
  }
  write_key(writer, "SequenceNumber");
  write_string(writer, format_sequence_number(record.sequence_number));
  write_key(writer, "SizeBytes");
  writer.Uint64(record_size(record, view));
  write_key(writer, "StreamViewType");
  writer.String(stream_view_type_name(view));
  writer.EndObject();
}

void write_record(JsonWriter& writer, const StreamName& stream, const ChangeRecord& record,
                  StreamViewType view) {
  writer.StartObject();
  write_key(writer, "eventID");
  write_string(writer, event_id(stream, record.sequence_number));
  write_key(writer, "eventName");
  writer.String(event_name(record));
  write_key(writer, "eventVersion");
  write_string(writer, kEventVersion);
  write_key(writer, "eventSource");
  write_string(writer, kEventSource);
  write_key(writer, "awsRegion");
  write_string(writer, stream.region);
  write_key(writer, "dynamodb");
  write_stream_record(writer, record, view);
  if (record.origin == ChangeOrigin::kTimeToLive) {
    // The Developer Guide: TTL deletions carry the service as their identity.
    write_key(writer, "userIdentity");
    writer.StartObject();
    write_key(writer, "PrincipalId");
    writer.String("dynamodb.amazonaws.com");
    write_key(writer, "Type");
    writer.String("Service");
    writer.EndObject();
  }
  writer.EndObject();
}

}  // namespace

std::string write_list_streams_response(const std::vector<StreamName>& streams,
                                        const std::optional<StreamName>& last_evaluated) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "Streams");
  writer.StartArray();
  for (const StreamName& stream : streams) {
    writer.StartObject();
    write_key(writer, "StreamArn");
    write_string(writer, stream_arn(stream));
    write_key(writer, "TableName");
    write_string(writer, stream.table_name);
    write_key(writer, "StreamLabel");
    write_string(writer, stream.label);
    writer.EndObject();
  }
  writer.EndArray();
  if (last_evaluated) {
    write_key(writer, "LastEvaluatedStreamArn");
    write_string(writer, stream_arn(*last_evaluated));
  }
  writer.EndObject();
  return text_of(buffer);
}

std::string write_describe_stream_response(const StreamDescription& stream, bool with_shard,
                                           const std::optional<std::string>& last_evaluated) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "StreamDescription");
  writer.StartObject();
  write_key(writer, "StreamArn");
  write_string(writer, stream_arn(stream.name));
  write_key(writer, "StreamLabel");
  write_string(writer, stream.name.label);
  write_key(writer, "StreamStatus");
  writer.String(stream_status_name(stream.status));
  write_key(writer, "StreamViewType");
  writer.String(stream_view_type_name(stream.view_type));
  write_key(writer, "CreationRequestDateTime");
  writer.Double(static_cast<double>(stream.created_ms) / 1000);
  write_key(writer, "TableName");
  write_string(writer, stream.name.table_name);
  write_key(writer, "KeySchema");
  write_key_schema(writer, key_attributes(stream.partition_key, stream.sort_key));
  write_key(writer, "Shards");
  writer.StartArray();
  if (with_shard) {
    write_shard(writer, stream.shard);
  }
  writer.EndArray();
  if (last_evaluated) {
    write_key(writer, "LastEvaluatedShardId");
    write_string(writer, *last_evaluated);
  }
  writer.EndObject();
  writer.EndObject();
  return text_of(buffer);
}

std::string write_get_shard_iterator_response(const ShardIterator& iterator) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "ShardIterator");
  write_string(writer, encode_shard_iterator(iterator));
  writer.EndObject();
  return text_of(buffer);
}

std::string write_get_records_response(const StreamName& stream, StreamViewType view,
                                       const std::vector<ChangeRecord>& records,
                                       const std::optional<ShardIterator>& next) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  write_key(writer, "Records");
  writer.StartArray();
  for (const ChangeRecord& record : records) {
    write_record(writer, stream, record, view);
  }
  writer.EndArray();
  if (next) {
    write_key(writer, "NextShardIterator");
    write_string(writer, encode_shard_iterator(*next));
  }
  writer.EndObject();
  return text_of(buffer);
}

}  // namespace ddblocal::wire
