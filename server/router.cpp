#include "server/router.h"

#include <exception>
#include <string_view>
#include <unordered_map>

#include <spdlog/spdlog.h>

#include "protocol/wire/json.h"
#include "server/credential_scope.h"
#include "server/handlers/handler.h"
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
      {"Scan", &handle_scan},
      {"TagResource", &handle_tag_resource},
      {"TransactGetItems", &handle_transact_get_items},
      {"TransactWriteItems", &handle_transact_write_items},
      {"UntagResource", &handle_untag_resource},
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

Handler find_handler(std::string_view target) {
  for (const auto& [prefix, table] : {std::pair{kTargetPrefix, &handlers()},
                                      std::pair{kStreamsTargetPrefix, &streams_handlers()}}) {
    if (target.starts_with(prefix)) {
      auto it = table->find(target.substr(prefix.size()));
      return it == table->end() ? nullptr : it->second;
    }
  }
  return nullptr;
}

// What DynamoDB answers to a GET: a health check that load balancers use.
HttpResponse health_response(const HttpRequest& request) {
  HttpResponse response(http::status::ok, request.version());
  response.set(http::field::content_type, "text/plain");
  response.keep_alive(request.keep_alive());
  response.body() = "healthy: dynamodb." + std::string(kDefaultRegion) + ".amazonaws.com ";
  response.prepare_payload();
  return response;
}

}  // namespace

HttpResponse Router::handle(const HttpRequest& request) const {
  try {
    return dispatch(request);
  } catch (const std::exception& error) {
    spdlog::error("internal error in {}: {}", std::string(request["X-Amz-Target"]), error.what());
  } catch (...) {
    spdlog::error("internal error: unknown exception");
  }
  return make_error_response(ApiError::internal("Internal server error"), request);
}

HttpResponse Router::dispatch(const HttpRequest& request) const {
  if (request.method() == http::verb::get) {
    return health_response(request);
  }
  if (request.method() != http::verb::post) {
    return make_error_response(ApiError::unknown_operation(), request);
  }
  Handler handler = find_handler(to_std(request["X-Amz-Target"]));
  if (!handler) {
    return make_error_response(ApiError::unknown_operation(), request);
  }
  wire::JsonDocument body;
  if (Result<void> parsed = wire::parse_request_body(request.body(), body); !parsed) {
    return make_error_response(parsed.error(), request);
  }
  RequestContext context{region_of_authorization(to_std(request[http::field::authorization])),
                         std::string(to_std(request[http::field::host])),
                         store_,
                         client_request_tokens_,
                         transfer_jobs_,
                         s3_root_};
  Result<std::string> answer = handler(context, body);
  if (!answer) {
    return make_error_response(answer.error(), request);
  }
  return make_response(http::status::ok, std::move(*answer), request);
}

}  // namespace ddblocal
