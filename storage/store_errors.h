// The ResourceNotFoundException texts of the store. Internal to storage/.
#pragma once

#include <string>
#include <string_view>

#include "protocol/api_error.h"

namespace ddblocal::storage {

// Item operations name no table; table operations do (as DynamoDB words them).
inline ApiError resource_not_found() {
  return ApiError::resource_not_found("Requested resource not found");
}

inline ApiError table_not_found(std::string_view name) {
  return ApiError::resource_not_found("Requested resource not found: Table: " + std::string(name) +
                                      " not found");
}

}  // namespace ddblocal::storage
