// Member constraints as DynamoDB's request validator declares them (lengths, patterns, enums,
// ranges, required members), and its way of reporting all violations in one message:
// "2 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: ...".
// Internal to the wire layer: each parse_*.cpp lists its rules with these pieces.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/api_error.h"
#include "protocol/result.h"
#include "protocol/utf16.h"

namespace ddblocal::wire {

// DynamoDB lists at most this many violations; the count in the message is the listed count.
inline constexpr std::size_t kMaxListedViolations = 10;

// The envelope of one violation. Since mid-2026 PutItem, UpdateItem and DeleteItem also put their
// hand-written texts in it, unchanged ("1 validation error detected: Invalid UpdateExpression:
// ..."; us-east-1 since 2026-08, nubo-db/dynamodb-conformance
// captures/2026-08-12-wording-drift.json).
inline constexpr std::string_view kOneViolationPrefix = "1 validation error detected: ";

inline std::string one_violation(std::string_view text) {
  return std::string(kOneViolationPrefix).append(text);
}

// `error` in the one-violation envelope when it is a ValidationException, else unchanged.
inline ApiError in_one_violation(ApiError error) {
  if (error.type() != ErrorType::kValidation) {
    return error;
  }
  return ApiError::validation(one_violation(error.message()));
}

// The violations of one request, in the order they were found.
class Violations {
 public:
  // Records that the member at `path` (DynamoDB's spelling: "tableName",
  // "keySchema.2.member.keyType") with `value` (nullopt when absent) breaks `constraint`.
  void add(std::string_view path, std::optional<std::string_view> value,
           std::string_view constraint) {
    if (messages_.size() == kMaxListedViolations) {
      return;
    }
    std::string message = "Value ";
    if (value) {
      message.append("'").append(*value).append("'");
    } else {
      message.append("null");
    }
    message.append(" at '").append(path).append("' failed to satisfy constraint: ");
    message.append(constraint);
    messages_.push_back(std::move(message));
  }

  // Records a violation DynamoDB words without the member's value: "Value at 'Limit' failed to
  // satisfy constraint: <c>" with `path` given, "Failed to satisfy constraint: <c>" without.
  void add_without_value(std::optional<std::string_view> path, std::string_view constraint) {
    if (messages_.size() == kMaxListedViolations) {
      return;
    }
    std::string message =
        path ? "Value at '" + std::string(*path) + "' failed" : std::string("Failed");
    messages_.push_back(message.append(" to satisfy constraint: ").append(constraint));
  }

  // Success when nothing was recorded, else the ValidationException listing everything.
  Result<void> to_result() const {
    if (messages_.empty()) {
      return {};
    }
    std::string text = messages_.size() == 1
                           ? std::string(kOneViolationPrefix)
                           : std::to_string(messages_.size()) + " validation errors detected: ";
    for (std::size_t i = 0; i < messages_.size(); ++i) {
      if (i > 0) {
        text.append("; ");
      }
      text.append(messages_[i]);
    }
    return ApiError::validation(std::move(text));
  }

 private:
  std::vector<std::string> messages_;
};

// The one pattern the API model uses for table and index names.
inline constexpr std::string_view kNamePattern = "[a-zA-Z0-9_.-]+";

inline bool matches_name_pattern(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  });
}

// Where a name's pattern constraint is listed when the value also breaks a length constraint.
// DynamoDB's order differs by member (2026-10-09, ack-api-quirks DDB-TABLE-457): pattern first
// for CreateBackup's backupName and ListTables' exclusiveStartTableName, length first for
// DescribeTable's tableName and an index definition's indexName.
enum class PatternOrder { kBeforeLength, kAfterLength };

struct StringRule {
  bool required = false;
  std::size_t min_length = 0;
  std::size_t max_length = 0;  // 0: unlimited
  bool name_pattern = false;   // must match kNamePattern
  PatternOrder pattern_order = PatternOrder::kBeforeLength;
  // The allowed values, in the order DynamoDB lists them; empty: any value.
  std::span<const std::string_view> allowed = {};
};

// "Member must satisfy enum value set: [A, B]".
inline std::string enum_constraint(std::span<const std::string_view> values) {
  std::string constraint = "Member must satisfy enum value set: [";
  for (std::size_t i = 0; i < values.size(); ++i) {
    constraint.append(i > 0 ? ", " : "").append(values[i]);
  }
  return constraint.append("]");
}

// Checks in the order DynamoDB lists the failures: null, pattern and lengths (in the rule's
// order), enum.
inline void check(Violations& violations, std::string_view path,
                  std::optional<std::string_view> value, const StringRule& rule) {
  if (!value) {
    if (rule.required) {
      violations.add(path, std::nullopt, "Member must not be null");
    }
    return;
  }
  const bool pattern_broken = rule.name_pattern && !matches_name_pattern(*value);
  const auto check_pattern = [&](PatternOrder order) {
    if (pattern_broken && rule.pattern_order == order) {
      violations.add(path, value,
                     std::string("Member must satisfy regular expression pattern: ") +
                         std::string(kNamePattern));
    }
  };
  check_pattern(PatternOrder::kBeforeLength);
  const std::size_t length = utf16_length(*value);
  if (length < rule.min_length) {
    violations.add(
        path, value,
        "Member must have length greater than or equal to " + std::to_string(rule.min_length));
  }
  if (rule.max_length != 0 && length > rule.max_length) {
    violations.add(
        path, value,
        "Member must have length less than or equal to " + std::to_string(rule.max_length));
  }
  check_pattern(PatternOrder::kAfterLength);
  if (!rule.allowed.empty() &&
      std::find(rule.allowed.begin(), rule.allowed.end(), *value) == rule.allowed.end()) {
    violations.add(path, value, enum_constraint(rule.allowed));
  }
}

struct IntegerRule {
  bool required = false;
  std::optional<std::int64_t> min = std::nullopt;
  std::optional<std::int64_t> max = std::nullopt;
};

inline void check(Violations& violations, std::string_view path, std::optional<std::int64_t> value,
                  const IntegerRule& rule) {
  if (!value) {
    if (rule.required) {
      violations.add(path, std::nullopt, "Member must not be null");
    }
    return;
  }
  const std::string text = std::to_string(*value);
  if (rule.min && *value < *rule.min) {
    violations.add(path, text,
                   "Member must have value greater than or equal to " + std::to_string(*rule.min));
  }
  if (rule.max && *value > *rule.max) {
    violations.add(path, text,
                   "Member must have value less than or equal to " + std::to_string(*rule.max));
  }
}

struct ListRule {
  bool required = false;
  std::size_t min_length = 0;
  std::size_t max_length = 0;  // 0: unlimited
};

// `size` is nullopt when the list is absent; `rendered` is how DynamoDB prints the list
// in the message ("[]" for an empty one).
inline void check(Violations& violations, std::string_view path, std::optional<std::size_t> size,
                  std::string_view rendered, const ListRule& rule) {
  if (!size) {
    if (rule.required) {
      violations.add(path, std::nullopt, "Member must not be null");
    }
    return;
  }
  if (*size < rule.min_length) {
    violations.add(
        path, rendered,
        "Member must have length greater than or equal to " + std::to_string(rule.min_length));
  }
  if (rule.max_length != 0 && *size > rule.max_length) {
    violations.add(
        path, rendered,
        "Member must have length less than or equal to " + std::to_string(rule.max_length));
  }
}

// A required member whose only constraint is to be present (an Item, a Key).
inline void check_present(Violations& violations, std::string_view path, bool present) {
  if (!present) {
    violations.add(path, std::nullopt, "Member must not be null");
  }
}

// The prefix of DynamoDB's messages for rules that relate members or values.
inline constexpr std::string_view kInvalidParameters =
    "One or more parameter values were invalid: ";

// A ValidationException with kInvalidParameters before `message`.
inline ApiError invalid_parameters(std::string_view message) {
  return ApiError::validation(std::string(kInvalidParameters) + std::string(message));
}

// TableName as the API model constrains it (every operation but the table-level ones, which
// check the length first with a message of their own). Pattern first: ListTables'
// exclusiveStartTableName (recorded); CreateTable's tableName and a restore's targetTableName
// (not recorded, kept).
inline constexpr StringRule kTableNameRule{
    .required = true, .min_length = 3, .max_length = 255, .name_pattern = true};
// An index name where the index is required (index definitions and updates); Query and Scan
// take IndexName as optional. Length first: CreateTable's globalSecondaryIndexes and
// UpdateTable's create (DDB-TABLE-457); local indexes, UpdateTable's update and delete and a
// restore's overrides share the member (inferred).
inline constexpr StringRule kIndexNameRule{.required = true,
                                           .min_length = 3,
                                           .max_length = 255,
                                           .name_pattern = true,
                                           .pattern_order = PatternOrder::kAfterLength};

}  // namespace ddblocal::wire
