// ListStreams, DescribeStream, GetShardIterator, GetRecords: the DynamoDB Streams API, on the
// same port as DynamoDB's (X-Amz-Target DynamoDBStreams_20120810.*).

#include "protocol/clock.h"
#include "protocol/wire/stream_requests.h"
#include "protocol/wire/stream_responses.h"
#include "server/handlers/handler.h"

namespace ddblocal {
Result<std::string> handle_list_streams(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_list_streams(body));
  std::optional<std::string_view> table_name;
  if (request.table_name) {
    table_name = *request.table_name;
  }
  storage::StreamPage page = context.store.list_streams(context.region, table_name,
                                                        request.exclusive_start, request.limit);
  return wire::write_list_streams_response(page.streams, page.last_evaluated);
}

Result<std::string> handle_describe_stream(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_describe_stream(body));
  DDB_ASSIGN_OR_RETURN(auto stream, context.store.describe_stream(context.region, request.stream));
  // One shard, with no parent: it is a child of none, and listed only when the page starts
  // before it.
  const bool listed =
      !request.children_of && (!request.exclusive_start_shard_id ||
                               *request.exclusive_start_shard_id < stream.shard.shard_id);
  return wire::write_describe_stream_response(stream, listed, std::nullopt);
}

Result<std::string> handle_get_shard_iterator(RequestContext& context,
                                              const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_get_shard_iterator(body));
  DDB_ASSIGN_OR_RETURN(auto iterator, context.store.get_shard_iterator(
                                          context.region, request.stream, request.shard_id,
                                          request.type, request.sequence_number, unix_ms()));
  return wire::write_get_shard_iterator_response(iterator);
}

Result<std::string> handle_get_records(RequestContext& context, const wire::JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto request, wire::parse_get_records(body));
  DDB_ASSIGN_OR_RETURN(auto read, context.store.get_records(context.region, request.iterator,
                                                            request.limit, unix_ms()));
  return wire::write_get_records_response(read.stream, read.view_type, read.records, read.next);
}

}  // namespace ddblocal
