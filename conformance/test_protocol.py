"""The wire protocol, driven with raw HTTP: routing by X-Amz-Target, JSON errors, response
headers (request id, CRC32, content type), keep-alive and the request size limit.

Requests are signed with SigV4 (dummy credentials) so that they are also valid against a server
that checks signatures."""

import http.client
import json
import re
import socket
import threading
import time
import urllib.parse
import zlib

import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from conftest import ACCESS_KEY, REGION, SECRET_KEY, unique_name

JSON_1_0 = "application/x-amz-json-1.0"
MAX_BODY_BYTES = 16 * 1024 * 1024
# DynamoDB Local sends UUIDs; real DynamoDB sends 52 upper-case alphanumerics. Either is an id.
REQUEST_ID_RE = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9A-Z]{52}"


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = {k.lower(): v for k, v in headers}
        self.body = body

    def json(self):
        return json.loads(self.body)


def error_type_and_message(response):
    """(__type, message) of a JSON error body; DynamoDB spells the key 'message' or 'Message'."""
    body = response.json()
    return body["__type"], body.get("message", body.get("Message"))


def signed_headers(endpoint, body, target="DynamoDB_20120810.ListTables", content_type=JSON_1_0):
    headers = {"Content-Type": content_type}
    if target is not None:
        headers["X-Amz-Target"] = target
    request = AWSRequest(method="POST", url=endpoint + "/", data=body, headers=headers)
    SigV4Auth(Credentials(ACCESS_KEY, SECRET_KEY), "dynamodb", REGION).add_auth(request)
    return dict(request.headers.items())


def host_port(endpoint):
    url = urllib.parse.urlsplit(endpoint)
    return url.hostname, url.port or 80


def post(endpoint, body, conn=None, **header_options):
    """POST body (bytes) to the endpoint; reuses conn when given."""
    own = conn is None
    if own:
        conn = http.client.HTTPConnection(*host_port(endpoint), timeout=60)
    try:
        conn.request("POST", "/", body=body, headers=signed_headers(endpoint, body, **header_options))
        raw = conn.getresponse()
        return Response(raw.status, raw.getheaders(), raw.read())
    finally:
        if own:
            conn.close()


def post_raw_socket(endpoint, body, target, deadline_s=60):
    """POST over a bare socket, the body pushed by a sender thread while the answer is read, so
    that a server which answers before it has read the whole body (as it should for an oversized
    one) is heard. Returns (status, body bytes), or (None, b'') when nothing readable came back."""
    host, port = host_port(endpoint)
    headers = signed_headers(endpoint, body, target=target)
    headers["Content-Length"] = str(len(body))
    head = "POST / HTTP/1.1\r\n" + f"Host: {host}:{port}\r\n"
    head += "".join(f"{k}: {v}\r\n" for k, v in headers.items() if k.lower() != "host") + "\r\n"
    sock = socket.create_connection((host, port), timeout=deadline_s)
    received = bytearray()

    def read():
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                received.extend(chunk)
                header_end = received.find(b"\r\n\r\n")
                if header_end >= 0:
                    match = re.search(rb"(?im)^content-length:\s*(\d+)", bytes(received[:header_end]))
                    if match and len(received) >= header_end + 4 + int(match.group(1)):
                        return
        except OSError:
            return

    def send():
        try:
            sock.sendall(head.encode() + body)
        except OSError:
            pass  # the server may stop reading an oversized body; its answer is still expected

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    read()
    # Unblocks a sender still pushing a body the server no longer reads.
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sender.join(deadline_s)
    sock.close()
    match = re.match(rb"HTTP/1\.[01] (\d{3})", bytes(received))
    if not match:
        return None, b""
    return int(match.group(1)), bytes(received[received.find(b"\r\n\r\n") + 4:])


# --- Successful responses ---------------------------------------------------------------------


# A successful response is JSON with Content-Type application/x-amz-json-1.0.
def test_protocol_response_content_type(endpoint):
    response = post(endpoint, b"{}")
    assert response.status == 200
    assert response.headers["content-type"] == JSON_1_0
    assert isinstance(response.json()["TableNames"], list)


# x-amz-crc32 is the CRC32 of the response body, as a decimal number.
def test_protocol_crc32_of_body(endpoint):
    response = post(endpoint, b"{}")
    assert response.headers["x-amz-crc32"] == str(zlib.crc32(response.body))


# Every response carries x-amzn-RequestId, different for each request.
def test_protocol_request_id_unique(endpoint):
    ids = [post(endpoint, b"{}").headers["x-amzn-requestid"] for _ in range(3)]
    assert all(re.fullmatch(REQUEST_ID_RE, i) for i in ids), ids
    assert len(set(ids)) == 3


# A write with nothing to return answers with the JSON object {} (not an empty body).
def test_protocol_put_item_answers_empty_object(endpoint, create_table):
    name = create_table()
    body = json.dumps({"TableName": name, "Item": {"p": {"S": "k"}}}).encode()
    response = post(endpoint, body, target="DynamoDB_20120810.PutItem")
    assert response.status == 200
    assert response.json() == {}
    assert response.headers["x-amz-crc32"] == str(zlib.crc32(response.body))


# Content-Type application/x-amz-json-1.1 is accepted like 1.0 (a leniency, see below).
def test_protocol_json_1_1_content_type_accepted(endpoint):
    # DynamoDB Local accepts 1.1 and ddblocal must; dynalite's tests, recorded against real
    # DynamoDB, show the real service answering 404 to a 1.1 body, so this is not a DynamoDB rule.
    response = post(endpoint, b"{}", content_type="application/x-amz-json-1.1")
    assert response.status == 200
    assert isinstance(response.json()["TableNames"], list)


# Connections are kept alive: several requests travel over one HTTP/1.1 connection.
def test_protocol_keep_alive(endpoint, create_table):
    name = create_table()
    conn = http.client.HTTPConnection(*host_port(endpoint), timeout=60)
    try:
        first = post(endpoint, b"{}", conn=conn)
        sock = conn.sock
        assert sock is not None, "server closed the connection after one request"
        describe = json.dumps({"TableName": name}).encode()
        second = post(endpoint, describe, conn=conn, target="DynamoDB_20120810.DescribeTable")
        third = post(endpoint, b"{}", conn=conn)
        assert conn.sock is sock
        assert [first.status, second.status, third.status] == [200, 200, 200]
        assert second.json()["Table"]["TableName"] == name
        assert all(r.headers.get("connection", "").lower() != "close" for r in (first, second, third))
    finally:
        conn.close()


# --- Errors -----------------------------------------------------------------------------------


# An error response carries x-amz-crc32 of its body too.
@pytest.mark.oracle_deviation("DynamoDB Local sends no x-amz-crc32 on errors")
def test_protocol_crc32_on_error(endpoint):
    body = json.dumps({"TableName": unique_name()}).encode()
    response = post(endpoint, body, target="DynamoDB_20120810.DescribeTable")
    assert response.status == 400
    assert response.headers["x-amz-crc32"] == str(zlib.crc32(response.body))


# Error bodies are JSON {"__type": "...#Error", "message": "..."} with the JSON content type.
def test_protocol_error_body_shape(endpoint):
    name = unique_name()
    body = json.dumps({"TableName": name}).encode()
    response = post(endpoint, body, target="DynamoDB_20120810.DescribeTable")
    assert response.status == 400
    assert response.headers["content-type"] == JSON_1_0
    error_type, message = error_type_and_message(response)
    assert error_type.endswith("#ResourceNotFoundException")
    assert isinstance(message, str) and message


# An unknown operation in X-Amz-Target is a 400 UnknownOperationException without a message.
@pytest.mark.oracle_deviation("DynamoDB Local adds the message 'An unknown operation was requested.'")
@pytest.mark.parametrize("target", ["DynamoDB_20120810.FooBar", "DynamoDB_20120810.ListTable"])
def test_protocol_unknown_operation_rejected(endpoint, target):
    response = post(endpoint, b"{}", target=target)
    assert response.status == 400
    error_type, message = error_type_and_message(response)
    assert error_type.endswith("#UnknownOperationException")
    assert not message


# A body that is not JSON is a 400 SerializationException without a message.
@pytest.mark.oracle_deviation("DynamoDB Local answers malformed JSON with a 500 InternalFailure")
@pytest.mark.parametrize("body", [b'{"TableName": ', b"not json", b"{,}"])
def test_protocol_malformed_json_rejected(endpoint, body):
    response = post(endpoint, body)
    assert response.status == 400
    error_type, message = error_type_and_message(response)
    assert error_type.endswith("#SerializationException")
    assert not message


# A field of the wrong JSON type is a 400 SerializationException naming the JSON value kind.
@pytest.mark.oracle_deviation("DynamoDB Local treats a non-string TableName as an invalid name")
@pytest.mark.parametrize(
    "value, message",
    [(5, "NUMBER_VALUE cannot be converted to String"), (True, "TRUE_VALUE cannot be converted to String")],
)
def test_protocol_wrongly_typed_field_rejected(endpoint, value, message):
    body = json.dumps({"TableName": value}).encode()
    response = post(endpoint, body, target="DynamoDB_20120810.DescribeTable")
    assert response.status == 400
    error_type, got = error_type_and_message(response)
    assert error_type.endswith("#SerializationException")
    assert got == message


# --- Request size limit -----------------------------------------------------------------------


def padded_put(table, size):
    """A valid PutItem body of exactly size bytes (padded with JSON whitespace)."""
    core = json.dumps({"TableName": table, "Item": {"p": {"S": "k"}}}).encode()
    return core[:-1] + b" " * (size - len(core)) + b"}"


# A body of exactly 16 MB is read and processed normally.
def test_protocol_body_of_16mb_accepted(endpoint, create_table):
    name = create_table()
    status, body = post_raw_socket(endpoint, padded_put(name, MAX_BODY_BYTES), "DynamoDB_20120810.PutItem")
    assert status == 200, body[:200]


# A body over 16 MB is refused with 413, and the server keeps serving afterwards.
def test_protocol_body_over_16mb_rejected(endpoint, create_table):
    name = create_table()
    start = time.monotonic()
    request = padded_put(name, MAX_BODY_BYTES + 1)
    status, body = post_raw_socket(endpoint, request, "DynamoDB_20120810.PutItem")
    assert status == 413, f"expected 413, got {status} {body[:200]!r} after {time.monotonic() - start:.1f} s"
    assert post(endpoint, b"{}").status == 200


# Members a request's shape lacks are ignored, as DynamoDB's deserializer ignores them: reads
# that only project have no ExpressionAttributeValues (boto3 will not send it, so raw HTTP).
VALUES = {":v": {"S": "x"}}


@pytest.mark.parametrize("operation, body", [
    ("GetItem", lambda table: {"TableName": table, "Key": {"p": {"S": "k"}},
                               "ExpressionAttributeValues": VALUES}),
    ("BatchGetItem", lambda table: {"RequestItems": {table: {
        "Keys": [{"p": {"S": "k"}}], "ExpressionAttributeValues": VALUES}}}),
    ("TransactGetItems", lambda table: {"TransactItems": [{"Get": {
        "TableName": table, "Key": {"p": {"S": "k"}}, "ExpressionAttributeValues": VALUES}}]}),
])
def test_protocol_unknown_member_ignored(endpoint, create_table, operation, body):
    name = create_table()
    response = post(endpoint, json.dumps(body(name)).encode(),
                    target=f"DynamoDB_20120810.{operation}")
    assert response.status == 200, response.body
