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
  kTransactionCanceled,
  kTransactionInProgress,
  kIdempotentParameterMismatch,
  kLimitExceeded,
  kInternalServerError,
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
  static ApiError internal(std::string message) {
    return {ErrorType::kInternalServerError, std::move(message)};
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
