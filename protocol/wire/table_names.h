// TableName members that name a table by its name or by its ARN
// (arn:aws:dynamodb:<region>:<account>:table/<name>), as every operation but CreateTable allows
// (the API model's TableArn shape). Checked in two steps: the member's own constraints when the
// request is parsed, its region and account once the request's namespace is known. Wordings and
// sources: /work/notes/table-arns.md.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "protocol/result.h"
#include "protocol/wire/field_rules.h"

namespace ddblocal::wire {

// The longest TableName that is an ARN; a name keeps kTableNameRule.
inline constexpr std::size_t kMaxTableArnLength = 1024;

inline bool is_arn(std::string_view member) {
  return member.starts_with("arn:");
}

// DescribeTable's TableName: kTableNameRule with the length listed before the pattern ("" ->
// length, then pattern; DynamoDB 2026-10-09, ack-api-quirks DDB-TABLE-457).
inline constexpr StringRule kDescribedTableNameRule{.required = true,
                                                    .min_length = 3,
                                                    .max_length = 255,
                                                    .name_pattern = true,
                                                    .pattern_order = PatternOrder::kAfterLength};

// A TableName member's constraints, reported at `path` ("tableName"): an ARN's length and
// format (dynamodb's table/<name>, the name as kTableNameRule has it), or a name's `name_rule`.
void check_table_name_or_arn(Violations& violations, std::string_view path,
                             std::optional<std::string_view> member,
                             const StringRule& name_rule = kTableNameRule);

// The name of the table `member` names for a request of `tables_namespace`: `member` itself when
// it is a name; the table of its ARN when that ARN is of this partition, region and account.
// REQUIRES: the member passed check_table_name_or_arn.
Result<std::string_view> table_name_in_namespace(std::string_view member,
                                                 std::string_view tables_namespace);

}  // namespace ddblocal::wire
