// The one include of Asio and Beast for the server. Asio 1.74's awaitable.hpp uses
// std::exchange without including <utility>, so <utility> must come first.
#pragma once

#include <string_view>
#include <utility>

#include <boost/asio.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

namespace ddblocal {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = boost::beast::http;
using tcp = boost::asio::ip::tcp;
using HttpRequest = http::request<http::string_body>;
using HttpResponse = http::response<http::string_body>;

// Boost 1.74's string_view is not std::string_view.
inline std::string_view to_std(beast::string_view text) {
  return {text.data(), text.size()};
}
inline beast::string_view to_beast(std::string_view text) {
  return {text.data(), text.size()};
}
}  // namespace ddblocal
