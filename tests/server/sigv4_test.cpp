#include "server/sigv4.h"

#include <gtest/gtest.h>

namespace ddblocal::sigv4 {
namespace {

// AWS's SigV4 test suite, case get-vanilla.
TEST(SigV4, SignsAwsGetVanillaExample) {
  SignedRequest request{
      "GET", "/", {{"Host", "example.amazonaws.com"}, {"X-Amz-Date", "20150830T123600Z"}}, ""};
  const std::string canonical = canonical_request(request, "host;x-amz-date");
  EXPECT_EQ(canonical,
            "GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\n"
            "host;x-amz-date\n"
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const std::string to_sign =
      string_to_sign("20150830T123600Z", "20150830/us-east-1/service/aws4_request", canonical);
  EXPECT_EQ(to_sign,
            "AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\n"
            "bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63");
  CredentialScope scope{"AKIDEXAMPLE", "20150830", "us-east-1", "service", "aws4_request"};
  EXPECT_EQ(signature("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", scope, to_sign),
            "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
}

TEST(SigV4, CanonicalizesPathQueryAndHeaderValues) {
  SignedRequest request{"POST",
                        "/a/./b//c/../d/?b=2&a=1&c",
                        {{"HOST", "h"}, {"X-Multi", "  one   two "}, {"x-multi", "three"}},
                        "{}"};
  EXPECT_EQ(canonical_request(request, "host;x-multi"),
            "POST\n/a/b/d/\na=1&b=2&c=\nhost:h\nx-multi:one two,three\n\nhost;x-multi\n" +
                sha256_hex("{}"));
  request.target = "/caf%C3%A9";
  EXPECT_TRUE(canonical_request(request, "host").starts_with("POST\n/caf%25C3%25A9\n"));
}

TEST(SigV4, ParsesTimesInBothFormats) {
  EXPECT_EQ(parse_request_time("20130609T100015Z"), 1370772015);
  EXPECT_EQ(parse_request_time("Sun, 09 Jun 2013 10:00:15 GMT"), 1370772015);
  EXPECT_EQ(format_amz_date(1370772015), "20130609T100015Z");
  EXPECT_EQ(format_amz_date(0), "19700101T000000Z");
  for (std::string_view bad : {"201", "20130609T100015", "20131309T100015Z", "20130632T100015Z",
                               "2013-06-09T10:00:15Z", "Sun, 09 Jux 2013 10:00:15 GMT", ""}) {
    EXPECT_FALSE(parse_request_time(bad).has_value()) << bad;
  }
}

TEST(SigV4, ComparesSignaturesWhole) {
  EXPECT_TRUE(signatures_equal("abc", "abc"));
  EXPECT_FALSE(signatures_equal("abc", "abd"));
  EXPECT_FALSE(signatures_equal("abc", "ab"));
}

ApiError error_of(const Result<Authorization>& result) {
  return result.error();
}

// dynalite's tests, recorded against DynamoDB.
TEST(SigV4, ParsesTheAuthorizationHeaderAsDynamoDbDoes) {
  EXPECT_EQ(error_of(parse_authorization("AWS4", true)).type(),
            ErrorType::kMissingAuthenticationToken);
  EXPECT_EQ(error_of(parse_authorization("", true)).message(),
            "Request is missing Authentication Token");
  ApiError nothing = error_of(parse_authorization("AWS4-", false));
  EXPECT_EQ(nothing.type(), ErrorType::kIncompleteSignature);
  EXPECT_EQ(nothing.message(),
            "Authorization header requires 'Credential' parameter. Authorization header requires "
            "'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' "
            "header. Authorization=AWS4-");
  for (std::string_view header :
       {"AWS4- Signature=b Credential=a", "AWS4- Signature=b,Credential=a",
        "AWS4- Signature=b, Credential=a"}) {
    EXPECT_EQ(error_of(parse_authorization(header, true)).message(),
              "Authorization header requires 'SignedHeaders' parameter. Authorization=" +
                  std::string(header));
  }
  EXPECT_EQ(error_of(parse_authorization("AWS4-HMAC-SHA256 Signature=b,    Credential,    "
                                         "SignedHeaders",
                                         true))
                .message(),
            "'Credential' not a valid key=value pair (missing equal-sign) in Authorization "
            "header: 'AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders'.");
  Result<Authorization> parsed = parse_authorization(
      "AWS4-HMAC-SHA256 Credential=AKID/20130609/us-east-1/dynamodb/aws4_request,"
      "SignedHeaders=host;x-amz-date,Signature=abc",
      true);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->algorithm, "AWS4-HMAC-SHA256");
  EXPECT_EQ(parsed->credential, "AKID/20130609/us-east-1/dynamodb/aws4_request");
  EXPECT_EQ(parsed->signed_headers, "host;x-amz-date");
  EXPECT_EQ(parsed->signature, "abc");
}

TEST(SigV4, ParsesTheCredential) {
  Result<CredentialScope> scope =
      parse_credential("AKID/20130609/eu-west-1/dynamodb/aws4_request//");
  ASSERT_TRUE(scope.has_value());
  EXPECT_EQ(scope->access_key, "AKID");
  EXPECT_EQ(scope->region, "eu-west-1");
  EXPECT_EQ(parse_credential("a/b/c/d").error().message(),
            "Credential must have exactly 5 slash-delimited elements, e.g. "
            "keyid/date/region/service/term, got 'a/b/c/d'");
}

class VerifyTest : public ::testing::Test {
 protected:
  static constexpr std::int64_t kNow = 1370772015;  // 20130609T100015Z
  static constexpr std::string_view kBody = R"({"TableName":"t"})";

  // A request signed by `key` with `secret`, at `date`, for `region`.
  SignedRequest signed_request(std::string_view key = "AKID", std::string_view secret = "secret",
                               std::string_view date = "20130609T100015Z",
                               std::string_view region = "us-east-1") {
    amz_date_ = date;
    credential_ = std::string(key) + "/" + amz_date_.substr(0, 8) + "/" + std::string(region) +
                  "/dynamodb/aws4_request";
    SignedRequest request{"POST",
                          "/",
                          {{"Host", "localhost:8000"},
                           {"X-Amz-Date", amz_date_},
                           {"X-Amz-Target", "DynamoDB_20120810.ListTables"}},
                          kBody};
    CredentialScope scope = *parse_credential(credential_);
    std::string scope_text = credential_.substr(credential_.find('/') + 1);
    std::string mac =
        signature(secret, scope,
                  string_to_sign(amz_date_, scope_text,
                                 canonical_request(request, "host;x-amz-date;x-amz-target")));
    authorization_ = "AWS4-HMAC-SHA256 Credential=" + credential_ +
                     ", SignedHeaders=host;x-amz-date;x-amz-target, Signature=" + mac;
    request.headers.emplace_back("Authorization", authorization_);
    return request;
  }

  Result<CredentialScope> verify_at(const SignedRequest& request, std::int64_t now = kNow) {
    return verify(request, now, [](std::string_view key) -> std::optional<std::string_view> {
      if (key == "AKID") {
        return "secret";
      }
      return std::nullopt;
    });
  }

  std::string amz_date_;
  std::string credential_;
  std::string authorization_;
};

TEST_F(VerifyTest, AcceptsARightSignature) {
  Result<CredentialScope> scope = verify_at(signed_request());
  ASSERT_TRUE(scope.has_value()) << scope.error().message();
  EXPECT_EQ(scope->access_key, "AKID");
  EXPECT_EQ(scope->region, "us-east-1");
  EXPECT_TRUE(verify_at(signed_request("AKID", "secret", "20130609T100015Z", "eu-west-1")));
}

TEST_F(VerifyTest, RefusesAChangedBodyOrHeader) {
  SignedRequest request = signed_request();
  request.body = R"({"TableName":"u"})";
  EXPECT_EQ(verify_at(request).error().type(), ErrorType::kInvalidSignature);
  EXPECT_EQ(verify_at(request).error().message(),
            "The request signature we calculated does not match the signature you provided. "
            "Check your AWS Secret Access Key and signing method. Consult the service "
            "documentation for details.");
  request = signed_request();
  request.headers[2].second = "DynamoDB_20120810.DeleteTable";
  EXPECT_EQ(verify_at(request).error().type(), ErrorType::kInvalidSignature);
}

TEST_F(VerifyTest, RefusesAWrongSecretAndAnUnknownKey) {
  EXPECT_EQ(verify_at(signed_request("AKID", "wrong")).error().type(),
            ErrorType::kInvalidSignature);
  ApiError unknown = verify_at(signed_request("NOBODY", "secret")).error();
  EXPECT_EQ(unknown.type(), ErrorType::kUnrecognizedClient);
  EXPECT_EQ(unknown.message(), "The security token included in the request is invalid.");
}

TEST_F(VerifyTest, AllowsFifteenMinutesOfSkewEitherWay) {
  EXPECT_TRUE(verify_at(signed_request(), kNow + 15 * 60));
  EXPECT_TRUE(verify_at(signed_request(), kNow - 15 * 60));
  ApiError expired = verify_at(signed_request(), kNow + 15 * 60 + 1).error();
  EXPECT_EQ(expired.type(), ErrorType::kInvalidSignature);
  EXPECT_EQ(expired.message(),
            "Signature expired: 20130609T100015Z is now earlier than 20130609T100016Z "
            "(20130609T101516Z - 15 min.)");
  ApiError early = verify_at(signed_request(), kNow - 15 * 60 - 1).error();
  EXPECT_EQ(early.message(),
            "Signature not yet current: 20130609T100015Z is still later than 20130609T100014Z "
            "(20130609T094514Z + 15 min.)");
}

TEST_F(VerifyTest, NamesEveryScopeProblem) {
  SignedRequest request = signed_request();
  request.headers.back().second =
      "AWS4-HMAC-SHA256 Credential=AKID/b/C!/d/e, SignedHeaders=host, Signature=0";
  ApiError error = verify_at(request).error();
  EXPECT_EQ(error.type(), ErrorType::kInvalidSignature);
  EXPECT_EQ(error.message(),
            "Credential should be scoped to a valid region, not 'C!'. Credential should be scoped "
            "to correct service: 'dynamodb'. Credential should be scoped with a valid "
            "terminator: 'aws4_request', not 'e'. Date in Credential scope does not match "
            "YYYYMMDD from ISO-8601 version of date from HTTP: 'b' != '20130609', from "
            "'20130609T100015Z'.");
}

TEST_F(VerifyTest, ChecksInDynamoDbsOrder) {
  SignedRequest request = signed_request();
  auto with = [&](std::string authorization, std::string_view date = "20130609T100015Z") {
    SignedRequest changed = request;
    changed.headers[1].second = date;
    changed.headers.back().second = authorization;
    return verify_at(changed).error();
  };
  // The date's form before anything in the credential.
  EXPECT_EQ(with("AWS4-X Credential=a, SignedHeaders=x, Signature=0", "201").message(),
            "Date must be in ISO-8601 'basic format'. Got '201'. See "
            "http://en.wikipedia.org/wiki/ISO_8601");
  // Expiry before Host, the algorithm and the credential.
  EXPECT_TRUE(with("AWS4-X Credential=a, SignedHeaders=x, Signature=0", "20130101T000000Z")
                  .message()
                  .starts_with("Signature expired: "));
  EXPECT_EQ(with("AWS4-X Credential=a, SignedHeaders=x, Signature=0").message(),
            "'Host' must be a 'SignedHeader' in the AWS Authorization.");
  EXPECT_EQ(with("AWS4-HMAC-SHA25 Credential=a, SignedHeaders=host, Signature=0").message(),
            "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). ");
  EXPECT_EQ(with("AWS4-HMAC-SHA256 Credential=a/b/c/d, SignedHeaders=host, Signature=0").type(),
            ErrorType::kIncompleteSignature);
  SignedRequest undated = request;
  undated.headers.erase(undated.headers.begin() + 1);
  EXPECT_EQ(verify_at(undated).error().type(), ErrorType::kIncompleteSignature);
  SignedRequest unsigned_request = request;
  unsigned_request.headers.pop_back();
  EXPECT_EQ(verify_at(unsigned_request).error().type(), ErrorType::kMissingAuthenticationToken);
}

TEST_F(VerifyTest, AcceptsTheDateHeaderWithoutXAmzDate) {
  SignedRequest request = signed_request();
  request.headers[1] = {"Date", "Sun, 09 Jun 2013 10:00:15 GMT"};
  // Signed over x-amz-date, which is gone now: the date is read, the signature no longer holds.
  EXPECT_EQ(verify_at(request).error().type(), ErrorType::kInvalidSignature);
  EXPECT_EQ(verify_at(request).error().message().substr(0, 20), "The request signatur");
}

}  // namespace
}  // namespace ddblocal::sigv4
