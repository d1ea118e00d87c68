// Parsing and validation of the DynamoDB Streams operations. Member constraints are the API
// model's (lengths, enums, required members, Limit >= 1); the rules after them, and their texts,
// are DynamoDB Local's (/work/notes/streams-ttl.md), as the service documents none.
#include "protocol/wire/field_rules.h"
#include "protocol/wire/fields.h"
#include "protocol/wire/stream_requests.h"
#include "protocol/wire/table_members.h"

namespace ddblocal::wire {
namespace {

constexpr StringRule kStreamArnRule{.required = true, .min_length = 37, .max_length = 1024};
constexpr StringRule kExclusiveStartStreamArnRule{.min_length = 37, .max_length = 1024};
constexpr StringRule kShardIdRule{.required = true, .min_length = 28, .max_length = 65};
constexpr StringRule kOptionalShardIdRule{.min_length = 28, .max_length = 65};
constexpr StringRule kSequenceNumberRule{.min_length = 21, .max_length = 40};
constexpr StringRule kShardIteratorRule{.required = true, .min_length = 1, .max_length = 2048};
constexpr StringRule kListStreamsTableNameRule{
    .min_length = 3, .max_length = 255, .name_pattern = true};
constexpr IntegerRule kLimitRule{.min = 1};
constexpr std::string_view kIteratorTypes[] = {"TRIM_HORIZON", "LATEST", "AT_SEQUENCE_NUMBER",
                                               "AFTER_SEQUENCE_NUMBER"};
constexpr StringRule kIteratorTypeRule{.required = true, .allowed = kIteratorTypes};
constexpr std::string_view kShardFilterTypes[] = {"CHILD_SHARDS"};
constexpr StringRule kShardFilterTypeRule{.allowed = kShardFilterTypes};

Result<StreamName> stream_of(std::string_view arn) {
  std::optional<StreamName> name = parse_stream_arn(arn);
  if (!name) {
    return ApiError::validation("Invalid StreamArn");
  }
  return std::move(*name);
}

// A Limit that passed its member constraint, against the operation's largest.
Result<std::size_t> limit_of(std::optional<std::int64_t> limit, std::size_t largest,
                             std::string_view too_large) {
  if (!limit) {
    return largest;
  }
  if (static_cast<std::uint64_t>(*limit) > largest) {
    return invalid_parameters(too_large);
  }
  return static_cast<std::size_t>(*limit);
}

ShardIteratorType iterator_type_of(std::string_view name) {
  if (name == "LATEST") {
    return ShardIteratorType::kLatest;
  }
  if (name == "AT_SEQUENCE_NUMBER") {
    return ShardIteratorType::kAtSequenceNumber;
  }
  return name == "AFTER_SEQUENCE_NUMBER" ? ShardIteratorType::kAfterSequenceNumber
                                         : ShardIteratorType::kTrimHorizon;
}

// The sequence number an iterator of `type` takes: required by the two that start at one,
// refused by the others.
Result<std::optional<std::uint64_t>> sequence_number_for(
    ShardIteratorType type, std::optional<std::string_view> sequence_number) {
  const bool takes_one = type == ShardIteratorType::kAtSequenceNumber ||
                         type == ShardIteratorType::kAfterSequenceNumber;
  if (!takes_one) {
    if (sequence_number) {
      return invalid_parameters("SequenceNumber should not be passed for this iterator type");
    }
    return std::optional<std::uint64_t>();
  }
  std::optional<std::uint64_t> parsed =
      sequence_number ? parse_sequence_number(*sequence_number) : std::nullopt;
  if (!parsed) {
    return invalid_parameters("Invalid SequenceNumber");
  }
  return parsed;
}

}  // namespace

Result<ListStreamsRequest> parse_list_streams(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto table_name, optional_string(body, "TableName"));
  DDB_ASSIGN_OR_RETURN(auto limit, optional_integer(body, "Limit"));
  DDB_ASSIGN_OR_RETURN(auto start, optional_string(body, "ExclusiveStartStreamArn"));
  Violations violations;
  check(violations, "tableName", table_name, kListStreamsTableNameRule);
  check(violations, "limit", limit, kLimitRule);
  check(violations, "exclusiveStartStreamArn", start, kExclusiveStartStreamArnRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  ListStreamsRequest request;
  DDB_ASSIGN_OR_RETURN(request.limit,
                       limit_of(limit, kMaxListStreamsLimit,
                                "Limit cannot be greater than the maximum allowed size: 100"));
  if (table_name) {
    request.table_name = std::string(*table_name);
  }
  if (start) {
    DDB_ASSIGN_OR_RETURN(request.exclusive_start, stream_of(*start));
  }
  return request;
}

Result<DescribeStreamRequest> parse_describe_stream(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto arn, optional_string(body, "StreamArn"));
  DDB_ASSIGN_OR_RETURN(auto limit, optional_integer(body, "Limit"));
  DDB_ASSIGN_OR_RETURN(auto start, optional_string(body, "ExclusiveStartShardId"));
  DDB_ASSIGN_OR_RETURN(const JsonValue* filter, optional_object(body, "ShardFilter"));
  std::optional<std::string_view> filter_type;
  std::optional<std::string_view> filter_shard;
  if (filter != nullptr) {
    DDB_ASSIGN_OR_RETURN(filter_type, optional_string(*filter, "Type"));
    DDB_ASSIGN_OR_RETURN(filter_shard, optional_string(*filter, "ShardId"));
  }
  Violations violations;
  check(violations, "streamArn", arn, kStreamArnRule);
  check(violations, "limit", limit, kLimitRule);
  check(violations, "exclusiveStartShardId", start, kOptionalShardIdRule);
  check(violations, "shardFilter.type", filter_type, kShardFilterTypeRule);
  check(violations, "shardFilter.shardId", filter_shard, kOptionalShardIdRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  DescribeStreamRequest request;
  DDB_ASSIGN_OR_RETURN(request.limit, limit_of(limit, kMaxDescribeStreamLimit,
                                               "Limit cannot be greater than the maximum: 100"));
  DDB_ASSIGN_OR_RETURN(request.stream, stream_of(*arn));
  request.stream_arn = std::string(*arn);
  if (start) {
    request.exclusive_start_shard_id = std::string(*start);
  }
  if (filter_type) {
    // A filter on no shard matches none.
    request.children_of = std::string(filter_shard.value_or(""));
  }
  return request;
}

Result<GetShardIteratorRequest> parse_get_shard_iterator(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto arn, optional_string(body, "StreamArn"));
  DDB_ASSIGN_OR_RETURN(auto shard_id, optional_string(body, "ShardId"));
  DDB_ASSIGN_OR_RETURN(auto type, optional_string(body, "ShardIteratorType"));
  DDB_ASSIGN_OR_RETURN(auto sequence_number, optional_string(body, "SequenceNumber"));
  Violations violations;
  check(violations, "streamArn", arn, kStreamArnRule);
  check(violations, "shardId", shard_id, kShardIdRule);
  check(violations, "shardIteratorType", type, kIteratorTypeRule);
  check(violations, "sequenceNumber", sequence_number, kSequenceNumberRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  GetShardIteratorRequest request;
  DDB_ASSIGN_OR_RETURN(request.stream, stream_of(*arn));
  request.stream_arn = std::string(*arn);
  request.shard_id = std::string(*shard_id);
  request.type = iterator_type_of(*type);
  DDB_ASSIGN_OR_RETURN(request.sequence_number, sequence_number_for(request.type, sequence_number));
  return request;
}

Result<GetRecordsRequest> parse_get_records(const JsonValue& body) {
  DDB_ASSIGN_OR_RETURN(auto iterator, optional_string(body, "ShardIterator"));
  DDB_ASSIGN_OR_RETURN(auto limit, optional_integer(body, "Limit"));
  Violations violations;
  check(violations, "shardIterator", iterator, kShardIteratorRule);
  check(violations, "limit", limit, kLimitRule);
  DDB_RETURN_IF_ERROR(violations.to_result());
  GetRecordsRequest request;
  DDB_ASSIGN_OR_RETURN(request.limit, limit_of(limit, kMaxGetRecordsLimit,
                                               "Limit should be less than or equal to 1000"));
  std::optional<ShardIterator> decoded = decode_shard_iterator(*iterator);
  if (!decoded) {
    return ApiError::validation("Invalid ShardIterator");
  }
  request.iterator = std::move(*decoded);
  return request;
}

}  // namespace ddblocal::wire
