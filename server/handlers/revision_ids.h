// The revision ids of resource policies.
#pragma once

#include <string>

#include "protocol/clock.h"

namespace ddblocal {

// A new revision id: the time in milliseconds, as DynamoDB's look.
inline std::string new_revision_id() {
  return std::to_string(unix_ms());
}

}  // namespace ddblocal
