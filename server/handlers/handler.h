// Handlers: one function per DynamoDB operation, from a parsed request body to the response
// body. Files group them by operation family (tables.cpp, items.cpp, ...).
#pragma once

#include <string>

#include "protocol/result.h"
#include "protocol/wire/json.h"
#include "server/handlers/client_request_tokens.h"
#include "storage/store.h"

namespace ddblocal {

struct RequestContext {
  std::string region;
  storage::Store& store;
  ClientRequestTokens& client_request_tokens;
};

// Answers the JSON response body, or the error DynamoDB would send.
using Handler = Result<std::string> (*)(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_create_table(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_describe_table(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_list_tables(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_update_table(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_delete_table(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_put_item(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_get_item(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_update_item(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_delete_item(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_batch_write_item(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_batch_get_item(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_transact_write_items(RequestContext& context,
                                                const wire::JsonValue& body);
Result<std::string> handle_transact_get_items(RequestContext& context, const wire::JsonValue& body);

Result<std::string> handle_execute_statement(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_batch_execute_statement(RequestContext& context,
                                                   const wire::JsonValue& body);
Result<std::string> handle_execute_transaction(RequestContext& context,
                                               const wire::JsonValue& body);

Result<std::string> handle_query(RequestContext& context, const wire::JsonValue& body);
Result<std::string> handle_scan(RequestContext& context, const wire::JsonValue& body);

}  // namespace ddblocal
