#include "server/http_session.h"

#include "server/response.h"

namespace ddblocal {
namespace {

// The answer to a request that broke HTTP's rules or our limits; the connection closes after.
HttpResponse broken_request_response(const beast::error_code& error, const HttpRequest& request) {
  ApiError api_error =
      error == http::error::body_limit
          ? ApiError::validation("Request body exceeds the limit of 16777216 bytes")
          : ApiError::serialization("Malformed HTTP request: " + error.message());
  HttpResponse response = make_error_response(api_error, request);
  if (error == http::error::body_limit) {
    response.result(http::status::payload_too_large);
  }
  response.keep_alive(false);
  return response;
}

}  // namespace

net::awaitable<void> serve_http_session(tcp::socket socket, const Router& router,
                                        Sessions& sessions) {
  Sessions::Handle session = sessions.add(std::move(socket));
  beast::tcp_stream& stream = session->stream;
  beast::flat_buffer buffer;
  beast::error_code error;
  while (!sessions.shutting_down()) {
    http::request_parser<http::string_body> parser;
    parser.header_limit(kMaxRequestHeaderBytes);
    parser.body_limit(kMaxRequestBodyBytes);
    stream.expires_after(kRequestTimeout);
    // Idle until the header is in: a shutdown closes the connection meanwhile.
    session->idle = buffer.size() == 0;
    co_await http::async_read_header(stream, buffer, parser,
                                     net::redirect_error(net::use_awaitable, error));
    session->idle = false;
    if (!error) {
      co_await http::async_read(stream, buffer, parser,
                                net::redirect_error(net::use_awaitable, error));
    }
    if (error == http::error::end_of_stream || error == beast::error::timeout ||
        error == net::error::connection_reset || error == net::error::eof ||
        error == net::error::operation_aborted) {
      break;
    }
    HttpResponse response =
        error ? broken_request_response(error, parser.get()) : router.handle(parser.get());
    if (sessions.shutting_down()) {
      response.keep_alive(false);
    }
    stream.expires_after(kRequestTimeout);
    co_await http::async_write(stream, response, net::redirect_error(net::use_awaitable, error));
    if (error || !response.keep_alive()) {
      break;
    }
  }
  stream.socket().shutdown(tcp::socket::shutdown_send, error);
}

}  // namespace ddblocal
