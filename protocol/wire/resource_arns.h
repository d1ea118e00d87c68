// The ResourceArn of the tag and resource-policy operations: checked as DynamoDB checks it
// (the text "arn:...", a DynamoDB table of this account and region) and resolved to the table's
// name. Messages from the 2026 probes in /work/notes/control-plane.md.
#pragma once

#include <string>
#include <string_view>

#include "protocol/result.h"

namespace ddblocal::wire {

// Which family of operations asks: they word the same faults differently.
enum class ArnUse { kTags, kResourcePolicy };

// The name of the table `arn` names, for a request signed for `region`.
Result<std::string> table_of_resource_arn(std::string_view arn, std::string_view region,
                                          ArnUse use);

// ResourceNotFoundException for an ARN of a table that does not exist.
ApiError resource_arn_not_found(std::string_view arn, std::string_view table_name, ArnUse use);

}  // namespace ddblocal::wire
