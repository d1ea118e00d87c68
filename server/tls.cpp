#include "server/tls.h"

#include <stdexcept>

namespace ddblocal {
namespace {

std::runtime_error tls_error(const std::string& what, const std::string& path,
                             const beast::error_code& error) {
  return std::runtime_error("cannot use " + what + " " + path + ": " + error.message());
}

}  // namespace

std::unique_ptr<ssl::context> load_server_tls(const std::string& certificate_path,
                                              const std::string& key_path) {
  auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                       ssl::context::no_sslv3 | ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 |
                       ssl::context::single_dh_use);
  beast::error_code error;
  context->use_certificate_chain_file(certificate_path, error);
  if (error) {
    throw tls_error("the TLS certificate", certificate_path, error);
  }
  context->use_private_key_file(key_path, ssl::context::pem, error);
  if (error) {
    throw tls_error("the TLS private key", key_path, error);
  }
  if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
    throw std::runtime_error("the TLS private key " + key_path +
                             " does not match the certificate " + certificate_path);
  }
  return context;
}

}  // namespace ddblocal
