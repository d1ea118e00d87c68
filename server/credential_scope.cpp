#include "server/credential_scope.h"

namespace ddblocal {
namespace {

// "AKID/20240101/eu-west-1/dynamodb/aws4_request", or empty.
std::string_view credential_of(std::string_view authorization) {
  constexpr std::string_view kCredential = "Credential=";
  std::size_t start = authorization.find(kCredential);
  if (start == std::string_view::npos) {
    return {};
  }
  std::string_view credential = authorization.substr(start + kCredential.size());
  return credential.substr(0, credential.find_first_of(", "));
}

}  // namespace

std::string region_of_authorization(std::string_view authorization) {
  std::string_view scope = credential_of(authorization);
  // Access key / date / region / service / "aws4_request".
  for (int skipped = 0; skipped < 2; ++skipped) {
    std::size_t slash = scope.find('/');
    if (slash == std::string_view::npos) {
      return std::string(kDefaultRegion);
    }
    scope.remove_prefix(slash + 1);
  }
  std::string_view region = scope.substr(0, scope.find('/'));
  return region.empty() ? std::string(kDefaultRegion) : std::string(region);
}

std::string access_key_of_authorization(std::string_view authorization) {
  std::string_view credential = credential_of(authorization);
  return std::string(credential.substr(0, credential.find('/')));
}

}  // namespace ddblocal
