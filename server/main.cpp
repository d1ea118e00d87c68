// ddblocal: parse the configuration, open the store, serve until a signal.
#include <thread>

#include <spdlog/spdlog.h>
#include <sys/resource.h>

#include "server/config.h"
#include "server/router.h"
#include "server/server.h"
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

}  // namespace

int main(int argc, char** argv) {
  using namespace ddblocal;
  ParsedConfig parsed = parse_config(argc, argv);
  if (!parsed.config) {
    return parsed.exit_code;
  }
  const Config& config = *parsed.config;
  spdlog::set_level(spdlog::level::from_str(config.log_level));
  raise_open_files_limit();

  storage::StoreOptions options;
  options.path = config.data_dir;
  options.in_memory = config.in_memory;
  options.sync_writes = config.sync_writes;
  Result<std::unique_ptr<storage::Store>> store = storage::Store::open(options);
  if (!store) {
    spdlog::critical("cannot open the database: {}", store.error().message());
    return 1;
  }
  if (int format = (*store)->migrated_from_format()) {
    spdlog::info("migrated {} from data format {}: Scan now returns DynamoDB's order",
                 config.data_dir, format);
  }
  Router router(**store, config.s3_root);
  try {
    SessionTimeouts timeouts{std::chrono::seconds(config.request_timeout_seconds),
                             std::chrono::seconds(config.idle_timeout_seconds)};
    Server server(config.host, config.port, router, timeouts);
    unsigned threads =
        config.threads ? config.threads : std::max(1u, std::thread::hardware_concurrency());
    spdlog::info("ddblocal {} listening on {}:{} ({}, {} threads)", DDBLOCAL_VERSION, config.host,
                 server.port(), config.in_memory ? "in memory" : config.data_dir, threads);
    server.run(threads);
  } catch (const std::exception& error) {
    spdlog::critical("cannot serve on {}:{}: {}", config.host, config.port, error.what());
    return 1;
  }
  // Every acknowledged write is in the WAL already; flushing makes the next start-up replay
  // nothing.
  if (Result<void> flushed = (*store)->flush(); !flushed) {
    spdlog::error("flush at shutdown failed: {}", flushed.error().message());
    return 1;
  }
  spdlog::info("stopped");
  return 0;
}
