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
    case ErrorType::kDuplicateItem:
      return "com.amazonaws.dynamodb.v20120810#DuplicateItemException";
    case ErrorType::kTransactionCanceled:
      return "com.amazonaws.dynamodb.v20120810#TransactionCanceledException";
    case ErrorType::kTransactionInProgress:
      return "com.amazonaws.dynamodb.v20120810#TransactionInProgressException";
    case ErrorType::kIdempotentParameterMismatch:
      return "com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException";
    case ErrorType::kLimitExceeded:
      return "com.amazonaws.dynamodb.v20120810#LimitExceededException";
    case ErrorType::kExpiredIterator:
      return "com.amazonaws.dynamodb.v20120810#ExpiredIteratorException";
    case ErrorType::kTrimmedDataAccess:
      return "com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException";
    case ErrorType::kInternalServerError:
      return "com.amazonaws.dynamodb.v20120810#InternalServerError";
    case ErrorType::kAccessDenied:
      return "com.amazon.coral.service#AccessDeniedException";
    case ErrorType::kPolicyNotFound:
      return "com.amazonaws.dynamodb.v20120810#PolicyNotFoundException";
    case ErrorType::kTableNotFound:
      return "com.amazonaws.dynamodb.v20120810#TableNotFoundException";
    case ErrorType::kTableAlreadyExists:
      return "com.amazonaws.dynamodb.v20120810#TableAlreadyExistsException";
    case ErrorType::kTableInUse:
      return "com.amazonaws.dynamodb.v20120810#TableInUseException";
    case ErrorType::kBackupNotFound:
      return "com.amazonaws.dynamodb.v20120810#BackupNotFoundException";
    case ErrorType::kBackupInUse:
      return "com.amazonaws.dynamodb.v20120810#BackupInUseException";
    case ErrorType::kExportNotFound:
      return "com.amazonaws.dynamodb.v20120810#ExportNotFoundException";
    case ErrorType::kExportConflict:
      return "com.amazonaws.dynamodb.v20120810#ExportConflictException";
    case ErrorType::kInvalidExportTime:
      return "com.amazonaws.dynamodb.v20120810#InvalidExportTimeException";
    case ErrorType::kImportNotFound:
      return "com.amazonaws.dynamodb.v20120810#ImportNotFoundException";
    case ErrorType::kImportConflict:
      return "com.amazonaws.dynamodb.v20120810#ImportConflictException";
    case ErrorType::kPointInTimeRecoveryUnavailable:
      return "com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException";
    case ErrorType::kInvalidRestoreTime:
      return "com.amazonaws.dynamodb.v20120810#InvalidRestoreTimeException";
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
