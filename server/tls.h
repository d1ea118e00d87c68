// TLS: HTTPS with OpenSSL through Beast's ssl_stream, when --tls-cert and --tls-key are given
// (plain HTTP otherwise, as DynamoDB Local serves).
#pragma once

#include <memory>
#include <string>

#include <boost/asio/ssl.hpp>
#include <boost/beast/ssl.hpp>

#include "server/asio.h"

namespace ddblocal {

namespace ssl = boost::asio::ssl;

// A session's stream over TLS: the TLS layer over the connection's tcp_stream, which the session
// registry keeps (so that a shutdown can cancel it) and deadlines cancel.
using TlsStream = beast::ssl_stream<beast::tcp_stream&>;

// A server context for the PEM certificate chain and private key at these paths: TLS 1.2 and
// later. Throws std::runtime_error naming the file and OpenSSL's reason when one cannot be read
// or they do not match (start-up only).
std::unique_ptr<ssl::context> load_server_tls(const std::string& certificate_path,
                                              const std::string& key_path);

}  // namespace ddblocal
