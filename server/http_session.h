// One HTTP/1.1 connection, plain or over TLS: reads requests with limits and timeouts, answers
// each through the front end, keeps the connection alive while the client asks for it.
#pragma once

#include <chrono>
#include <cstdint>

#include "server/asio.h"
#include "server/front_end.h"
#include "server/response.h"
#include "server/sessions.h"
#include "server/tls.h"

namespace ddblocal {

inline constexpr std::uint32_t kMaxRequestHeaderBytes = 64 * 1024;

// The timeouts that bound what a slow or silent client can hold: a connection, a buffer, a
// coroutine. Each is a deadline for a whole phase, not for each read, so that a client trickling
// a byte a second is cut off as surely as a silent one.
struct SessionTimeouts {
  // From a request's first byte to the end of its body (past it: 408 and close); also the time
  // a client may take to read one response, or to complete a TLS handshake (past it: close).
  std::chrono::seconds request{60};
  // How long a keep-alive connection may wait for the first byte of its next request (past it:
  // closed without a word, as HTTP lets a server close an idle connection).
  std::chrono::seconds idle{60};
};

// Serves one accepted connection until the client closes it, it times out, a request breaks
// HTTP or the server shuts down (after answering the request in progress, with
// "Connection: close"). With `tls` (not null), the connection first completes a TLS handshake
// and every byte after goes through it. Runs on the socket's executor (a strand per
// connection).
net::awaitable<void> serve_http_session(tcp::socket socket, const FrontEnd& front_end,
                                        Sessions& sessions, SessionTimeouts timeouts,
                                        ssl::context* tls);

}  // namespace ddblocal
