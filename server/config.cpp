#include "server/config.h"

#include <CLI/CLI.hpp>

namespace ddblocal {

ParsedConfig parse_config(int argc, const char* const* argv) {
  Config config;
  CLI::App app{"ddblocal: a DynamoDB-compatible server on RocksDB", "ddblocal"};
  app.set_version_flag("--version", DDBLOCAL_VERSION);
  app.add_option("--host", config.host, "Address to listen on")
      ->envname("DDBLOCAL_HOST")
      ->capture_default_str();
  app.add_option("--port", config.port, "Port to listen on (0: any free port)")
      ->envname("DDBLOCAL_PORT")
      ->capture_default_str();
  auto* data_dir = app.add_option("--data-dir", config.data_dir, "Folder of the RocksDB database")
                       ->envname("DDBLOCAL_DATA_DIR")
                       ->capture_default_str();
  app.add_flag("--in-memory", config.in_memory, "Keep all data in memory; nothing is saved")
      ->envname("DDBLOCAL_IN_MEMORY")
      ->excludes(data_dir);
  app.add_option("--s3-root", config.s3_root,
                 "Folder standing in for S3 in exports and imports (its sub-folders are buckets)")
      ->envname("DDBLOCAL_S3_ROOT");
  app.add_flag("--sync-writes", config.sync_writes,
               "fsync each write before answering, to survive a power loss (slower)")
      ->envname("DDBLOCAL_SYNC_WRITES");
  app.add_option("--log-level", config.log_level, "trace, debug, info, warn, error or off")
      ->envname("DDBLOCAL_LOG_LEVEL")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}))
      ->capture_default_str();
  app.add_option("--threads", config.threads, "Worker threads (0: one per core)")
      ->envname("DDBLOCAL_THREADS")
      ->capture_default_str();
  app.add_option("--request-timeout", config.request_timeout_seconds,
                 "Seconds a client may take to send a request or read a response")
      ->envname("DDBLOCAL_REQUEST_TIMEOUT")
      ->check(CLI::Range(1u, 86400u))
      ->capture_default_str();
  app.add_option("--idle-timeout", config.idle_timeout_seconds,
                 "Seconds a keep-alive connection may wait between requests")
      ->envname("DDBLOCAL_IDLE_TIMEOUT")
      ->check(CLI::Range(1u, 86400u))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return {std::nullopt, app.exit(error)};
  }
  return {config, 0};
}

}  // namespace ddblocal
