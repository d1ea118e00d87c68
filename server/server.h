// Server: the listener and the threads that run every connection.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "server/asio.h"
#include "server/front_end.h"
#include "server/http_session.h"
#include "server/sessions.h"
#include "server/tls.h"

namespace ddblocal {

class Server {
 public:
  // Binds host:port (port 0 picks a free port). Throws on bind failure (start-up only). With
  // `tls` (not null, outliving the server), every connection speaks HTTPS.
  Server(const std::string& host, std::uint16_t port, const FrontEnd& front_end,
         SessionTimeouts timeouts, ssl::context* tls);

  // The port actually bound.
  std::uint16_t port() const { return acceptor_.local_endpoint().port(); }

  // How long a shutdown waits for requests in progress before it abandons them.
  static constexpr std::chrono::seconds kDrainTimeout{10};

  // How long the listener waits after a failed accept (EMFILE: out of file descriptors) before
  // it tries again: the failure repeats until a connection closes, and retrying at once would
  // spin a core.
  static constexpr std::chrono::milliseconds kAcceptRetryDelay{50};

  // Serves on `threads` threads until SIGINT or SIGTERM, then shuts down gracefully: stops
  // accepting, closes idle connections, lets requests in progress finish (for up to
  // kDrainTimeout), and returns.
  void run(unsigned threads);

 private:
  net::awaitable<void> accept_connections();
  net::awaitable<void> drain();

  net::io_context io_context_;
  tcp::acceptor acceptor_;
  const FrontEnd& front_end_;
  SessionTimeouts timeouts_;
  ssl::context* tls_;
  Sessions sessions_;
};

}  // namespace ddblocal
