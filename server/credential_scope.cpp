#include "server/credential_scope.h"

namespace ddblocal {

std::string region_of_authorization(std::string_view authorization) {
  constexpr std::string_view kCredential = "Credential=";
  std::size_t start = authorization.find(kCredential);
  if (start == std::string_view::npos) {
    return std::string(kDefaultRegion);
  }
  std::string_view scope = authorization.substr(start + kCredential.size());
  scope = scope.substr(0, scope.find_first_of(", "));
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

}  // namespace ddblocal
