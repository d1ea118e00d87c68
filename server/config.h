// Config: the server's settings from command-line flags and DDBLOCAL_* environment variables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace ddblocal {

struct Config {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8000;
  std::string data_dir = "./ddblocal-data";
  bool in_memory = false;
  // The folder standing in for S3 (exports and imports): its sub-folders are buckets.
  std::string s3_root;
  bool sync_writes = false;  // fsync every write (storage::StoreOptions::sync_writes)
  std::string log_level = "info";
  unsigned threads = 0;  // 0: one per core
  // How long a client may take to send one request, from its first byte to the end of its body
  // (answered with 408 past it), and to read one response.
  unsigned request_timeout_seconds = 60;
  // How long a keep-alive connection may wait for its next request before it is closed.
  unsigned idle_timeout_seconds = 60;
};

// Parses the command line (flags win over the environment). On --help, --version or a bad
// flag, prints to stdout/stderr and answers the process exit code instead of a Config.
struct ParsedConfig {
  std::optional<Config> config;
  int exit_code = 0;
};
ParsedConfig parse_config(int argc, const char* const* argv);

}  // namespace ddblocal
