#include "server/router.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "tests/server/in_memory_store.h"

namespace ddblocal {
namespace {

constexpr std::string_view kSigned =
    "AWS4-HMAC-SHA256 Credential=AKID/20240101/us-east-1/dynamodb/aws4_request, "
    "SignedHeaders=host, Signature=0";

class RouterTest : public ::testing::Test {
 protected:
  RoutedResponse post(std::string_view operation, std::string body,
                      std::string_view authorization = kSigned) const {
    HttpRequest request(http::verb::post, "/", 11);
    request.set("X-Amz-Target", "DynamoDB_20120810." + std::string(operation));
    request.set(http::field::content_type, "application/x-amz-json-1.0");
    if (!authorization.empty()) {
      request.set(http::field::authorization, to_beast(authorization));
    }
    request.body() = std::move(body);
    request.prepare_payload();
    return router_.handle(request, request.body());
  }

  std::unique_ptr<storage::Store> store_ = open_in_memory_store();
  Authenticator authenticator_{AuthMode::kAcceptAny, {}, NamespaceMode::kRegion};
  Router router_{*store_, authenticator_};
};

TEST_F(RouterTest, AnswersWithRequestIdAndCrc32) {
  HttpResponse first = post("ListTables", "{}").response;
  HttpResponse second = post("ListTables", "{}").response;
  EXPECT_EQ(first.result(), http::status::ok);
  EXPECT_EQ(first[http::field::content_type], "application/x-amz-json-1.0");
  const std::string& body = first.body();
  uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(body.data()), body.size());
  EXPECT_EQ(first["x-amz-crc32"], std::to_string(crc));
  EXPECT_EQ(first["x-amzn-RequestId"].size(), 36u);
  EXPECT_NE(first["x-amzn-RequestId"], second["x-amzn-RequestId"]);
}

TEST_F(RouterTest, NamesTheOperationForTheMetrics) {
  RoutedResponse answer = post("ListTables", "{}");
  ASSERT_TRUE(answer.operation.has_value());
  EXPECT_EQ(router_.operations().at(*answer.operation), "ListTables");
  EXPECT_FALSE(answer.error.has_value());
  RoutedResponse failed = post("DescribeTable", R"({"TableName":"missing"})");
  EXPECT_EQ(router_.operations().at(*failed.operation), "DescribeTable");
  EXPECT_EQ(failed.error, ErrorType::kResourceNotFound);
}

TEST_F(RouterTest, UnknownOperationIsAnError) {
  RoutedResponse answer = post("FlyToTheMoon", "{}");
  EXPECT_EQ(answer.response.result(), http::status::bad_request);
  EXPECT_NE(answer.response.body().find("com.amazon.coral.service#UnknownOperationException"),
            std::string::npos);
  EXPECT_FALSE(answer.operation.has_value());
}

TEST_F(RouterTest, MalformedJsonIsASerializationError) {
  HttpResponse response = post("ListTables", "{\"Limit\":").response;
  EXPECT_EQ(response.result(), http::status::bad_request);
  EXPECT_NE(response.body().find("SerializationException"), std::string::npos);
}

// dynalite's tests, recorded against DynamoDB: a body that is not JSON is refused before the
// target is looked at, the signature after it, an empty body last.
TEST_F(RouterTest, ChecksJsonThenTargetThenSignatureThenEmptyBody) {
  EXPECT_EQ(post("FlyToTheMoon", "not json", "").error, ErrorType::kSerialization);
  EXPECT_EQ(post("FlyToTheMoon", "", "").error, ErrorType::kUnknownOperation);
  EXPECT_EQ(post("ListTables", "{}", "").error, ErrorType::kMissingAuthenticationToken);
  EXPECT_EQ(post("ListTables", "", "").error, ErrorType::kMissingAuthenticationToken);
  EXPECT_EQ(post("ListTables", "").error, ErrorType::kSerialization);
}

TEST_F(RouterTest, TablesLiveInTheRegionOfTheCredentialScope) {
  const std::string create =
      R"({"TableName":"things","KeySchema":[{"AttributeName":"k","KeyType":"HASH"}],)"
      R"("AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}],)"
      R"("BillingMode":"PAY_PER_REQUEST"})";
  const std::string eu =
      "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/dynamodb/aws4_request, "
      "SignedHeaders=host, Signature=0";
  ASSERT_EQ(post("CreateTable", create, eu).response.result(), http::status::ok);
  HttpResponse described = post("DescribeTable", R"({"TableName":"things"})", eu).response;
  EXPECT_EQ(described.result(), http::status::ok);
  EXPECT_NE(described.body().find("arn:aws:dynamodb:eu-west-1:"), std::string::npos);
  RoutedResponse elsewhere = post("DescribeTable", R"({"TableName":"things"})");
  EXPECT_EQ(elsewhere.error, ErrorType::kResourceNotFound);
}

TEST_F(RouterTest, StreamsOperationsHaveTheirOwnTargetPrefix) {
  auto call = [&](std::string target) {
    HttpRequest request(http::verb::post, "/", 11);
    request.set("X-Amz-Target", target);
    request.set(http::field::authorization, to_beast(kSigned));
    request.body() = "{}";
    request.prepare_payload();
    return router_.handle(request, request.body());
  };
  RoutedResponse streams = call("DynamoDBStreams_20120810.ListStreams");
  EXPECT_EQ(streams.response.result(), http::status::ok);
  EXPECT_EQ(streams.response.body(), R"({"Streams":[]})");
  EXPECT_EQ(router_.operations().at(*streams.operation), "ListStreams");
  EXPECT_EQ(call("DynamoDB_20120810.ListStreams").error, ErrorType::kUnknownOperation);
  EXPECT_EQ(call("DynamoDBStreams_20120810.ListTables").error, ErrorType::kUnknownOperation);
  EXPECT_EQ(post("DescribeTimeToLive", R"({"TableName":"none"})").error,
            ErrorType::kResourceNotFound);
}

TEST(RouterNamespaces, PerAccessKeyKeepsKeysApartAndTheArnNamesTheRegion) {
  std::unique_ptr<storage::Store> store = open_in_memory_store();
  Authenticator authenticator(AuthMode::kAcceptAny, {}, NamespaceMode::kAccessKeyAndRegion);
  Router router(*store, authenticator);
  const auto post = [&](std::string_view key, std::string_view operation, std::string body) {
    HttpRequest request(http::verb::post, "/", 11);
    request.set("X-Amz-Target", "DynamoDB_20120810." + std::string(operation));
    request.set(http::field::authorization, "AWS4-HMAC-SHA256 Credential=" + std::string(key) +
                                                "/20240101/eu-west-1/dynamodb/aws4_request");
    request.body() = std::move(body);
    return router.handle(request, request.body());
  };
  const std::string create =
      R"({"TableName":"things","KeySchema":[{"AttributeName":"k","KeyType":"HASH"}],)"
      R"("AttributeDefinitions":[{"AttributeName":"k","AttributeType":"S"}],)"
      R"("BillingMode":"PAY_PER_REQUEST"})";
  RoutedResponse created = post("worker1", "CreateTable", create);
  ASSERT_FALSE(created.error.has_value()) << created.response.body();
  EXPECT_NE(created.response.body().find(R"("TableArn":"arn:aws:dynamodb:eu-west-1:)"),
            std::string::npos);
  EXPECT_FALSE(post("worker2", "CreateTable", create).error.has_value());
  EXPECT_FALSE(post("worker1", "DescribeTable", R"({"TableName":"things"})").error.has_value());
  EXPECT_EQ(post("worker3", "DescribeTable", R"({"TableName":"things"})").error,
            ErrorType::kResourceNotFound);
  // The ARN, which names the region alone, addresses the table of the caller's namespace.
  const std::string arn = "arn:aws:dynamodb:eu-west-1:000000000000:table/things";
  EXPECT_FALSE(post("worker1", "TagResource",
                    R"({"ResourceArn":")" + arn + R"(","Tags":[{"Key":"k","Value":"v"}]})")
                   .error.has_value());
  RoutedResponse tags = post("worker1", "ListTagsOfResource", R"({"ResourceArn":")" + arn + "\"}");
  EXPECT_NE(tags.response.body().find(R"({"Key":"k","Value":"v"})"), std::string::npos)
      << tags.response.body();
  tags = post("worker2", "ListTagsOfResource", R"({"ResourceArn":")" + arn + "\"}");
  EXPECT_EQ(tags.response.body().find(R"("Key":"k")"), std::string::npos) << tags.response.body();
}

}  // namespace
}  // namespace ddblocal
