#include "server/cors.h"

#include <gtest/gtest.h>

namespace ddblocal {
namespace {

TEST(CorsPolicy, AllowsAnyOriginWithAStar) {
  CorsPolicy any("*");
  EXPECT_TRUE(any.allows("http://example.com"));
  EXPECT_FALSE(any.allows(""));
  HttpResponse response(http::status::ok, 11);
  any.add_headers(response, "http://example.com");
  EXPECT_EQ(response[http::field::access_control_allow_origin], "*");
  EXPECT_NE(response[http::field::access_control_expose_headers].find("x-amzn-RequestId"),
            beast::string_view::npos);
  EXPECT_EQ(response.find(http::field::vary), response.end());
}

TEST(CorsPolicy, AllowsOnlyListedOriginsAndNamesThem) {
  CorsPolicy listed(" https://app.example.com , http://localhost:3000,");
  EXPECT_TRUE(listed.allows("https://app.example.com"));
  EXPECT_TRUE(listed.allows("http://localhost:3000"));
  EXPECT_FALSE(listed.allows("https://evil.example.com"));
  EXPECT_FALSE(listed.allows("http://localhost:3000/"));
  HttpResponse response(http::status::ok, 11);
  listed.add_headers(response, "http://localhost:3000");
  EXPECT_EQ(response[http::field::access_control_allow_origin], "http://localhost:3000");
  EXPECT_EQ(response[http::field::vary], "Origin");
  EXPECT_TRUE(CorsPolicy("http://a, *").allows("http://b"));
  EXPECT_FALSE(CorsPolicy("").allows("http://a"));
}

// dynalite's tests, recorded against DynamoDB.
TEST(CorsPolicy, PreflightEchoesWhatWasAskedAndCachesTwoDays) {
  HttpRequest request(http::verb::options, "/", 11);
  request.set(http::field::origin, "http://example.com");
  request.set(http::field::access_control_request_method, "POST");
  request.set(http::field::access_control_request_headers, "a, b, c");
  HttpResponse response = CorsPolicy("*").preflight(request);
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response.body(), "");
  EXPECT_EQ(response[http::field::content_length], "0");
  EXPECT_EQ(response[http::field::access_control_allow_origin], "*");
  EXPECT_EQ(response[http::field::access_control_allow_methods], "POST");
  EXPECT_EQ(response[http::field::access_control_allow_headers], "a, b, c");
  EXPECT_EQ(response[http::field::access_control_max_age], "172800");
  EXPECT_FALSE(response["x-amzn-RequestId"].empty());
  HttpRequest bare(http::verb::options, "/", 11);
  bare.set(http::field::origin, "http://example.com");
  HttpResponse plain = CorsPolicy("*").preflight(bare);
  EXPECT_EQ(plain.find(http::field::access_control_allow_methods), plain.end());
  EXPECT_EQ(plain.find(http::field::access_control_allow_headers), plain.end());
}

}  // namespace
}  // namespace ddblocal
