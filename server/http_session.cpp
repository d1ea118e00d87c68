#include "server/http_session.h"

#include <memory>
#include <type_traits>

#include <spdlog/spdlog.h>

namespace ddblocal {
namespace {

// The read buffer an idle connection may keep from its last request: enough for an ordinary
// request, so that the next one reads without growing it again.
constexpr std::size_t kIdleBufferBytes = 16 * 1024;
constexpr std::chrono::seconds kTlsGoodbyeTimeout{1};

// A deadline for waiting for, then reading, one request. tcp_stream's own expiry closes the
// socket when it fires, which leaves no way to answer; this one only cancels the wait or the
// read, so that the session can still send 408 before it closes.
class ReadDeadline {
 public:
  explicit ReadDeadline(beast::tcp_stream& stream) : state_(std::make_shared<State>(stream)) {}
  ~ReadDeadline() { state_->timer.cancel(); }
  ReadDeadline(const ReadDeadline&) = delete;
  ReadDeadline& operator=(const ReadDeadline&) = delete;

  void arm(std::chrono::seconds timeout) {
    state_->expired = false;
    state_->timer.expires_after(timeout);
    // Runs on the connection's strand (the timer's executor), like the session itself. It holds
    // the state weakly: once the session has ended, it must touch nothing.
    state_->timer.async_wait([weak = std::weak_ptr<State>(state_)](beast::error_code error) {
      std::shared_ptr<State> state = weak.lock();
      // A wait that completed just as the deadline was moved finds the expiry in the future.
      if (error || !state || state->timer.expiry() > std::chrono::steady_clock::now()) {
        return;
      }
      state->expired = true;
      beast::error_code ignored;
      state->stream.socket().cancel(ignored);
    });
  }
  void disarm() { state_->timer.expires_at(std::chrono::steady_clock::time_point::max()); }
  bool expired() const { return state_->expired; }

 private:
  struct State {
    explicit State(beast::tcp_stream& stream) : stream(stream), timer(stream.get_executor()) {}
    beast::tcp_stream& stream;
    net::steady_timer timer;
    bool expired = false;
  };
  std::shared_ptr<State> state_;
};

// The answer to a request that broke HTTP's rules or our limits; the connection closes after.
HttpResponse broken_request_response(const beast::error_code& error, const HttpRequest& request) {
  HttpResponse response =
      error == http::error::body_limit
          ? make_too_large_response(request)
          : make_error_response(
                ApiError::serialization("Malformed HTTP request: " + error.message()), request);
  response.keep_alive(false);
  return response;
}

// The answer to a request that did not arrive in time. DynamoDB documents no error for this
// (its front end answers it before the service sees anything); the type is the one the AWS SDKs
// already treat as a transient error worth a retry.
HttpResponse timed_out_response(const HttpRequest& request) {
  HttpResponse response =
      make_response(http::status::request_timeout,
                    R"({"__type":"com.amazon.coral.service#RequestTimeoutException",)"
                    R"("message":"The request was not received within the request timeout"})",
                    request);
  response.keep_alive(false);
  return response;
}

// The read errors that end a connection without an answer: the client went away.
bool ends_connection(const beast::error_code& error) {
  return error == http::error::end_of_stream || error == net::error::connection_reset ||
         error == net::error::eof || error == net::error::operation_aborted ||
         error == ssl::error::stream_truncated;
}

// Waits for the first bytes of the next request. On a plain connection the wait holds no buffer
// (an idle connection costs little); over TLS, decrypted bytes may already wait inside the TLS
// layer where the socket cannot see them, so the wait is a first read.
template <typename Stream>
net::awaitable<void> wait_for_request(Stream& stream, beast::flat_buffer& buffer,
                                      beast::error_code& error) {
  if constexpr (std::is_same_v<Stream, TlsStream>) {
    constexpr std::size_t kFirstReadBytes = 1024;
    std::size_t read = co_await stream.async_read_some(
        buffer.prepare(kFirstReadBytes), net::redirect_error(net::use_awaitable, error));
    buffer.commit(read);
  } else {
    co_await stream.socket().async_wait(tcp::socket::wait_read,
                                        net::redirect_error(net::use_awaitable, error));
  }
}

template <typename Stream>
net::awaitable<void> serve_requests(Stream& stream, LiveSession& session, const FrontEnd& front_end,
                                    Sessions& sessions, SessionTimeouts timeouts) {
  ReadDeadline deadline(session.stream);
  beast::flat_buffer buffer;
  beast::error_code error;
  while (!sessions.shutting_down()) {
    if (buffer.size() == 0) {
      // Idle until the next request begins, holding no more than a small buffer meanwhile (a
      // big request leaves a big one): the idle timeout or a shutdown closes the connection
      // without a word.
      if (buffer.capacity() > kIdleBufferBytes) {
        buffer.shrink_to_fit();
      }
      session.idle = true;
      deadline.arm(timeouts.idle);
      co_await wait_for_request(stream, buffer, error);
      deadline.disarm();
      session.idle = false;
      if (error) {
        break;
      }
    }
    // The request has begun: the rest of it, header and body, must come within the timeout.
    session.stream.expires_never();  // left from the last write
    http::request_parser<http::string_body> parser;
    parser.header_limit(kMaxRequestHeaderBytes);
    parser.body_limit(kMaxRequestBodyBytes);
    deadline.arm(timeouts.request);
    co_await http::async_read(stream, buffer, parser,
                              net::redirect_error(net::use_awaitable, error));
    deadline.disarm();
    HttpResponse response;
    if (deadline.expired()) {
      response = timed_out_response(parser.get());
    } else if (ends_connection(error)) {
      break;
    } else {
      response =
          error ? broken_request_response(error, parser.get()) : front_end.answer(parser.get());
    }
    if (sessions.shutting_down()) {
      response.keep_alive(false);
    }
    // A client that does not read its answer is closed once the timeout passes.
    session.stream.expires_after(timeouts.request);
    co_await http::async_write(stream, response, net::redirect_error(net::use_awaitable, error));
    if (error || !response.keep_alive()) {
      break;
    }
  }
}

net::awaitable<void> serve_tls(LiveSession& session, ssl::context& context,
                               const FrontEnd& front_end, Sessions& sessions,
                               SessionTimeouts timeouts) {
  TlsStream stream(session.stream, context);
  beast::error_code error;
  session.stream.expires_after(timeouts.request);
  co_await stream.async_handshake(ssl::stream_base::server,
                                  net::redirect_error(net::use_awaitable, error));
  if (error) {
    spdlog::debug("TLS handshake failed: {}", error.message());
    co_return;
  }
  co_await serve_requests(stream, session, front_end, sessions, timeouts);
  // Says goodbye (close_notify), but waits little for the client's: many never answer it.
  session.stream.expires_after(kTlsGoodbyeTimeout);
  co_await stream.async_shutdown(net::redirect_error(net::use_awaitable, error));
}

}  // namespace

net::awaitable<void> serve_http_session(tcp::socket socket, const FrontEnd& front_end,
                                        Sessions& sessions, SessionTimeouts timeouts,
                                        ssl::context* tls) {
  Sessions::Handle session = sessions.add(std::move(socket));
  if (tls != nullptr) {
    co_await serve_tls(*session, *tls, front_end, sessions, timeouts);
  } else {
    co_await serve_requests(session->stream, *session, front_end, sessions, timeouts);
  }
  beast::error_code error;
  session->stream.socket().shutdown(tcp::socket::shutdown_send, error);
}

}  // namespace ddblocal
