#include "protocol/api_error.h"

namespace ddblocal {

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
    case ErrorType::kInternalServerError:
      return "com.amazonaws.dynamodb.v20120810#InternalServerError";
  }
  return "com.amazonaws.dynamodb.v20120810#InternalServerError";
}

unsigned ApiError::http_status() const {
  return type_ == ErrorType::kInternalServerError ? 500 : 400;
}

}  // namespace ddblocal
