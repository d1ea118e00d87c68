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
  bool sync_writes = false;  // fsync every write (storage::StoreOptions::sync_writes)
  std::string log_level = "info";
  unsigned threads = 0;  // 0: one per core
};

// Parses the command line (flags win over the environment). On --help, --version or a bad
// flag, prints to stdout/stderr and answers the process exit code instead of a Config.
struct ParsedConfig {
  std::optional<Config> config;
  int exit_code = 0;
};
ParsedConfig parse_config(int argc, const char* const* argv);

}  // namespace ddblocal
