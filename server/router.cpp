#include "server/router.h"

#include <algorithm>
#include <exception>

#include <spdlog/spdlog.h>

#include "protocol/wire/document_order.h"
#include "protocol/wire/json.h"
#include "server/response.h"

namespace ddblocal {
namespace {

constexpr std::string_view kTargetPrefix = "DynamoDB_20120810.";
constexpr std::string_view kStreamsTargetPrefix = "DynamoDBStreams_20120810.";

const std::unordered_map<std::string_view, Handler>& handlers() {
  static const std::unordered_map<std::string_view, Handler> table = {
      {"BatchExecuteStatement", &handle_batch_execute_statement},
      {"BatchGetItem", &handle_batch_get_item},
      {"BatchWriteItem", &handle_batch_write_item},
      {"CreateBackup", &handle_create_backup},
      {"CreateTable", &handle_create_table},
      {"DeleteBackup", &handle_delete_backup},
      {"DeleteTable", &handle_delete_table},
      {"DeleteItem", &handle_delete_item},
      {"DeleteResourcePolicy", &handle_delete_resource_policy},
      {"DescribeBackup", &handle_describe_backup},
      {"DescribeContinuousBackups", &handle_describe_continuous_backups},
      {"DescribeEndpoints", &handle_describe_endpoints},
      {"DescribeExport", &handle_describe_export},
      {"DescribeImport", &handle_describe_import},
      {"DescribeLimits", &handle_describe_limits},
      {"DescribeTable", &handle_describe_table},
      {"ExecuteStatement", &handle_execute_statement},
      {"ExecuteTransaction", &handle_execute_transaction},
      {"ExportTableToPointInTime", &handle_export_table},
      {"DescribeTimeToLive", &handle_describe_time_to_live},
      {"GetItem", &handle_get_item},
      {"GetResourcePolicy", &handle_get_resource_policy},
      {"ImportTable", &handle_import_table},
      {"ListBackups", &handle_list_backups},
      {"ListExports", &handle_list_exports},
      {"ListImports", &handle_list_imports},
      {"ListTables", &handle_list_tables},
      {"ListTagsOfResource", &handle_list_tags_of_resource},
      {"PutItem", &handle_put_item},
      {"PutResourcePolicy", &handle_put_resource_policy},
      {"Query", &handle_query},
      {"RestoreTableFromBackup", &handle_restore_table_from_backup},
      {"RestoreTableToPointInTime", &handle_restore_table_to_point_in_time},
      {"Scan", &handle_scan},
      {"TagResource", &handle_tag_resource},
      {"TransactGetItems", &handle_transact_get_items},
      {"TransactWriteItems", &handle_transact_write_items},
      {"UntagResource", &handle_untag_resource},
      {"UpdateContinuousBackups", &handle_update_continuous_backups},
      {"UpdateItem", &handle_update_item},
      {"UpdateTable", &handle_update_table},
      {"UpdateTimeToLive", &handle_update_time_to_live},
  };
  return table;
}

const std::unordered_map<std::string_view, Handler>& streams_handlers() {
  static const std::unordered_map<std::string_view, Handler> table = {
      {"DescribeStream", &handle_describe_stream},
      {"GetRecords", &handle_get_records},
      {"GetShardIterator", &handle_get_shard_iterator},
      {"ListStreams", &handle_list_streams},
  };
  return table;
}

RoutedResponse error_response(const ApiError& error, const HttpRequest& request,
                              std::optional<std::size_t> operation = std::nullopt) {
  return {make_error_response(error, request), operation, error.type()};
}

}  // namespace

Router::Router(storage::Store& store, const Authenticator& authenticator, std::string s3_root)
    : store_(store), authenticator_(authenticator), s3_root_(std::move(s3_root)) {
  // DynamoDB's and DynamoDB Streams' operations have distinct names.
  const std::pair<std::string_view, const std::unordered_map<std::string_view, Handler>*>
      services[] = {{kTargetPrefix, &handlers()}, {kStreamsTargetPrefix, &streams_handlers()}};
  for (const auto& [prefix, table] : services) {
    for (const auto& [name, handler] : *table) {
      operation_names_.push_back(name);
    }
  }
  std::sort(operation_names_.begin(), operation_names_.end());
  for (std::size_t i = 0; i < operation_names_.size(); ++i) {
    for (const auto& [prefix, table] : services) {
      if (auto found = table->find(operation_names_[i]); found != table->end()) {
        routes_.emplace(std::string(prefix).append(operation_names_[i]), Route{found->second, i});
      }
    }
  }
}

RoutedResponse Router::handle(const HttpRequest& request, std::string_view body) const {
  try {
    return dispatch(request, body);
  } catch (const std::exception& error) {
    spdlog::error("internal error in {}: {}", std::string(request["X-Amz-Target"]), error.what());
  } catch (...) {
    spdlog::error("internal error: unknown exception");
  }
  return error_response(ApiError::internal("Internal server error"), request);
}

// What a request's JSON document may take before it allocates: a PutItem of a few KB.
constexpr std::size_t kDocumentMemoryBytes = 32 * 1024;

RoutedResponse Router::dispatch(const HttpRequest& request, std::string_view body) const {
  // A body that is not JSON is refused before anything else, but an empty one only after the
  // target and the signature (dynalite's tests, recorded against DynamoDB).
  // The document's values come from a buffer of this thread before any malloc: a request is
  // parsed and answered on one thread, one at a time, and most fit in the buffer.
  thread_local char document_memory[kDocumentMemoryBytes];
  rapidjson::MemoryPoolAllocator<> document_pool(document_memory, sizeof(document_memory));
  wire::JsonDocument document(&document_pool);
  Result<void> parsed = body.empty() ? Result<void>() : wire::parse_request_body(body, document);
  if (!parsed) {
    return error_response(parsed.error(), request);
  }
  auto route = routes_.find(to_std(request["X-Amz-Target"]));
  if (route == routes_.end()) {
    return error_response(ApiError::unknown_operation(), request);
  }
  const std::size_t operation = route->second.index;
  Result<std::string> tables_namespace = authenticator_.tables_namespace(request);
  if (!tables_namespace) {
    return error_response(tables_namespace.error(), request, operation);
  }
  if (body.empty()) {
    parsed = wire::parse_request_body(body, document);
    if (!parsed) {
      return error_response(parsed.error(), request, operation);
    }
  }
  RequestContext context{std::move(*tables_namespace),
                         std::string(to_std(request[http::field::host])),
                         store_,
                         client_request_tokens_,
                         transfer_jobs_,
                         s3_root_};
  Result<std::string> answer = route->second.handler(context, document);
  if (!answer) {
    if (answer.error().type() == ErrorType::kSerialization) {
      return error_response(wire::serialization_error_in_document_order(
                                operation_names_[operation], document, std::move(answer).error()),
                            request, operation);
    }
    return error_response(answer.error(), request, operation);
  }
  return {make_response(http::status::ok, std::move(*answer), request), operation, std::nullopt};
}

}  // namespace ddblocal
