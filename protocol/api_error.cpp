#include "protocol/api_error.h"

namespace ddblocal {

ApiError ApiError::transaction_canceled(std::vector<CancellationReason> reasons) {
  std::string message =
      "Transaction cancelled, please refer cancellation reasons for specific reasons [";
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    message.append(i > 0 ? ", " : "").append(reasons[i].code);
  }
  message.append("]");
  ApiError error(ErrorType::kTransactionCanceled, std::move(message));
  error.cancellation_reasons_ = std::move(reasons);
  return error;
}

std::string_view ApiError::type_name() const {
  switch (type_) {
    case ErrorType::kValidation:
      return "com.amazon.coral.validate#ValidationException";
    case ErrorType::kSerialization:
      return "com.amazon.coral.service#SerializationException";
    case ErrorType::kUnknownOperation:
      return "com.amazon.coral.service#UnknownOperationException";
    case ErrorType::kResourceNotFound:
      return "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException";
    case ErrorType::kResourceInUse:
      return "com.amazonaws.dynamodb.v20120810#ResourceInUseException";
    case ErrorType::kConditionalCheckFailed:
      return "com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException";
    case ErrorType::kTransactionCanceled:
      return "com.amazonaws.dynamodb.v20120810#TransactionCanceledException";
    case ErrorType::kTransactionInProgress:
      return "com.amazonaws.dynamodb.v20120810#TransactionInProgressException";
    case ErrorType::kIdempotentParameterMismatch:
      return "com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException";
    case ErrorType::kLimitExceeded:
      return "com.amazonaws.dynamodb.v20120810#LimitExceededException";
    case ErrorType::kInternalServerError:
      return "com.amazonaws.dynamodb.v20120810#InternalServerError";
    case ErrorType::kInternalFailure:
      return "com.amazon.coral.service#InternalFailure";
    case ErrorType::kMissingAuthenticationToken:
      return "com.amazon.coral.service#MissingAuthenticationTokenException";
    case ErrorType::kIncompleteSignature:
      return "com.amazon.coral.service#IncompleteSignatureException";
    case ErrorType::kInvalidSignature:
      return "com.amazon.coral.service#InvalidSignatureException";
    case ErrorType::kUnrecognizedClient:
      return "com.amazon.coral.service#UnrecognizedClientException";
  }
  return "com.amazonaws.dynamodb.v20120810#InternalServerError";
}

unsigned ApiError::http_status() const {
  return type_ == ErrorType::kInternalServerError || type_ == ErrorType::kInternalFailure ? 500
                                                                                          : 400;
}

}  // namespace ddblocal
