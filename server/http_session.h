// One HTTP/1.1 connection: reads requests with limits and timeouts, answers each through the
// router, keeps the connection alive while the client asks for it.
#pragma once

#include "server/asio.h"
#include "server/router.h"
#include "server/sessions.h"

namespace ddblocal {

// DynamoDB's largest request (BatchWriteItem, TransactWriteItems) is 16 MB; a longer body is
// refused from its Content-Length, before it is read.
inline constexpr std::uint64_t kMaxRequestBodyBytes = 16 * 1024 * 1024;
inline constexpr std::uint32_t kMaxRequestHeaderBytes = 64 * 1024;
// How long a connection may take to send a request (or stay idle between requests).
inline constexpr std::chrono::seconds kRequestTimeout{60};

// Serves one accepted connection until the client closes it, it times out, a request breaks
// HTTP or the server shuts down (after answering the request in progress, with
// "Connection: close"). Runs on the socket's executor (a strand per connection).
net::awaitable<void> serve_http_session(tcp::socket socket, const Router& router,
                                        Sessions& sessions);

}  // namespace ddblocal
