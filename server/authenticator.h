// Authenticator: who sent a request, and so where its tables live. Every request must carry a
// SigV4 Authorization header, as DynamoDB requires; by default its credentials are accepted
// unchecked (as DynamoDB Local does), with --auth verify its signature is checked against the
// configured credentials. The namespace of the tables follows the credential scope's region
// (AWS's rule, one local account), or is one for all (--shared-db), or one per access key and
// region (--namespace-per-key).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>

#include "protocol/result.h"
#include "server/asio.h"

namespace ddblocal {

enum class AuthMode { kAcceptAny, kVerify };
enum class NamespaceMode { kRegion, kShared, kAccessKeyAndRegion };

class Authenticator {
 public:
  // Seconds since the Unix epoch; tests fix it.
  using Clock = std::function<std::int64_t()>;

  // `credentials`: access key -> secret key, used under AuthMode::kVerify.
  Authenticator(AuthMode mode, std::map<std::string, std::string, std::less<>> credentials,
                NamespaceMode namespaces, Clock clock = system_clock());

  // The namespace the request's tables live in (storage's "region" argument): "us-east-1",
  // or "us-east-1/AKID" per access key; or the error DynamoDB answers: Missing-
  // AuthenticationTokenException without a SigV4 header, and under kVerify every signature
  // error of sigv4::verify. `request` is as received: its body still compressed, if it was.
  Result<std::string> tables_namespace(const HttpRequest& request) const;

  static Clock system_clock();

 private:
  AuthMode mode_;
  std::map<std::string, std::string, std::less<>> credentials_;
  NamespaceMode namespaces_;
  Clock clock_;
};

}  // namespace ddblocal
