#include "server/http_session.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <type_traits>

#include <spdlog/spdlog.h>

namespace ddblocal {
namespace {

// The read buffer an idle connection may keep from its last request: enough for an ordinary
// request, so that the next one reads without growing it again.
constexpr std::size_t kIdleBufferBytes = 16 * 1024;
constexpr std::chrono::seconds kTlsGoodbyeTimeout{1};

// A deadline for one phase of a request: waiting for it, reading it, writing its answer. When it
// passes it cancels what the connection waits for (tcp_stream's own expiry closes the socket,
// which leaves no way to send 408). It moves lazily: arming only records the new deadline, and
// the timer, once it fires, waits again for the deadline as it stands then. Since each request
// moves the deadline later, the timer is re-armed about once a timeout rather than several times
// a request (each a timerfd_settime system call).
class Deadline {
 public:
  explicit Deadline(beast::tcp_stream& stream) : state_(std::make_shared<State>(stream)) {}
  ~Deadline() { state_->timer.cancel(); }
  Deadline(const Deadline&) = delete;
  Deadline& operator=(const Deadline&) = delete;

  void arm(std::chrono::seconds timeout) {
    state_->expired = false;
    state_->deadline = std::chrono::steady_clock::now() + timeout;
    if (!state_->waiting || state_->timer.expiry() > state_->deadline) {
      wait(state_);
    }
  }
  void disarm() { state_->deadline = std::chrono::steady_clock::time_point::max(); }
  bool expired() const { return state_->expired; }

 private:
  struct State {
    explicit State(beast::tcp_stream& stream) : stream(stream), timer(stream.get_executor()) {}
    beast::tcp_stream& stream;
    net::steady_timer timer;
    std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
    // Which wait is current: one the timer completed just as it was moved comes late.
    std::uint64_t wait_number = 0;
    bool waiting = false;
    bool expired = false;
  };

  // Runs on the connection's strand (the timer's executor), like the session itself. It holds
  // the state weakly: once the session has ended, it must touch nothing.
  static void wait(const std::shared_ptr<State>& state) {
    state->waiting = true;
    state->timer.expires_at(state->deadline);
    state->timer.async_wait([weak = std::weak_ptr<State>(state),
                             number = ++state->wait_number](beast::error_code error) {
      std::shared_ptr<State> state = weak.lock();
      if (error || !state || number != state->wait_number) {
        return;
      }
      state->waiting = false;
      if (state->deadline == std::chrono::steady_clock::time_point::max()) {
        return;  // disarmed: the next arm waits again
      }
      if (state->deadline > std::chrono::steady_clock::now()) {
        wait(state);  // moved later since this wait began
        return;
      }
      state->expired = true;
      beast::error_code ignored;
      state->stream.socket().cancel(ignored);
    });
  }

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

// Waits for the first bytes of the next request by reading them into `buffer` (empty), with
// the room it kept from the last request. A read rather than a wait for readability: over TLS,
// decrypted bytes may already wait inside the TLS layer where the socket cannot see them; on a
// plain socket, Asio re-registers a wait with epoll each time (an epoll_ctl per request), while a
// read after one that drained the socket waits for epoll's next event without a system call.
template <typename Stream>
net::awaitable<void> wait_for_request(Stream& stream, beast::flat_buffer& buffer,
                                      beast::error_code& error) {
  constexpr std::size_t kFirstReadBytes = 1024;
  std::size_t read =
      co_await stream.async_read_some(buffer.prepare(std::max(buffer.capacity(), kFirstReadBytes)),
                                      net::redirect_error(net::use_awaitable, error));
  buffer.commit(read);
}

// Parses what `buffer` already holds into `parser`, as http::async_read would first do. Done
// here, it spares the post beast makes when a request needs no further read: a trip through the
// scheduler (and an epoll_wait) per request. Leaves `parser` not done when more must be read.
void parse_buffered(http::request_parser<http::string_body>& parser, beast::flat_buffer& buffer,
                    beast::error_code& error) {
  parser.eager(true);
  while (!parser.is_done() && buffer.size() > 0) {
    std::size_t used = parser.put(buffer.data(), error);
    buffer.consume(used);
    if (error == http::error::need_more) {
      error = {};
      return;
    }
    if (error || used == 0) {
      return;
    }
  }
}

// Sends `response`. On a plain socket (non-blocking) it is first written at once: an answer
// that fits the socket's buffer, as nearly all do, then completes without the post Asio makes
// for an asynchronous write that needed no wait. What does not fit is written as the client
// reads it.
template <typename Stream>
net::awaitable<void> write_response(Stream& stream, HttpResponse& response,
                                    beast::error_code& error) {
  http::response_serializer<http::string_body> serializer(response);
  if constexpr (!std::is_same_v<Stream, TlsStream>) {
    if (stream.socket().non_blocking()) {
      http::write(stream.socket(), serializer, error);
      if (error != net::error::would_block) {
        co_return;
      }
      error = {};
    }
  }
  co_await http::async_write(stream, serializer, net::redirect_error(net::use_awaitable, error));
}

template <typename Stream>
net::awaitable<void> serve_requests(Stream& stream, LiveSession& session, const FrontEnd& front_end,
                                    Sessions& sessions, SessionTimeouts timeouts) {
  Deadline deadline(session.stream);
  beast::flat_buffer buffer;
  beast::error_code error;
  session.stream.expires_never();  // left from a TLS handshake
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
    http::request_parser<http::string_body> parser;
    parser.header_limit(kMaxRequestHeaderBytes);
    parser.body_limit(kMaxRequestBodyBytes);
    deadline.arm(timeouts.request);
    parse_buffered(parser, buffer, error);
    if (!error && !parser.is_done()) {
      co_await http::async_read(stream, buffer, parser,
                                net::redirect_error(net::use_awaitable, error));
    }
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
    deadline.arm(timeouts.request);
    co_await write_response(stream, response, error);
    deadline.disarm();
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
    beast::error_code ignored;  // if it fails, answers are written asynchronously only
    session->stream.socket().non_blocking(true, ignored);
    co_await serve_requests(session->stream, *session, front_end, sessions, timeouts);
  }
  beast::error_code error;
  session->stream.socket().shutdown(tcp::socket::shutdown_send, error);
}

}  // namespace ddblocal
