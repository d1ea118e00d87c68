#include "server/logging.h"

#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>
#include <string>

#include <spdlog/pattern_formatter.h>
#include <spdlog/spdlog.h>

#include "server/response.h"

namespace ddblocal {
namespace {

void append_json_string(spdlog::memory_buf_t& out, std::string_view text) {
  static constexpr char kDigits[] = "0123456789abcdef";
  out.push_back('"');
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (byte < 0x20) {
      const char escape[] = {'\\', 'u', '0', '0', kDigits[byte >> 4], kDigits[byte & 0xf]};
      out.append(escape, escape + sizeof escape);
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
}

void append(spdlog::memory_buf_t& out, std::string_view text) {
  out.append(text.data(), text.data() + text.size());
}

// {"time":"2026-12-05T19:30:00.123Z","level":"info","message":"...","request_id":"..."}
class JsonFormatter : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& message, spdlog::memory_buf_t& out) override {
    const auto since_epoch = message.time.time_since_epoch();
    const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(since_epoch);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(since_epoch - seconds).count();
    const std::time_t time = seconds.count();
    std::tm utc{};
    gmtime_r(&time, &utc);
    char stamp[64];
    std::snprintf(stamp, sizeof stamp, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900,
                  utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                  static_cast<int>(millis));
    append(out, R"({"time":")");
    append(out, stamp);
    append(out, R"(","level":)");
    const auto level = spdlog::level::to_string_view(message.level);
    append_json_string(out, std::string_view(level.data(), level.size()));
    append(out, R"(,"message":)");
    append_json_string(out, std::string_view(message.payload.data(), message.payload.size()));
    if (std::string_view id = current_request_id(); !id.empty()) {
      append(out, R"(,"request_id":)");
      append_json_string(out, id);
    }
    append(out, "}\n");
  }
  std::unique_ptr<spdlog::formatter> clone() const override {
    return std::make_unique<JsonFormatter>();
  }
};

// %R in a text pattern: " [request <id>]" while a request is being answered, else nothing.
class RequestIdFlag : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg&, const std::tm&, spdlog::memory_buf_t& out) override {
    if (std::string_view id = current_request_id(); !id.empty()) {
      append(out, " [request ");
      append(out, id);
      append(out, "]");
    }
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<RequestIdFlag>();
  }
};

}  // namespace

void configure_logging(std::string_view level, LogFormat format) {
  spdlog::set_level(spdlog::level::from_str(std::string(level)));
  if (format == LogFormat::kJson) {
    spdlog::set_formatter(std::make_unique<JsonFormatter>());
    return;
  }
  auto formatter = std::make_unique<spdlog::pattern_formatter>();
  formatter->add_flag<RequestIdFlag>('R').set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%^%l%$]%R %v");
  spdlog::set_formatter(std::move(formatter));
}

}  // namespace ddblocal
