#include "server/router.h"

#include <gtest/gtest.h>
#include <zlib.h>

namespace ddblocal {
namespace {

std::unique_ptr<storage::Store> open_in_memory() {
  storage::StoreOptions options;
  options.in_memory = true;
  return *storage::Store::open(options);
}

class RouterTest : public ::testing::Test {
 protected:
  HttpResponse post(std::string_view operation, std::string body,
                    std::string authorization = "") const {
    HttpRequest request(http::verb::post, "/", 11);
    request.set("X-Amz-Target", "DynamoDB_20120810." + std::string(operation));
    request.set(http::field::content_type, "application/x-amz-json-1.0");
    if (!authorization.empty()) {
      request.set(http::field::authorization, authorization);
    }
    request.body() = std::move(body);
    request.prepare_payload();
    return router_.handle(request);
  }

  std::unique_ptr<storage::Store> store_ = open_in_memory();
  Router router_{*store_};
};

TEST_F(RouterTest, AnswersWithRequestIdAndCrc32) {
  HttpResponse first = post("ListTables", "{}");
  HttpResponse second = post("ListTables", "{}");
  EXPECT_EQ(first.result(), http::status::ok);
  EXPECT_EQ(first[http::field::content_type], "application/x-amz-json-1.0");
  const std::string& body = first.body();
  uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(body.data()), body.size());
  EXPECT_EQ(first["x-amz-crc32"], std::to_string(crc));
  EXPECT_EQ(first["x-amzn-RequestId"].size(), 36u);
  EXPECT_NE(first["x-amzn-RequestId"], second["x-amzn-RequestId"]);
}

TEST_F(RouterTest, UnknownOperationIsAnError) {
  HttpResponse response = post("FlyToTheMoon", "{}");
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_NE(response.body().find("com.amazon.coral.service#UnknownOperationException"),
            std::string::npos);
}

TEST_F(RouterTest, MalformedJsonIsASerializationError) {
  HttpResponse response = post("ListTables", "{\"Limit\":");
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_NE(response.body().find("SerializationException"), std::string::npos);
}

TEST_F(RouterTest, TablesLiveInTheRegionOfTheCredentialScope) {
  const std::string create =
      R"({"TableName":"things","KeySchema":[{"AttributeName":"k","KeyType":"HASH"}],)"
      R"("AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}],)"
      R"("BillingMode":"PAY_PER_REQUEST"})";
  const std::string eu =
      "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/dynamodb/aws4_request, "
      "SignedHeaders=host, Signature=0";
  ASSERT_EQ(post("CreateTable", create, eu).result(), http::status::ok);
  EXPECT_EQ(post("DescribeTable", R"({"TableName":"things"})", eu).result(), http::status::ok);
  HttpResponse elsewhere = post("DescribeTable", R"({"TableName":"things"})");
  EXPECT_EQ(elsewhere.result(), http::status::bad_request);
  EXPECT_NE(elsewhere.body().find("ResourceNotFoundException"), std::string::npos);
}

TEST_F(RouterTest, StreamsOperationsHaveTheirOwnTargetPrefix) {
  auto call = [&](std::string target) {
    HttpRequest request(http::verb::post, "/", 11);
    request.set("X-Amz-Target", target);
    request.body() = "{}";
    request.prepare_payload();
    return router_.handle(request);
  };
  HttpResponse streams = call("DynamoDBStreams_20120810.ListStreams");
  EXPECT_EQ(streams.result(), http::status::ok);
  EXPECT_EQ(streams.body(), R"({"Streams":[]})");
  EXPECT_NE(call("DynamoDB_20120810.ListStreams").body().find("UnknownOperationException"),
            std::string::npos);
  EXPECT_NE(call("DynamoDBStreams_20120810.ListTables").body().find("UnknownOperationException"),
            std::string::npos);
  EXPECT_EQ(post("DescribeTimeToLive", R"({"TableName":"none"})").result(),
            http::status::bad_request);
}

TEST_F(RouterTest, GetIsAHealthCheck) {
  HttpRequest request(http::verb::get, "/", 11);
  HttpResponse response = router_.handle(request);
  EXPECT_EQ(response.result(), http::status::ok);
  EXPECT_TRUE(response.body().starts_with("healthy: "));
}

}  // namespace
}  // namespace ddblocal
