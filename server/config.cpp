#include "server/config.h"

#include <algorithm>
#include <cstdlib>

#include <CLI/CLI.hpp>

namespace ddblocal {
namespace {

// "KEY:SECRET[,KEY:SECRET...]" -> access key -> secret; empty on a malformed list.
std::map<std::string, std::string, std::less<>> parse_credentials(const std::string& text) {
  std::map<std::string, std::string, std::less<>> credentials;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = std::min(text.find(',', start), text.size());
    std::string pair = text.substr(start, end - start);
    std::size_t colon = pair.find(':');
    if (colon == 0 || colon == std::string::npos || colon + 1 == pair.size()) {
      return {};
    }
    credentials[pair.substr(0, colon)] = pair.substr(colon + 1);
    start = end + 1;
  }
  return credentials;
}

}  // namespace

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
  // DDBLOCAL_DATA_DIR sets the default rather than the flag, so that --in-memory (which refuses a
  // --data-dir beside it) still works where the environment names a folder: the container image.
  if (const char* folder = std::getenv("DDBLOCAL_DATA_DIR"); folder != nullptr && *folder != 0) {
    config.data_dir = folder;
  }
  auto* data_dir = app.add_option("--data-dir", config.data_dir,
                                  "Folder of the RocksDB database (env: DDBLOCAL_DATA_DIR)")
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
  app.add_option("--ttl-sweep-interval", config.ttl_sweep_interval_seconds,
                 "Seconds between sweeps that delete items whose Time to Live expired (0: never)")
      ->envname("DDBLOCAL_TTL_SWEEP_INTERVAL")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  app.add_option("--log-format", config.log_format, "text, or json: one object a line")
      ->envname("DDBLOCAL_LOG_FORMAT")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app.add_option("--auth", config.auth,
                 "accept: any SigV4 credentials; verify: only signatures by --credentials")
      ->envname("DDBLOCAL_AUTH")
      ->check(CLI::IsMember({"accept", "verify"}))
      ->capture_default_str();
  std::string credentials;
  app.add_option("--credentials", credentials,
                 "KEY:SECRET[,KEY:SECRET...]: the access keys --auth verify accepts")
      ->envname("DDBLOCAL_CREDENTIALS")
      ->check(
          [](const std::string& text) {
            return parse_credentials(text).empty() ? "expected KEY:SECRET[,KEY:SECRET...]" : "";
          },
          "KEY:SECRET[,KEY:SECRET...]");
  auto* shared_db =
      app.add_flag("--shared-db", config.shared_db, "One namespace of tables for every region")
          ->envname("DDBLOCAL_SHARED_DB");
  app.add_flag("--namespace-per-key", config.namespace_per_key,
               "Tables per access key and region, instead of per region")
      ->envname("DDBLOCAL_NAMESPACE_PER_KEY")
      ->excludes(shared_db);
  app.add_option("--cors", config.cors, "Origins allowed by CORS: * or a comma-separated list")
      ->envname("DDBLOCAL_CORS")
      ->capture_default_str();
  auto* tls_cert =
      app.add_option("--tls-cert", config.tls_cert, "PEM certificate (chain): serve HTTPS")
          ->envname("DDBLOCAL_TLS_CERT");
  auto* tls_key = app.add_option("--tls-key", config.tls_key, "PEM private key of --tls-cert")
                      ->envname("DDBLOCAL_TLS_KEY")
                      ->needs(tls_cert);
  tls_cert->needs(tls_key);
  // Without a value: 2 seconds (default_str is what an option given without a value takes).
  app.add_option("--delay-transient-statuses", config.transient_status_seconds,
                 "Tables and indexes stay CREATING, UPDATING, DELETING for SECONDS (2 when the "
                 "flag has no value); off without the flag")
      ->expected(0, 1)
      ->default_str("2")
      ->envname("DDBLOCAL_DELAY_TRANSIENT_STATUSES")
      ->check(CLI::Range(0.0, 3600.0));
  app.add_flag("--health-check", config.health_check,
               "Check that the server these flags describe answers GET / (exit 0) or not (1)");
  try {
    app.parse(argc, argv);
    config.credentials = parse_credentials(credentials);
    if (config.auth == "verify" && config.credentials.empty()) {
      throw CLI::ValidationError("--auth verify", "needs --credentials KEY:SECRET");
    }
  } catch (const CLI::ParseError& error) {
    return {std::nullopt, app.exit(error)};
  }
  return {config, 0};
}

}  // namespace ddblocal
