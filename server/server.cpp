#include "server/server.h"

#include <thread>
#include <vector>

#include <spdlog/spdlog.h>

#include "server/http_session.h"

namespace ddblocal {

Server::Server(const std::string& host, std::uint16_t port, const FrontEnd& front_end,
               SessionTimeouts timeouts, ssl::context* tls)
    : acceptor_(io_context_, tcp::endpoint(net::ip::make_address(host), port)),
      front_end_(front_end),
      timeouts_(timeouts),
      tls_(tls) {}

net::awaitable<void> Server::accept_connections() {
  net::steady_timer retry_timer(io_context_);
  beast::error_code last_error;
  for (;;) {
    beast::error_code error;
    tcp::socket socket(net::make_strand(io_context_));
    co_await acceptor_.async_accept(socket, net::redirect_error(net::use_awaitable, error));
    if (error == net::error::operation_aborted) {
      co_return;
    }
    if (error) {
      // Once per run of failures: out of descriptors, the same error comes 20 times a second.
      if (error != last_error) {
        spdlog::warn("accept failed: {} (retrying every {} ms)", error.message(),
                     kAcceptRetryDelay.count());
      }
      last_error = error;
      retry_timer.expires_after(kAcceptRetryDelay);
      co_await retry_timer.async_wait(net::redirect_error(net::use_awaitable, error));
      if (!acceptor_.is_open()) {
        co_return;  // shut down while waiting
      }
      continue;
    }
    last_error = {};
    socket.set_option(tcp::no_delay(true), error);
    auto executor = socket.get_executor();
    net::co_spawn(executor,
                  serve_http_session(std::move(socket), front_end_, sessions_, timeouts_, tls_),
                  net::detached);
  }
}

net::awaitable<void> Server::drain() {
  const auto deadline = std::chrono::steady_clock::now() + kDrainTimeout;
  net::steady_timer timer(co_await net::this_coro::executor);
  // Polled: sessions end on many strands, and a shutdown happens once.
  while (!sessions_.empty() && std::chrono::steady_clock::now() < deadline) {
    timer.expires_after(std::chrono::milliseconds(10));
    co_await timer.async_wait(net::use_awaitable);
  }
  if (!sessions_.empty()) {
    spdlog::warn("shutdown: abandoning requests still in progress after {} s",
                 kDrainTimeout.count());
  }
  io_context_.stop();
}

void Server::run(unsigned threads) {
  net::signal_set signals(io_context_, SIGINT, SIGTERM);
  signals.async_wait([this](const beast::error_code&, int signal) {
    spdlog::info("signal {}: shutting down", signal);
    beast::error_code ignored;
    acceptor_.close(ignored);
    sessions_.shut_down();
    net::co_spawn(io_context_, drain(), net::detached);
  });
  net::co_spawn(io_context_, accept_connections(), net::detached);

  std::vector<std::thread> workers;
  for (unsigned i = 1; i < threads; ++i) {
    workers.emplace_back([this] { io_context_.run(); });
  }
  io_context_.run();
  for (std::thread& worker : workers) {
    worker.join();
  }
}

}  // namespace ddblocal
