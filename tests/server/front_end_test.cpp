#include "server/front_end.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "server/content_encoding.h"
#include "server/response.h"
#include "tests/server/in_memory_store.h"

namespace ddblocal {
namespace {

constexpr std::string_view kSigned =
    "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/dynamodb/aws4_request, "
    "SignedHeaders=host, Signature=0";

std::string crc_of(const std::string& body) {
  return std::to_string(
      crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size())));
}

class FrontEndTest : public ::testing::Test {
 protected:
  HttpRequest request(http::verb method, std::string target = "/") const {
    HttpRequest request(method, target, 11);
    request.set(http::field::host, "localhost:8000");
    return request;
  }
  HttpRequest post(std::string_view operation, std::string body) const {
    HttpRequest post = request(http::verb::post);
    post.set("X-Amz-Target", "DynamoDB_20120810." + std::string(operation));
    post.set(http::field::content_type, "application/x-amz-json-1.0");
    post.set(http::field::authorization, to_beast(kSigned));
    post.body() = std::move(body);
    post.prepare_payload();
    return post;
  }
  std::string metrics_text() const {
    return front_end_.answer(request(http::verb::get, "/metrics")).body();
  }

  std::unique_ptr<storage::Store> store_ = open_in_memory_store();
  Authenticator authenticator_{AuthMode::kAcceptAny, {}, NamespaceMode::kRegion};
  Router router_{*store_, authenticator_};
  CorsPolicy cors_{"*"};
  Metrics metrics_{router_.operations()};
  FrontEnd front_end_{router_, cors_, metrics_, *store_};
};

TEST_F(FrontEndTest, GetRootIsDynamoDbsHealthCheck) {
  HttpResponse response = front_end_.answer(request(http::verb::get));
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response.body(), "healthy: localhost:8000 ");
  EXPECT_EQ(response["x-amz-crc32"], crc_of(response.body()));
  EXPECT_FALSE(response["x-amzn-RequestId"].empty());
}

// dynalite's tests, recorded against DynamoDB.
TEST_F(FrontEndTest, OtherMethodsPathsAndContentTypesAreNotFound) {
  std::vector<HttpRequest> requests = {request(http::verb::put), request(http::verb::delete_),
                                       request(http::verb::options),
                                       request(http::verb::get, "/health")};
  HttpRequest wrong_type = post("ListTables", "{}");
  wrong_type.set(http::field::content_type, "application/jsonasdf");
  requests.push_back(wrong_type);
  HttpRequest no_type = post("ListTables", "{}");
  no_type.erase(http::field::content_type);
  requests.push_back(no_type);
  for (const HttpRequest& sent : requests) {
    HttpResponse response = front_end_.answer(sent);
    EXPECT_EQ(response.result(), http::status::not_found) << sent;
    EXPECT_EQ(response.body(), "<UnknownOperationException/>\n");
    EXPECT_EQ(response["x-amz-crc32"], "3552371480");
  }
}

TEST_F(FrontEndTest, AnswersPlainJsonInKind) {
  HttpRequest sent = post("ListTables", "{}");
  sent.set(http::field::content_type, "application/json; charset=utf-8");
  HttpResponse response = front_end_.answer(sent);
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_EQ(response[http::field::content_type], "application/json");
  EXPECT_EQ(front_end_.answer(post("ListTables", "{}"))[http::field::content_type],
            "application/x-amz-json-1.0");
}

TEST_F(FrontEndTest, DecodesAGzipBody) {
  HttpRequest sent = post("ListTables", encode_body(ContentCoding::kGzip, R"({"Limit":5})"));
  sent.set(http::field::content_encoding, "gzip");
  HttpResponse response = front_end_.answer(sent);
  EXPECT_EQ(response.result(), http::status::ok) << response.body();
}

// Alternator's tests, recorded against DynamoDB: broken gzip or an unknown coding is a 500.
TEST_F(FrontEndTest, RefusesBrokenOrUnknownEncodingsWithInternalFailure) {
  for (std::string_view coding : {"gzip", "deflate", "garbage"}) {
    HttpRequest sent = post("ListTables", "{}");
    sent.set(http::field::content_encoding, to_beast(coding));
    HttpResponse response = front_end_.answer(sent);
    EXPECT_EQ(response.result(), http::status::internal_server_error) << coding;
    EXPECT_NE(response.body().find("com.amazon.coral.service#InternalFailure"), std::string::npos);
  }
}

TEST_F(FrontEndTest, RefusesABombWith413) {
  std::string bomb = R"({"Limit":5)" + std::string(kMaxRequestBodyBytes, ' ') + "}";
  HttpRequest sent = post("ListTables", encode_body(ContentCoding::kDeflate, bomb));
  sent.set(http::field::content_encoding, "deflate");
  EXPECT_EQ(front_end_.answer(sent).result(), http::status::payload_too_large);
}

TEST_F(FrontEndTest, CompressesBigAnswersWhenAsked) {
  // ListTables names 100 tables of 100 bytes at most: far beyond 4 KB.
  const std::string name(90, 'x');
  for (int i = 0; i < 60; ++i) {
    TableSchema schema;
    schema.table_name = name + std::to_string(i);
    schema.partition_key = {"k", ScalarType::kS};
    schema.attribute_definitions = {{"k", ScalarType::kS}};
    ASSERT_TRUE(store_->create_table("us-east-1", schema));
  }
  HttpRequest sent = post("ListTables", "{}");
  const std::string plain = front_end_.answer(sent).body();
  ASSERT_GE(plain.size(), kMinCompressedResponseBytes);
  sent.set(http::field::accept_encoding, "gzip, deflate");
  HttpResponse response = front_end_.answer(sent);
  EXPECT_EQ(response[http::field::content_encoding], "gzip");
  EXPECT_LT(response.body().size(), plain.size());
  EXPECT_EQ(response["x-amz-crc32"], crc_of(response.body()));
  EXPECT_EQ(decode_request_body("gzip", response.body(), 1 << 20).body, plain);
  // Small answers stay as they are.
  HttpRequest small = post("DescribeTable", R"({"TableName":"none"})");
  small.set(http::field::accept_encoding, "gzip");
  HttpResponse small_answer = front_end_.answer(small);
  EXPECT_EQ(small_answer.find(http::field::content_encoding), small_answer.end());
}

TEST_F(FrontEndTest, AddsCorsHeadersForAnOriginAndAnswersPreflights) {
  HttpRequest sent = post("ListTables", "{}");
  sent.set(http::field::origin, "http://app.example");
  HttpResponse response = front_end_.answer(sent);
  EXPECT_EQ(response[http::field::access_control_allow_origin], "*");
  EXPECT_EQ(response.find(http::field::access_control_max_age), response.end());
  HttpRequest preflight = request(http::verb::options);
  preflight.set(http::field::origin, "http://app.example");
  HttpResponse answered = front_end_.answer(preflight);
  EXPECT_EQ(answered.result(), http::status::ok);
  EXPECT_EQ(answered[http::field::access_control_max_age], "172800");
  HttpResponse without_origin = front_end_.answer(post("ListTables", "{}"));
  EXPECT_EQ(without_origin.find(http::field::access_control_allow_origin), without_origin.end());
}

TEST_F(FrontEndTest, CountsEveryAnswerInTheMetrics) {
  front_end_.answer(post("ListTables", "{}"));
  front_end_.answer(post("DescribeTable", R"({"TableName":"none"})"));
  front_end_.answer(request(http::verb::get));
  const std::string text = metrics_text();
  EXPECT_NE(text.find("ddblocal_requests_total{operation=\"ListTables\"} 1\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("ddblocal_errors_total{operation=\"DescribeTable\",type="
                      "\"ResourceNotFoundException\"} 1\n"),
            std::string::npos);
  EXPECT_NE(text.find("ddblocal_requests_total{operation=\"none\"} 1\n"), std::string::npos);
}

}  // namespace
}  // namespace ddblocal
