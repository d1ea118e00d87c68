#include "protocol/wire/document_order.h"

#include <cstddef>
#include <unordered_map>
#include <utility>

#include "protocol/result.h"
#include "protocol/wire/backups.h"
#include "protocol/wire/control_requests.h"
#include "protocol/wire/exports.h"
#include "protocol/wire/partiql_requests.h"
#include "protocol/wire/requests.h"
#include "protocol/wire/stream_requests.h"
#include "protocol/wire/ttl.h"

namespace ddblocal::wire {
namespace {

using Parser = Result<void> (*)(const JsonValue& body);

// An operation's parser, its request dropped.
template <auto parse>
Result<void> parse_only(const JsonValue& body) {
  auto request = parse(body);
  if (!request) {
    return std::move(request).error();
  }
  return {};
}

// CreateTable's parser takes the operation that creates the table too.
Result<CreateTableRequest> parse_create_table_only(const JsonValue& body) {
  return parse_create_table(body);
}

// The first `count` members of `body`, copied. REQUIRES: body.IsObject().
JsonDocument first_members(const JsonValue& body, std::size_t count) {
  JsonDocument cut;
  cut.SetObject();
  for (auto member = body.MemberBegin(); count > 0; ++member, --count) {
    cut.AddMember(JsonValue(member->name, cut.GetAllocator()),
                  JsonValue(member->value, cut.GetAllocator()), cut.GetAllocator());
  }
  return cut;
}

const std::unordered_map<std::string_view, Parser>& parsers() {
  static const std::unordered_map<std::string_view, Parser> table = {
      {"BatchExecuteStatement", &parse_only<&parse_batch_execute_statement>},
      {"BatchGetItem", &parse_only<&parse_batch_get_item>},
      {"BatchWriteItem", &parse_only<&parse_batch_write_item>},
      {"CreateBackup", &parse_only<&parse_create_backup>},
      {"CreateTable", &parse_only<&parse_create_table_only>},
      {"DeleteBackup", &parse_only<&parse_delete_backup>},
      {"DeleteItem", &parse_only<&parse_delete_item>},
      {"DeleteResourcePolicy", &parse_only<&parse_delete_resource_policy>},
      {"DeleteTable", &parse_only<&parse_delete_table>},
      {"DescribeBackup", &parse_only<&parse_describe_backup>},
      {"DescribeExport", &parse_only<&parse_describe_export>},
      {"DescribeImport", &parse_only<&parse_describe_import>},
      {"DescribeStream", &parse_only<&parse_describe_stream>},
      {"DescribeTable", &parse_only<&parse_describe_table>},
      {"DescribeTimeToLive", &parse_only<&parse_describe_time_to_live>},
      {"ExecuteStatement", &parse_only<&parse_execute_statement>},
      {"ExecuteTransaction", &parse_only<&parse_execute_transaction>},
      {"ExportTableToPointInTime", &parse_only<&parse_export_table>},
      {"GetItem", &parse_only<&parse_get_item>},
      {"GetRecords", &parse_only<&parse_get_records>},
      {"GetResourcePolicy", &parse_only<&parse_get_resource_policy>},
      {"GetShardIterator", &parse_only<&parse_get_shard_iterator>},
      {"ImportTable", &parse_only<&parse_import_table>},
      {"ListBackups", &parse_only<&parse_list_backups>},
      {"ListExports", &parse_only<&parse_list_exports>},
      {"ListImports", &parse_only<&parse_list_imports>},
      {"ListStreams", &parse_only<&parse_list_streams>},
      {"ListTables", &parse_only<&parse_list_tables>},
      {"ListTagsOfResource", &parse_only<&parse_list_tags_of_resource>},
      {"PutItem", &parse_only<&parse_put_item>},
      {"PutResourcePolicy", &parse_only<&parse_put_resource_policy>},
      {"Query", &parse_only<&parse_query>},
      {"RestoreTableFromBackup", &parse_only<&parse_restore_table_from_backup>},
      {"RestoreTableToPointInTime", &parse_only<&parse_restore_table_to_point_in_time>},
      {"Scan", &parse_only<&parse_scan>},
      {"TagResource", &parse_only<&parse_tag_resource>},
      {"TransactGetItems", &parse_only<&parse_transact_get_items>},
      {"TransactWriteItems", &parse_only<&parse_transact_write_items>},
      {"UntagResource", &parse_only<&parse_untag_resource>},
      {"UpdateContinuousBackups", &parse_only<&parse_update_continuous_backups>},
      {"UpdateItem", &parse_only<&parse_update_item>},
      {"UpdateTable", &parse_only<&parse_update_table>},
      {"UpdateTimeToLive", &parse_only<&parse_update_time_to_live>},
  };
  return table;
}

}  // namespace

ApiError serialization_error_in_document_order(std::string_view operation, const JsonValue& body,
                                               ApiError error) {
  const auto found = parsers().find(operation);
  if (found == parsers().end() || !body.IsObject()) {
    return error;
  }
  // Whether a cut fails for a type grows with the cut, so the shortest one that fails is found
  // by bisection: a few parses whatever the number of members. Invariant: the first `low`
  // members parse without a SerializationException; the first `high` fail with `error`.
  std::size_t low = 0;
  std::size_t high = body.MemberCount();
  while (high - low > 1) {
    const std::size_t middle = low + (high - low) / 2;
    const JsonDocument cut = first_members(body, middle);
    Result<void> parsed = found->second(cut);
    if (!parsed && parsed.error().type() == ErrorType::kSerialization) {
      high = middle;
      error = std::move(parsed).error();
    } else {
      low = middle;
    }
  }
  return error;
}

}  // namespace ddblocal::wire
