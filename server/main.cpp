// ddblocal: parse the configuration, open the store, serve until a signal.
#include <thread>

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include "server/authenticator.h"
#include "server/config.h"
#include "server/cors.h"
#include "server/front_end.h"
#include "server/health.h"
#include "server/housekeeping.h"
#include "server/logging.h"
#include "server/metrics.h"
#include "server/router.h"
#include "server/server.h"
#include "server/tls.h"
#include "storage/store.h"

namespace {

// Every connection holds a file descriptor, and the usual soft limit (1024) would refuse clients
// past about a thousand; the hard limit is what the administrator allows, so take all of it.
void raise_open_files_limit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) {
    return;
  }
  rlim_t wanted = limit.rlim_max;
  limit.rlim_cur = wanted;
  if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) {
    spdlog::debug("cannot raise the open files limit to {}", wanted);
  }
}

ddblocal::NamespaceMode namespace_mode(const ddblocal::Config& config) {
  using ddblocal::NamespaceMode;
  return config.shared_db           ? NamespaceMode::kShared
         : config.namespace_per_key ? NamespaceMode::kAccessKeyAndRegion
                                    : NamespaceMode::kRegion;
}

// Serves until a signal; the process exit code.
int serve(const ddblocal::Config& config, ddblocal::storage::Store& store) {
  using namespace ddblocal;
  Authenticator authenticator(config.auth == "verify" ? AuthMode::kVerify : AuthMode::kAcceptAny,
                              config.credentials, namespace_mode(config));
  Router router(store, authenticator, config.s3_root);
  CorsPolicy cors(config.cors);
  Metrics metrics(router.operations());
  FrontEnd front_end(router, cors, metrics, store);
  try {
    std::unique_ptr<ssl::context> tls;
    if (!config.tls_cert.empty()) {
      tls = load_server_tls(config.tls_cert, config.tls_key);
    }
    SessionTimeouts timeouts{std::chrono::seconds(config.request_timeout_seconds),
                             std::chrono::seconds(config.idle_timeout_seconds)};
    Server server(config.host, config.port, front_end, timeouts, tls.get());
    unsigned threads =
        config.threads ? config.threads : std::max(1u, std::thread::hardware_concurrency());
    spdlog::info("ddblocal {} listening on {}://{}:{} ({}, {} threads)", DDBLOCAL_VERSION,
                 tls ? "https" : "http", config.host, server.port(),
                 config.in_memory ? "in memory" : config.data_dir, threads);
    server.run(threads);
  } catch (const std::exception& error) {
    spdlog::critical("cannot serve on {}:{}: {}", config.host, config.port, error.what());
    return 1;
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace ddblocal;
  ParsedConfig parsed = parse_config(argc, argv);
  if (!parsed.config) {
    return parsed.exit_code;
  }
  const Config& config = *parsed.config;
  if (config.health_check) {
    return probe_health(config.host, config.port, !config.tls_cert.empty(), std::chrono::seconds(5))
               ? 0
               : 1;
  }
  configure_logging(config.log_level,
                    config.log_format == "json" ? LogFormat::kJson : LogFormat::kText);
  raise_open_files_limit();

  storage::StoreOptions options;
  options.path = config.data_dir;
  options.in_memory = config.in_memory;
  options.sync_writes = config.sync_writes;
  options.transient_status_delay =
      std::chrono::milliseconds(static_cast<std::int64_t>(config.transient_status_seconds * 1000));
  Result<std::unique_ptr<storage::Store>> store = storage::Store::open(options);
  if (!store) {
    spdlog::critical("cannot open the database: {}", store.error().message());
    return 1;
  }
  if (int format = (*store)->migrated_from_format()) {
    spdlog::info("migrated {} from data format {}: Scan now returns DynamoDB's order",
                 config.data_dir, format);
  }
  Housekeeping housekeeping(**store, housekeeping_options(config.ttl_sweep_interval_seconds));
  if (int exit_code = serve(config, **store); exit_code != 0) {
    return exit_code;
  }
  housekeeping.stop();
  // Every acknowledged write is in the WAL already; flushing makes the next start-up replay
  // nothing.
  if (Result<void> flushed = (*store)->flush(); !flushed) {
    spdlog::error("flush at shutdown failed: {}", flushed.error().message());
    return 1;
  }
  spdlog::info("stopped");
  return 0;
}
