// ApiError: a failure that DynamoDB would report to the client, as a value. Each factory is
// named for the DynamoDB error it produces, so call sites read like the AWS docs.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/item_fwd.h"

namespace ddblocal {

enum class ErrorType {
  kValidation,
  kSerialization,
  kUnknownOperation,
  kResourceNotFound,
  kResourceInUse,
  kConditionalCheckFailed,
  kDuplicateItem,
  kTransactionCanceled,
  kTransactionInProgress,
  kIdempotentParameterMismatch,
  kLimitExceeded,
  kExpiredIterator,
  kTrimmedDataAccess,
  kInternalServerError,
  // The control plane's: tags, policies, backups, exports and imports.
  kAccessDenied,
  kPolicyNotFound,
  kTableNotFound,
  kTableAlreadyExists,
  kTableInUse,
  kBackupNotFound,
  kBackupInUse,
  kExportNotFound,
  kExportConflict,
  kInvalidExportTime,
  kImportNotFound,
  kImportConflict,
  kPointInTimeRecoveryUnavailable,
  kInvalidRestoreTime,
  // Failures of the HTTP front end, before any operation runs.
  kInternalFailure,
  kMissingAuthenticationToken,
  kIncompleteSignature,
  kInvalidSignature,
  kUnrecognizedClient,
};

// Why one action of a canceled transaction failed, or "None" for an action that did not:
// TransactionCanceledException lists one per action, in the order of the request.
struct CancellationReason {
  std::string code;     // "None", "ConditionalCheckFailed", "ValidationError", ...
  std::string message;  // empty for "None"
  // The item as it was, for ConditionalCheckFailed with ALL_OLD; else null.
  std::shared_ptr<const Item> item;
};

class ApiError {
 public:
  ApiError() = default;
  ApiError(ErrorType type, std::string message) : type_(type), message_(std::move(message)) {}

  static ApiError validation(std::string message) {
    return {ErrorType::kValidation, std::move(message)};
  }
  static ApiError serialization(std::string message) {
    return {ErrorType::kSerialization, std::move(message)};
  }
  // DynamoDB sends no message with this one.
  static ApiError unknown_operation() { return {ErrorType::kUnknownOperation, ""}; }
  static ApiError resource_not_found(std::string message) {
    return {ErrorType::kResourceNotFound, std::move(message)};
  }
  static ApiError resource_in_use(std::string message) {
    return {ErrorType::kResourceInUse, std::move(message)};
  }
  // `item`, when given, is the item as it was (ReturnValuesOnConditionCheckFailure ALL_OLD).
  static ApiError conditional_check_failed(std::shared_ptr<const Item> item = nullptr) {
    ApiError error(ErrorType::kConditionalCheckFailed, "The conditional request failed");
    error.item_ = std::move(item);
    return error;
  }
  // A PartiQL INSERT of an item that exists.
  static ApiError duplicate_item() {
    return {ErrorType::kDuplicateItem, "Duplicate primary key exists in table"};
  }
  // The message names each reason's code in order, as DynamoDB's does.
  static ApiError transaction_canceled(std::vector<CancellationReason> reasons);
  static ApiError transaction_in_progress(std::string message) {
    return {ErrorType::kTransactionInProgress, std::move(message)};
  }
  static ApiError idempotent_parameter_mismatch(std::string message) {
    return {ErrorType::kIdempotentParameterMismatch, std::move(message)};
  }
  static ApiError limit_exceeded(std::string message) {
    return {ErrorType::kLimitExceeded, std::move(message)};
  }
  // DynamoDB Streams: a shard iterator past its lifetime, or one that points at records trimmed
  // away.
  static ApiError expired_iterator(std::string message) {
    return {ErrorType::kExpiredIterator, std::move(message)};
  }
  static ApiError trimmed_data_access(std::string message) {
    return {ErrorType::kTrimmedDataAccess, std::move(message)};
  }
  static ApiError internal(std::string message) {
    return {ErrorType::kInternalServerError, std::move(message)};
  }
  static ApiError access_denied() { return {ErrorType::kAccessDenied, "Access is denied"}; }
  static ApiError policy_not_found(std::string message) {
    return {ErrorType::kPolicyNotFound, std::move(message)};
  }
  // "Table not found: <name>", as the backup operations word it.
  static ApiError table_not_found(std::string_view name) {
    return {ErrorType::kTableNotFound, "Table not found: " + std::string(name)};
  }
  static ApiError table_already_exists(std::string_view name) {
    return {ErrorType::kTableAlreadyExists, "Table already exists: " + std::string(name)};
  }
  static ApiError table_in_use(std::string message) {
    return {ErrorType::kTableInUse, std::move(message)};
  }
  static ApiError backup_not_found(std::string_view arn) {
    return {ErrorType::kBackupNotFound, "Backup not found: " + std::string(arn)};
  }
  static ApiError backup_in_use(std::string message) {
    return {ErrorType::kBackupInUse, std::move(message)};
  }
  static ApiError export_not_found(std::string message) {
    return {ErrorType::kExportNotFound, std::move(message)};
  }
  static ApiError export_conflict() {
    return {ErrorType::kExportConflict,
            "Export conflict: Duplicate request detected with conflicting parameters"};
  }
  static ApiError invalid_export_time(std::string message) {
    return {ErrorType::kInvalidExportTime, std::move(message)};
  }
  static ApiError import_not_found(std::string message) {
    return {ErrorType::kImportNotFound, std::move(message)};
  }
  static ApiError import_conflict(std::string message) {
    return {ErrorType::kImportConflict, std::move(message)};
  }
  // As the Developer Guide's export and restore pages word it.
  static ApiError point_in_time_recovery_unavailable(std::string_view table_name) {
    return {ErrorType::kPointInTimeRecoveryUnavailable,
            "Point in time recovery is not enabled for table '" + std::string(table_name) + "'"};
  }
  // The API reference's description of InvalidRestoreTimeException.
  static ApiError invalid_restore_time() {
    return {ErrorType::kInvalidRestoreTime,
            "RestoreDateTime must be between EarliestRestorableDateTime and "
            "LatestRestorableDateTime."};
  }
  // A request body that cannot be decoded (a Content-Encoding DynamoDB does not know, broken
  // gzip): DynamoDB answers 500 with its front end's generic failure.
  static ApiError internal_failure() {
    return {ErrorType::kInternalFailure,
            "The request processing has failed because of an unknown error, exception or "
            "failure."};
  }
  static ApiError missing_authentication_token() {
    return {ErrorType::kMissingAuthenticationToken, "Request is missing Authentication Token"};
  }
  static ApiError incomplete_signature(std::string message) {
    return {ErrorType::kIncompleteSignature, std::move(message)};
  }
  static ApiError invalid_signature(std::string message) {
    return {ErrorType::kInvalidSignature, std::move(message)};
  }
  static ApiError unrecognized_client() {
    return {ErrorType::kUnrecognizedClient,
            "The security token included in the request is invalid."};
  }

  ErrorType type() const { return type_; }
  const std::string& message() const { return message_; }
  // The item the error carries back to the client, or nullptr.
  const Item* item() const { return item_.get(); }
  // A TransactionCanceledException's reasons; empty for every other error.
  const std::vector<CancellationReason>& cancellation_reasons() const {
    return cancellation_reasons_;
  }

  // The wire name DynamoDB puts in "__type", e.g.
  // "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException".
  std::string_view type_name() const;
  // The HTTP status DynamoDB answers this error with: 500 for internal errors and failures, else
  // 400.
  unsigned http_status() const;

 private:
  ErrorType type_ = ErrorType::kInternalServerError;
  std::string message_;
  std::shared_ptr<const Item> item_;
  std::vector<CancellationReason> cancellation_reasons_;
};

}  // namespace ddblocal
