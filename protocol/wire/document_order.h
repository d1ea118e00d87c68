// DynamoDB deserializes a request's members in the order its JSON document lists them, so of two
// top-level members of the wrong JSON type it reports the first in the document; ddblocal's
// parsers read their members in their own order. This finds DynamoDB's answer for a request
// whose parser refused it with a SerializationException. Only on that path: a request that
// parses pays nothing for it.
#pragma once

#include <string_view>

#include "protocol/api_error.h"
#include "protocol/wire/json.h"

namespace ddblocal::wire {

// The SerializationException of `operation`'s parser for the shortest start of `body` (its first
// top-level members) it refuses for a type: the error of the first member in document order
// whose JSON type is wrong. `error` (the answer for the whole body) when the operation has no
// parser of its own (DescribeEndpoints) or only the whole body fails.
// REQUIRES: error.type() == ErrorType::kSerialization.
ApiError serialization_error_in_document_order(std::string_view operation, const JsonValue& body,
                                               ApiError error);

}  // namespace ddblocal::wire
