#include "server/health.h"

#include <iostream>

#include "server/credential_scope.h"
#include "server/header_text.h"
#include "server/response.h"
#include "server/tls.h"

namespace ddblocal {
namespace {

constexpr std::string_view kHealthy = "healthy: ";

// A GET / and its answer's status and body over `stream`, within the stream's deadline.
template <typename Stream>
net::awaitable<void> get_root(Stream& stream, const std::string& host, bool& healthy,
                              std::string& problem) {
  HttpRequest request(http::verb::get, "/", 11);
  request.set(http::field::host, host);
  request.keep_alive(false);
  beast::error_code error;
  co_await http::async_write(stream, request, net::redirect_error(net::use_awaitable, error));
  beast::flat_buffer buffer;
  HttpResponse response;
  if (!error) {
    co_await http::async_read(stream, buffer, response,
                              net::redirect_error(net::use_awaitable, error));
  }
  if (error) {
    problem = error.message();
  } else if (response.result() != http::status::ok || !response.body().starts_with(kHealthy)) {
    problem = concat("answered ", std::to_string(response.result_int()), " ", response.body());
  } else {
    healthy = true;
  }
}

net::awaitable<void> probe(const std::string& host, std::uint16_t port, bool tls,
                           std::chrono::milliseconds timeout, bool& healthy, std::string& problem) {
  auto executor = co_await net::this_coro::executor;
  beast::tcp_stream stream(executor);
  stream.expires_after(timeout);
  beast::error_code error;
  tcp::endpoint endpoint(net::ip::make_address(host, error), port);
  if (error) {
    problem = "not an IP address: " + host;
    co_return;
  }
  co_await stream.async_connect(endpoint, net::redirect_error(net::use_awaitable, error));
  if (error) {
    problem = error.message();
    co_return;
  }
  const std::string authority = host + ":" + std::to_string(port);
  if (!tls) {
    co_await get_root(stream, authority, healthy, problem);
    co_return;
  }
  // The check proves the server answers, not who it is: any certificate will do.
  ssl::context context(ssl::context::tls_client);
  context.set_verify_mode(ssl::verify_none);
  TlsStream tls_stream(stream, context);
  co_await tls_stream.async_handshake(ssl::stream_base::client,
                                      net::redirect_error(net::use_awaitable, error));
  if (error) {
    problem = "TLS handshake: " + error.message();
    co_return;
  }
  co_await get_root(tls_stream, authority, healthy, problem);
}

}  // namespace

HttpResponse health_response(const HttpRequest& request) {
  std::string host(to_std(request[http::field::host]));
  if (host.empty()) {
    host = concat("dynamodb.", kDefaultRegion, ".amazonaws.com");
  }
  return make_plain_response(http::status::ok, std::string(kHealthy) + host + " ", request,
                             "text/plain");
}

bool probe_health(const std::string& host, std::uint16_t port, bool tls,
                  std::chrono::milliseconds timeout) {
  // A server listening on every address answers on loopback.
  const std::string address = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host;
  net::io_context io_context;
  bool healthy = false;
  std::string problem;
  net::co_spawn(io_context, probe(address, port, tls, timeout, healthy, problem), net::detached);
  io_context.run();
  if (!healthy) {
    std::cerr << "ddblocal at " << address << ":" << port << " is not healthy: " << problem << "\n";
  }
  return healthy;
}

}  // namespace ddblocal
