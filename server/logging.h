// The log's format: spdlog's text lines, or one JSON object a line (--log-format json) for log
// collectors. Both carry the id of the request a line is about, when there is one.
#pragma once

#include <string_view>

namespace ddblocal {

enum class LogFormat { kText, kJson };

// Sets the default logger's level ("trace" ... "off") and format.
void configure_logging(std::string_view level, LogFormat format);

}  // namespace ddblocal
