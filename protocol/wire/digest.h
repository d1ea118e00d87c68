// The digest of a JSON member as sent: what tells a retry of a request from a different request
// under the same ClientRequestToken, or a NextToken's statement from another. Internal to the
// wire layer.
#pragma once

#include <string>
#include <string_view>

#include "protocol/wire/json.h"

namespace ddblocal::wire {

// SHA-256 (32 raw bytes) of `json` written as compact JSON.
std::string digest_of(const JsonValue& json);

// SHA-256 (32 raw bytes) of `bytes`.
std::string digest_of(std::string_view bytes);

}  // namespace ddblocal::wire
