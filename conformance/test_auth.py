"""SigV4 verification (--auth verify): a request signed with a configured key and secret is
served; every other one gets DynamoDB's error type and message, and the server stays up. By
default (without --auth verify) any credentials are accepted, as DynamoDB Local accepts them.

The messages are DynamoDB's, as dynalite's and Alternator's tests recorded them."""

import gzip
import json
from datetime import datetime, timezone

import pytest
from botocore.exceptions import ClientError

from conftest import REGION, client_for, error_of, own_server, running_ddblocal, unique_name
from test_http_surface import error_type, raw_request, signed_headers
from test_protocol import JSON_1_0

KEY = "AKIDVERIFIED"
SECRET = "verified/secret+key"
OTHER_KEY = "AKIDOTHER"
OTHER_SECRET = "other-secret"

pytestmark = own_server


def client(url, key=KEY, secret=SECRET, region=REGION):
    return client_for(url, key, secret, region)


@pytest.fixture(scope="module")
def verifying():
    """A ddblocal that verifies signatures against two key pairs; yields its URL."""
    with running_ddblocal("--in-memory", "--auth", "verify",
                          "--credentials", f"{KEY}:{SECRET},{OTHER_KEY}:{OTHER_SECRET}") as url:
        yield url


def create_and_use(dynamodb):
    name = unique_name()
    dynamodb.create_table(TableName=name, KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
                          AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
                          BillingMode="PAY_PER_REQUEST")
    dynamodb.put_item(TableName=name, Item={"p": {"S": "k"}, "v": {"N": "1"}})
    assert dynamodb.get_item(TableName=name, Key={"p": {"S": "k"}})["Item"]["v"] == {"N": "1"}


# Each configured key, signing as boto3 does, is served; in any region.
def test_auth_right_signatures_served(verifying):
    create_and_use(client(verifying))
    create_and_use(client(verifying, OTHER_KEY, OTHER_SECRET, region="eu-west-1"))


# A known key with the wrong secret: the signature does not match.
def test_auth_wrong_secret_refused(verifying):
    with pytest.raises(ClientError) as excinfo:
        client(verifying, KEY, "wrong").list_tables()
    assert error_of(excinfo) == (
        "InvalidSignatureException",
        "The request signature we calculated does not match the signature you provided. Check "
        "your AWS Secret Access Key and signing method. Consult the service documentation for "
        "details.", 400)


# A key that is not configured is not recognized.
def test_auth_unknown_key_refused(verifying):
    with pytest.raises(ClientError) as excinfo:
        client(verifying, "AKIDNOBODY", SECRET).list_tables()
    assert error_of(excinfo) == (
        "UnrecognizedClientException", "The security token included in the request is invalid.",
        400)


# A body changed after signing no longer matches the signature.
def test_auth_changed_body_refused(verifying):
    headers = signed_headers(verifying, "POST", "/", b'{"Limit": 5}', {
        "X-Amz-Target": "DynamoDB_20120810.ListTables", "Content-Type": JSON_1_0}, (KEY, SECRET))
    assert raw_request(verifying, body=b'{"Limit": 5}', headers=headers, sign=False).status == 200
    tampered = raw_request(verifying, body=b'{"Limit": 6}', headers=headers, sign=False)
    assert error_type(tampered) == "InvalidSignatureException"


def amz_now():
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def header_request(url, authorization, date):
    return raw_request(url, body=b"{}", sign=False, headers={
        "Authorization": authorization, "X-Amz-Date": date})


# A signature dated more than 15 minutes before or after the server's clock is refused.
@pytest.mark.parametrize("date, message", [
    ("20170101T010101Z", "Signature expired: 20170101T010101Z is now earlier than "),
    ("30200101T010101Z", "Signature not yet current: 30200101T010101Z is still later than "),
])
def test_auth_expired_or_future_signature_refused(verifying, date, message):
    response = header_request(
        verifying, f"AWS4-HMAC-SHA256 Credential={KEY}/2/3/4/aws4_request "
                   "SignedHeaders=x-amz-date;host Signature=123", date)
    assert response.status == 400
    assert error_type(response) == "InvalidSignatureException"
    assert response.json()["message"].startswith(message)


# Malformed headers get IncompleteSignatureException or InvalidSignatureException naming what is
# wrong; no header at all is a missing token. The server stays up through all of them.
@pytest.mark.parametrize("authorization, expected_type, expected_message", [
    ("AWS4-", "IncompleteSignatureException",
     "Authorization header requires 'Credential' parameter. Authorization header requires "
     "'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. "
     "Authorization=AWS4-"),
    ("AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders", "IncompleteSignatureException",
     "'Credential' not a valid key=value pair (missing equal-sign) in Authorization header: "
     "'AWS4-HMAC-SHA256 Signature=b,    Credential,    SignedHeaders'."),
    ("AWS4-HMAC-SHA256 Credential=a/b/c/d, SignedHeaders=host, Signature=0",
     "IncompleteSignatureException",
     "Credential must have exactly 5 slash-delimited elements, e.g. "
     "keyid/date/region/service/term, got 'a/b/c/d'"),
    ("AWS4-HMAC-SHA256 Credential=a/b/c/d/e, SignedHeaders=x-amz-date, Signature=0",
     "InvalidSignatureException", "'Host' must be a 'SignedHeader' in the AWS Authorization."),
    ("AWS4-HMAC-SHA25 Credential=a/b/c/d/e, SignedHeaders=host, Signature=0",
     "IncompleteSignatureException",
     "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). "),
    ("AWS4", "MissingAuthenticationTokenException", "Request is missing Authentication Token"),
])
def test_auth_malformed_header_refused(verifying, authorization, expected_type,
                                       expected_message):
    response = header_request(verifying, authorization, amz_now())
    assert response.status == 400
    assert (error_type(response), response.json()["message"]) == (expected_type, expected_message)
    assert raw_request(verifying, body=b"{}", credentials=(KEY, SECRET)).status == 200


# Every part of the scope that is wrong is named in one message.
def test_auth_wrong_scope_refused(verifying):
    now = amz_now()
    response = header_request(
        verifying, f"AWS4-HMAC-SHA256 Credential={KEY}/20000101/us-east-1/s3/aws4_request, "
                   "SignedHeaders=host;x-amz-date, Signature=0", now)
    assert error_type(response) == "InvalidSignatureException"
    assert response.json()["message"] == (
        "Credential should be scoped to correct service: 'dynamodb'. Date in Credential scope "
        f"does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20000101' != "
        f"'{now[:8]}', from '{now}'.")


# An unsigned request is refused whether or not signatures are checked.
def test_auth_unsigned_refused(verifying):
    response = raw_request(verifying, body=b"{}", sign=False)
    assert error_type(response) == "MissingAuthenticationTokenException"


# A gzip body is signed as sent (compressed), as the AWS SDKs sign it.
def test_auth_compressed_body_signed_as_sent(verifying):
    response = raw_request(verifying, body=gzip.compress(b'{"Limit": 3}'),
                           headers={"Content-Encoding": "gzip"}, credentials=(KEY, SECRET))
    assert response.status == 200, response.body
    assert "TableNames" in response.json()


# DDBLOCAL_AUTH and DDBLOCAL_CREDENTIALS do what the flags do.
def test_auth_from_the_environment(monkeypatch):
    monkeypatch.setenv("DDBLOCAL_AUTH", "verify")
    monkeypatch.setenv("DDBLOCAL_CREDENTIALS", f"{KEY}:{SECRET}")
    with running_ddblocal("--in-memory") as url:
        assert client(url).list_tables()["TableNames"] == []
        with pytest.raises(ClientError) as excinfo:
            client(url, KEY, "wrong").list_tables()
        assert error_of(excinfo)[0] == "InvalidSignatureException"


# By default any credentials are served, however they sign.
def test_auth_default_accepts_any_credentials():
    with running_ddblocal("--in-memory") as url:
        assert client(url, "anything", "at all").list_tables()["TableNames"] == []
        response = raw_request(url, body=b"{}", sign=False, headers={
            "Authorization": "AWS4-HMAC-SHA256 Credential=x, SignedHeaders=host, Signature=0"})
        assert json.loads(response.body) == {"TableNames": []}
