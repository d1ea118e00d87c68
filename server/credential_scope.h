// The region and access key of a request, from the credential scope of its SigV4 Authorization
// header: "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/dynamodb/aws4_request, ...",
// read leniently (nothing is checked) for servers that accept any credentials.
#pragma once

#include <string>
#include <string_view>

namespace ddblocal {

inline constexpr std::string_view kDefaultRegion = "us-east-1";

// The region named in the header, or kDefaultRegion when there is none.
std::string region_of_authorization(std::string_view authorization);
// The access key named in the header; empty when there is none.
std::string access_key_of_authorization(std::string_view authorization);

}  // namespace ddblocal
