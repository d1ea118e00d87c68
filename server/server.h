// Server: the listener and the threads that run every connection.
#pragma once

#include <cstdint>
#include <string>

#include "server/asio.h"
#include "server/router.h"

namespace ddblocal {

class Server {
 public:
  // Binds host:port (port 0 picks a free port). Throws on bind failure (start-up only).
  Server(const std::string& host, std::uint16_t port, const Router& router);

  // The port actually bound.
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

  // Serves on `threads` threads until SIGINT or SIGTERM, then stops and returns.
  void run(unsigned threads);

 private:
  net::awaitable<void> accept_connections();

  net::io_context io_context_;
  tcp::acceptor acceptor_;
  const Router& router_;
};

}  // namespace ddblocal
