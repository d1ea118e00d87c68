// The revision ids of resource policies.
#pragma once

#include <chrono>
#include <string>

namespace ddblocal {

// A new revision id: the time in milliseconds, as DynamoDB's look.
inline std::string new_revision_id() {
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

}  // namespace ddblocal
