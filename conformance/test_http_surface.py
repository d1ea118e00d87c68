"""DynamoDB's HTTP surface beyond POST /: the health check, the answers to other methods, paths and
content types, the order in which a request's faults are reported, compressed request bodies
(gzip, and deflate as a leniency) and compressed answers, and CORS.

What DynamoDB answers is taken from tests recorded against the service: dynalite's
test/connection.js (health check, 404s, content types, CORS, the order of errors) and
Alternator's test_health.py, test_cors.py, test_compressed_request.py and
test_compressed_response.py."""

import gzip
import http.client
import json
import re
import zlib

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from conftest import ACCESS_KEY, REGION, SECRET_KEY, own_server, running_ddblocal, unique_name
from test_protocol import JSON_1_0, REQUEST_ID_RE, Response, host_port

MAX_BODY_BYTES = 16 * 1024 * 1024
NOT_FOUND_BODY = b"<UnknownOperationException/>\n"
# DynamoDB compresses an answer from 4 KB on (Alternator's tests, recorded against it).
COMPRESSION_THRESHOLD = 4096
UNREAD_BY_ORACLE = pytest.mark.oracle_deviation("DynamoDB Local does not read compressed bodies")
NEVER_COMPRESSED_BY_ORACLE = pytest.mark.oracle_deviation("DynamoDB Local never compresses")


def signed_headers(endpoint, method, path, body, headers, credentials=(ACCESS_KEY, SECRET_KEY),
                   region=REGION):
    """`headers` and the SigV4 headers boto3 would add for this request."""
    signed = AWSRequest(method=method, url=endpoint + path, data=body, headers=headers)
    SigV4Auth(Credentials(*credentials), "dynamodb", region).add_auth(signed)
    return dict(signed.headers.items())


def raw_request(endpoint, method="POST", path="/", body=b"", headers=None, target="ListTables",
                content_type=JSON_1_0, sign=True, credentials=(ACCESS_KEY, SECRET_KEY),
                region=REGION):
    """Sends one request over a fresh connection; returns a test_protocol.Response. `headers` are
    added before signing (so they are signed); target None sends no X-Amz-Target; a POST has
    `content_type` unless it is None."""
    headers = dict(headers or {})
    if target is not None:
        headers.setdefault("X-Amz-Target", f"DynamoDB_20120810.{target}")
    if method == "POST" and content_type is not None:
        headers.setdefault("Content-Type", content_type)
    if sign:
        headers = signed_headers(endpoint, method, path, body, headers, credentials, region)
    conn = http.client.HTTPConnection(*host_port(endpoint), timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers)
        raw = conn.getresponse()
        return Response(raw.status, raw.getheaders(), raw.read())
    finally:
        conn.close()


def error_type(response):
    """The short __type of a JSON error answer ("ValidationException")."""
    return response.json()["__type"].split("#")[-1]


def put_body(table, key, **attributes):
    item = {"p": {"S": key}, **{name: {"S": value} for name, value in attributes.items()}}
    return json.dumps({"TableName": table, "Item": item}).encode()


def get_item(endpoint, table, key, headers=None):
    body = json.dumps({"TableName": table, "Key": {"p": {"S": key}}, "ConsistentRead": True})
    return raw_request(endpoint, body=body.encode(), target="GetItem", headers=headers)


# --- The health check and the other methods and paths -------------------------------------------


# GET / answers 200 "healthy: " with the Host it was asked for (dynamodb.<region>.amazonaws.com
# on AWS), a request id and the body's CRC32; no signature needed.
@pytest.mark.oracle_deviation("DynamoDB Local answers GET / with MissingAuthenticationToken")
def test_http_get_root_is_the_health_check(endpoint):
    response = raw_request(endpoint, method="GET", sign=False, target=None)
    host, port = host_port(endpoint)
    assert response.status == 200
    assert response.body.decode() == f"healthy: {host}:{port} "
    assert response.headers["x-amz-crc32"] == str(zlib.crc32(response.body))
    assert response.headers["content-length"] == str(len(response.body))
    assert re.fullmatch(REQUEST_ID_RE, response.headers["x-amzn-requestid"])
    named = raw_request(endpoint, method="GET", sign=False, target=None,
                        headers={"Host": "dynamodb.us-east-1.amazonaws.com"})
    assert named.body == b"healthy: dynamodb.us-east-1.amazonaws.com "


# Other methods, other GET paths and OPTIONS without an Origin get DynamoDB's 404 with an
# <UnknownOperationException/> body.
@pytest.mark.oracle_deviation("DynamoDB Local answers every method with MissingAuthenticationToken")
@pytest.mark.parametrize("method, path", [
    ("PUT", "/"), ("DELETE", "/"), ("PATCH", "/"), ("OPTIONS", "/"), ("GET", "/abc"),
    ("GET", "/health"), ("GET", "/index.htm"),
])
def test_http_other_methods_and_paths_not_found(endpoint, method, path):
    response = raw_request(endpoint, method=method, path=path, sign=False, target=None)
    assert response.status == 404
    assert response.body == NOT_FOUND_BODY
    assert response.headers["x-amz-crc32"] == "3552371480"


# A body whose Content-Type is missing or not JSON gets the same 404, before anything else.
@pytest.mark.oracle_deviation("DynamoDB Local reads any content type")
@pytest.mark.parametrize("content_type", [None, "whatever", "application/jsonasdf", "text/plain"])
def test_http_body_with_a_content_type_not_json_not_found(endpoint, content_type):
    response = raw_request(endpoint, body=b"hi", content_type=content_type, sign=False)
    assert response.status == 404
    assert response.body == NOT_FOUND_BODY


# --- The order of a request's faults ---------------------------------------------------------------


# A body that is not JSON is a SerializationException before the target is looked at, answered
# as plain JSON when the request was plain JSON.
@pytest.mark.oracle_deviation("DynamoDB Local answers malformed JSON with a 500 InternalFailure")
@pytest.mark.parametrize("content_type", ["application/json", "application/json; charset=x",
                                          "  application/json  ;   asfd", JSON_1_0])
def test_http_not_json_before_the_target(endpoint, content_type):
    response = raw_request(endpoint, body=b"hi", content_type=content_type, target=None,
                           sign=False)
    assert response.status == 400
    assert response.json() == {"__type": "com.amazon.coral.service#SerializationException"}
    expected = JSON_1_0 if content_type == JSON_1_0 else "application/json"
    assert response.headers["content-type"] == expected


# Then the target: missing or unknown is an UnknownOperationException, signed or not.
@pytest.mark.oracle_deviation("DynamoDB Local checks the signature before the target")
@pytest.mark.parametrize("target", [None, "whatever", "DynamoDB_20120810.ListTable"])
def test_http_unknown_target_before_the_signature(endpoint, target):
    headers = {"X-Amz-Target": target} if target else {}
    response = raw_request(endpoint, body=b"{}", headers=headers, target=None, sign=False)
    assert response.status == 400
    assert error_type(response) == "UnknownOperationException"


# Then the signature: a request without an AWS4 Authorization header is refused.
@pytest.mark.oracle_deviation("DynamoDB Local's message asks for an access key or certificate")
@pytest.mark.parametrize("authorization", [None, "AWS4", "Bearer abc", "AWS3 x"])
def test_http_unsigned_request_refused(endpoint, authorization):
    headers = {} if authorization is None else {"Authorization": authorization}
    response = raw_request(endpoint, body=b"{}", headers=headers, sign=False)
    assert response.status == 400
    assert response.json() == {
        "__type": "com.amazon.coral.service#MissingAuthenticationTokenException",
        "message": "Request is missing Authentication Token",
    }


# An empty body is refused only after the target and the signature are found right.
@pytest.mark.oracle_deviation("DynamoDB Local answers an empty body with a 500 InternalFailure")
def test_http_empty_body_after_the_signature(endpoint):
    assert error_type(raw_request(endpoint, body=b"", target="Nope")) == "UnknownOperationException"
    assert error_type(raw_request(endpoint, body=b"", sign=False)) == \
        "MissingAuthenticationTokenException"
    assert error_type(raw_request(endpoint, body=b"")) == "SerializationException"


# --- Compressed request bodies ---------------------------------------------------------------------


@pytest.fixture
def table(create_table):
    return create_table()


# A gzip body (Content-Encoding: gzip, as the AWS SDKs send with request compression on) is read
# as its decompressed JSON; so is several gzip members one after another.
@UNREAD_BY_ORACLE
@pytest.mark.parametrize("compress", [
    gzip.compress,
    lambda body: gzip.compress(body[:10]) + gzip.compress(body[10:]),
])
def test_http_gzip_body_read(endpoint, table, compress):
    key = unique_name("k")
    response = raw_request(endpoint, body=compress(put_body(table, key, v="gzipped")),
                           target="PutItem", headers={"Content-Encoding": "gzip"})
    assert response.status == 200, response.body
    assert get_item(endpoint, table, key).json()["Item"]["v"] == {"S": "gzipped"}


# deflate (the zlib format) is read too: a leniency, DynamoDB reads only gzip.
@UNREAD_BY_ORACLE
def test_http_deflate_body_read(endpoint, table):
    key = unique_name("k")
    response = raw_request(endpoint, body=zlib.compress(put_body(table, key, v="deflated")),
                           target="PutItem", headers={"Content-Encoding": "deflate"})
    assert response.status == 200, response.body
    assert get_item(endpoint, table, key).json()["Item"]["v"] == {"S": "deflated"}


# A body that is not what its Content-Encoding says, or a coding DynamoDB does not know, is a
# 500 (DynamoDB's front end fails to read it); nothing is written and the server stays up.
@pytest.mark.parametrize("coding, make_body", [
    pytest.param("gzip", lambda body: body, marks=UNREAD_BY_ORACLE, id="gzip-not-compressed"),
    pytest.param("gzip", lambda body: gzip.compress(body)[:-1], id="gzip-last-byte-missing"),
    pytest.param("gzip", lambda body: gzip.compress(body)[:20], id="gzip-truncated"),
    pytest.param("gzip", lambda body: b"", id="gzip-empty"),
    pytest.param("deflate", lambda body: gzip.compress(body), id="deflate-of-gzip"),
    pytest.param("garbage", lambda body: body, marks=pytest.mark.oracle_deviation(
        "DynamoDB Local ignores a Content-Encoding it does not know"), id="unknown-coding"),
])
def test_http_broken_encoding_refused(endpoint, table, coding, make_body):
    key = unique_name("k")
    response = raw_request(endpoint, body=make_body(put_body(table, key)), target="PutItem",
                           headers={"Content-Encoding": coding})
    assert response.status == 500
    assert error_type(response) == "InternalFailure"
    assert "Item" not in get_item(endpoint, table, key).json()
    assert raw_request(endpoint, body=b"{}").status == 200


# A small body that decompresses past 16 MB (a bomb) is refused with 413 once the limit is
# passed, without decompressing the rest; the server stays up.
@UNREAD_BY_ORACLE
@pytest.mark.parametrize("coding, compress", [("gzip", gzip.compress), ("deflate", zlib.compress)])
def test_http_compression_bomb_refused(endpoint, table, coding, compress):
    key = unique_name("k")
    body = put_body(table, key)
    bomb = compress(body[:-1] + b" " * (64 * MAX_BODY_BYTES) + body[-1:])
    assert len(bomb) < 2 * 1024 * 1024
    response = raw_request(endpoint, body=bomb, target="PutItem",
                           headers={"Content-Encoding": coding})
    assert response.status == 413
    assert "Item" not in get_item(endpoint, table, key).json()
    assert raw_request(endpoint, body=b"{}").status == 200


# --- Compressed answers ----------------------------------------------------------------------------


def decompress(response):
    coding = response.headers.get("content-encoding")
    if coding == "gzip":
        return gzip.decompress(response.body)
    if coding == "deflate":
        return zlib.decompress(response.body)
    return response.body


# An answer of 4 KB or more is compressed with the coding Accept-Encoding prefers; x-amz-crc32 is
# the CRC32 of the bytes sent (the AWS SDK for Java checks it so for DynamoDB); smaller answers
# and clients that do not ask get it plain.
@pytest.mark.parametrize("accept, coding", [
    *[pytest.param(accept, coding, marks=NEVER_COMPRESSED_BY_ORACLE)
      for accept, coding in [("gzip", "gzip"), ("deflate", "deflate"), ("gzip, deflate", "gzip"),
                             ("*, gzip;q=0.5", "deflate")]],
    ("br", None), ("gzip;q=0", None), ("identity", None),
])
def test_http_big_answer_compressed_when_asked(endpoint, table, accept, coding):
    key = unique_name("k")
    assert raw_request(endpoint, body=put_body(table, key, x="x" * COMPRESSION_THRESHOLD),
                       target="PutItem").status == 200
    plain = get_item(endpoint, table, key)
    response = get_item(endpoint, table, key, headers={"Accept-Encoding": accept})
    assert response.status == 200
    assert response.headers.get("content-encoding") == coding
    assert response.headers["x-amz-crc32"] == str(zlib.crc32(response.body))
    assert json.loads(decompress(response)) == plain.json()
    if coding:
        assert len(response.body) * 20 < len(plain.body)


def test_http_small_answer_not_compressed(endpoint, table):
    key = unique_name("k")
    raw_request(endpoint, body=put_body(table, key, x="small"), target="PutItem")
    response = get_item(endpoint, table, key, headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in response.headers
    assert response.json()["Item"]["x"] == {"S": "small"}


# --- CORS ----------------------------------------------------------------------------------------


CORS_HEADERS = ["access-control-allow-origin", "access-control-allow-credentials",
                "access-control-expose-headers", "access-control-max-age",
                "access-control-allow-methods", "access-control-allow-headers"]


# Without an Origin, no answer carries CORS headers.
def test_http_cors_not_used_without_origin(endpoint):
    for response in [raw_request(endpoint, body=b"{}"),
                     raw_request(endpoint, method="GET", sign=False, target=None)]:
        assert not any(header in response.headers for header in CORS_HEADERS)


# With an Origin, every answer allows any origin and exposes the response headers; only the
# preflight has Max-Age and echoes the method and headers asked for.
@pytest.mark.oracle_deviation("DynamoDB Local sends CORS headers only on a preflight")
def test_http_cors_allows_any_origin(endpoint):
    origin = {"Origin": "http://app.example.com"}
    for response in [raw_request(endpoint, body=b"{}", headers=origin),
                     raw_request(endpoint, body=b"{}", headers=origin, target="Nope"),
                     raw_request(endpoint, method="GET", headers=origin, sign=False,
                                 target=None)]:
        assert response.headers["access-control-allow-origin"] == "*"
        assert "x-amzn-RequestId" in response.headers["access-control-expose-headers"]
        assert "access-control-max-age" not in response.headers
        assert "access-control-allow-methods" not in response.headers


@pytest.mark.oracle_deviation("DynamoDB Local's preflight has no Allow-Origin, and another Max-Age")
def test_http_cors_preflight(endpoint):
    response = raw_request(endpoint, method="OPTIONS", sign=False, target=None, headers={
        "Origin": "http://app.example.com",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "content-type, x-amz-target, authorization",
    })
    assert response.status == 200
    assert response.body == b""
    assert response.headers["content-length"] == "0"
    assert response.headers["access-control-allow-origin"] == "*"
    assert response.headers["access-control-allow-methods"] == "POST"
    assert response.headers["access-control-allow-headers"] == \
        "content-type, x-amz-target, authorization"
    assert response.headers["access-control-max-age"] == "172800"


# --cors (or DDBLOCAL_CORS) allows only the origins it lists, each named back with Vary: Origin;
# another origin is answered as if it sent none (its preflight is a 404).
@own_server
@pytest.mark.parametrize("from_environment", [False, True])
def test_http_cors_allow_list(monkeypatch, from_environment):
    allowed = "https://app.example.com,http://localhost:3000"
    if from_environment:
        monkeypatch.setenv("DDBLOCAL_CORS", allowed)
    args = [] if from_environment else ["--cors", allowed]
    with running_ddblocal("--in-memory", *args) as url:
        for origin in ["https://app.example.com", "http://localhost:3000"]:
            response = raw_request(url, body=b"{}", headers={"Origin": origin})
            assert response.headers["access-control-allow-origin"] == origin
            assert response.headers["vary"] == "Origin"
            preflight = raw_request(url, method="OPTIONS", sign=False, target=None,
                                    headers={"Origin": origin})
            assert preflight.status == 200
        response = raw_request(url, body=b"{}", headers={"Origin": "https://evil.example.com"})
        assert response.status == 200
        assert "access-control-allow-origin" not in response.headers
        preflight = raw_request(url, method="OPTIONS", sign=False, target=None,
                                headers={"Origin": "https://evil.example.com"})
        assert preflight.status == 404
