#include "server/authenticator.h"

#include <chrono>

#include "server/credential_scope.h"
#include "server/header_text.h"
#include "server/sigv4.h"

namespace ddblocal {
namespace {

std::string namespace_of(NamespaceMode mode, std::string_view region, std::string_view access_key) {
  switch (mode) {
    case NamespaceMode::kRegion:
      return std::string(region);
    case NamespaceMode::kShared:
      return std::string(kDefaultRegion);
    case NamespaceMode::kAccessKeyAndRegion:
      return std::string(region) + "/" + std::string(access_key);
  }
  return std::string(region);
}

sigv4::SignedRequest signed_request_of(const HttpRequest& request) {
  sigv4::SignedRequest signed_request{
      to_std(request.method_string()), to_std(request.target()), {}, request.body()};
  for (const auto& field : request) {
    signed_request.headers.emplace_back(to_std(field.name_string()), to_std(field.value()));
  }
  return signed_request;
}

}  // namespace

Authenticator::Authenticator(AuthMode mode,
                             std::map<std::string, std::string, std::less<>> credentials,
                             NamespaceMode namespaces, Clock clock)
    : mode_(mode),
      credentials_(std::move(credentials)),
      namespaces_(namespaces),
      clock_(std::move(clock)) {}

Authenticator::Clock Authenticator::system_clock() {
  return [] {
    return std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
}

Result<std::string> Authenticator::tables_namespace(const HttpRequest& request) const {
  const std::string_view authorization = to_std(request[http::field::authorization]);
  if (mode_ == AuthMode::kAcceptAny) {
    if (!trim_blanks(authorization).starts_with("AWS4-")) {
      return ApiError::missing_authentication_token();
    }
    return namespace_of(namespaces_, region_of_authorization(authorization),
                        access_key_of_authorization(authorization));
  }
  const auto secret_of = [this](std::string_view key) -> std::optional<std::string_view> {
    auto found = credentials_.find(key);
    return found == credentials_.end() ? std::nullopt
                                       : std::optional<std::string_view>(found->second);
  };
  DDB_ASSIGN_OR_RETURN(sigv4::CredentialScope scope,
                       sigv4::verify(signed_request_of(request), clock_(), secret_of));
  return namespace_of(namespaces_, scope.region, scope.access_key);
}

}  // namespace ddblocal
