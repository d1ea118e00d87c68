"""Hostile and broken clients: each is bounded by a limit or a timeout, answered with an error
where HTTP allows one, and none of them slows other clients or grows the server's memory
without bound.

Connection-level cases start their own ddblocal binary with short timeouts (so they do not run
against DDBLOCAL_ENDPOINT): a slow header, a body that never finishes, idle keep-alive
connections, half-closed sockets, 10,000 connections at once, running out of file descriptors
and a 1 GB Content-Length. While the hostile clients are connected, a normal boto3 client's
PutItem and GetItem must still answer within NORMAL_LATENCY_S.

JSON-level cases (deep nesting, 100,000 attributes, invalid UTF-8, duplicate keys, bodies that
are not objects) go through HTTP to the shared endpoint and expect DynamoDB's errors."""

import contextlib
import json
import os
import resource
import socket
import threading
import time

import boto3
import pytest
from botocore.config import Config

from conftest import (
    ACCESS_KEY,
    REGION,
    SECRET_KEY,
    UNCHECKED_AUTHORIZATION,
    ddblocal_process,
    own_server,
)
from test_protocol import error_type_and_message, post

REQUEST_TIMEOUT_S = 2
IDLE_TIMEOUT_S = 2
# How long a normal request may take while hostile clients are connected (it takes ~1 ms).
NORMAL_LATENCY_S = 1.0
# The server's resident memory must stay under this however many hostile clients there are.
MAX_RSS_MB = 200
TABLE = "hostile"
TEN_THOUSAND_TIMEOUT_S = 6


class Ddblocal:
    def __init__(self, proc, port):
        self.proc = proc
        self.port = port

    def new_client(self):
        """A client without retries. Take a new one for each use: the server closes a kept-alive
        connection idle for IDLE_TIMEOUT_S, and a request sent on it just as it does fails."""
        return boto3.client(
            "dynamodb", endpoint_url=f"http://127.0.0.1:{self.port}", region_name=REGION,
            aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
            config=Config(retries={"total_max_attempts": 1, "mode": "standard"},
                          connect_timeout=5, read_timeout=5))

    def status(self, field):
        with open(f"/proc/{self.proc.pid}/status") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        raise KeyError(field)

    def rss_mb(self):
        return self.status("VmRSS") / 1024

    def sanitized(self):
        """Whether the binary runs under AddressSanitizer (GCC links its runtime dynamically)."""
        with open(f"/proc/{self.proc.pid}/maps") as maps:
            return "libasan" in maps.read()

    def open_files(self):
        return len(os.listdir(f"/proc/{self.proc.pid}/fd"))

    def cpu_seconds(self):
        with open(f"/proc/{self.proc.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def connect(self):
        return socket.create_connection(("127.0.0.1", self.port), timeout=10)

    def assert_serves_others(self, key="normal"):
        """A normal client's PutItem and GetItem each answer within NORMAL_LATENCY_S."""
        client = self.new_client()
        start = time.monotonic()
        client.put_item(TableName=TABLE, Item={"p": {"S": key}, "v": {"N": "1"}})
        put_s = time.monotonic() - start
        start = time.monotonic()
        item = client.get_item(TableName=TABLE, Key={"p": {"S": key}})["Item"]
        get_s = time.monotonic() - start
        assert item == {"p": {"S": key}, "v": {"N": "1"}}
        assert put_s < NORMAL_LATENCY_S and get_s < NORMAL_LATENCY_S, (put_s, get_s)


@contextlib.contextmanager
def ddblocal(request_timeout=REQUEST_TIMEOUT_S, idle_timeout=IDLE_TIMEOUT_S, open_files_limit=None):
    """A ddblocal with short timeouts and a table TABLE; open_files_limit caps its descriptors
    (soft and hard, so that it cannot raise them)."""
    def limit_open_files():
        if open_files_limit is not None:
            resource.setrlimit(resource.RLIMIT_NOFILE, (open_files_limit, open_files_limit))

    with ddblocal_process("--in-memory", "--request-timeout", str(request_timeout),
                          "--idle-timeout", str(idle_timeout), preexec_fn=limit_open_files,
                          stop_timeout=15) as (proc, port):
        server = Ddblocal(proc, port)
        server.new_client().create_table(
            TableName=TABLE, KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST")
        yield server
        assert proc.poll() is None, "ddblocal died"


@pytest.fixture(scope="module")
def server():
    if os.environ.get("DDBLOCAL_ENDPOINT"):
        pytest.skip("starts its own ddblocal binary")
    with ddblocal() as running:
        yield running


def request_bytes(operation, body, content_length=None):
    payload = body if isinstance(body, bytes) else json.dumps(body).encode()
    length = len(payload) if content_length is None else content_length
    head = (f"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
            f"X-Amz-Target: DynamoDB_20120810.{operation}\r\n"
            f"Authorization: {UNCHECKED_AUTHORIZATION}\r\n"
            f"Content-Length: {length}\r\n\r\n").encode()
    return head + payload


def read_until_closed(sock, timeout):
    """Everything the server sends until it closes the connection (or timeout passes: None)."""
    sock.settimeout(timeout)
    received = bytearray()
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return bytes(received)
            received.extend(chunk)
    except socket.timeout:
        return None
    except ConnectionResetError:
        return bytes(received)


def raise_open_files_limit():
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


# --- Slow and silent clients -----------------------------------------------------------------


# A header sent a byte a second is cut off when the request timeout passes since its first byte
# (a deadline for the whole request, not for each byte), with 408 Request Timeout.
def test_slow_header_answered_408_after_the_request_timeout(server):
    request = request_bytes("ListTables", {})
    clients = [server.connect() for _ in range(20)]
    stop = threading.Event()

    def trickle():
        for byte_index in range(len(request)):
            for sock in clients:
                with contextlib.suppress(OSError):
                    sock.send(request[byte_index:byte_index + 1])
            if stop.wait(1.0):
                return

    start = time.monotonic()
    trickler = threading.Thread(target=trickle)
    trickler.start()
    try:
        time.sleep(0.5)
        server.assert_serves_others()
        answers = [read_until_closed(sock, REQUEST_TIMEOUT_S + 3) for sock in clients]
        elapsed = time.monotonic() - start
    finally:
        stop.set()
        trickler.join()
        for sock in clients:
            sock.close()
    assert all(answer is not None and answer.startswith(b"HTTP/1.1 408 ") for answer in answers), \
        answers[:3]
    assert b"Connection: close" in answers[0]
    assert REQUEST_TIMEOUT_S - 0.5 < elapsed < REQUEST_TIMEOUT_S + 2.5, elapsed


# A body that never finishes (fewer bytes than its Content-Length) is answered 408 once the
# request timeout passes.
def test_unfinished_body_answered_408(server):
    body = json.dumps({"TableName": TABLE, "Item": {"p": {"S": "never"}}}).encode()
    clients = [server.connect() for _ in range(20)]
    start = time.monotonic()
    try:
        for sock in clients:
            sock.sendall(request_bytes("PutItem", body[:10], content_length=len(body)))
        server.assert_serves_others()
        answers = [read_until_closed(sock, REQUEST_TIMEOUT_S + 3) for sock in clients]
        elapsed = time.monotonic() - start
    finally:
        for sock in clients:
            sock.close()
    assert all(answer is not None and answer.startswith(b"HTTP/1.1 408 ") for answer in answers), \
        answers[:3]
    assert REQUEST_TIMEOUT_S - 0.5 < elapsed < REQUEST_TIMEOUT_S + 2.5, elapsed
    # The unfinished PutItem wrote nothing.
    assert "Item" not in server.new_client().get_item(TableName=TABLE, Key={"p": {"S": "never"}})


# Idle connections (one that never sent a byte, one kept alive after a request) are closed
# without an answer once the idle timeout passes: HTTP lets a server close an idle connection,
# and an unasked-for 408 would be read as the answer to the client's next request.
def test_idle_connections_closed_after_the_idle_timeout(server):
    silent = server.connect()
    kept_alive = server.connect()
    start = time.monotonic()
    try:
        kept_alive.sendall(request_bytes("ListTables", {}))
        kept_alive.settimeout(5)
        first = kept_alive.recv(65536)
        assert first.startswith(b"HTTP/1.1 200 OK") and b"Connection: close" not in first
        server.assert_serves_others()
        assert read_until_closed(silent, IDLE_TIMEOUT_S + 3) == b""
        assert read_until_closed(kept_alive, IDLE_TIMEOUT_S + 3) == b""
        elapsed = time.monotonic() - start
    finally:
        silent.close()
        kept_alive.close()
    assert IDLE_TIMEOUT_S - 0.5 < elapsed < IDLE_TIMEOUT_S + 2.5, elapsed


# A client that sends requests but never reads the answers is closed once the request timeout
# passes with an answer unsent: it cannot hold a connection, a buffer and a coroutine forever.
def test_client_not_reading_answers_closed_after_the_request_timeout(server):
    key = "unread"
    server.new_client().put_item(TableName=TABLE, Item={"p": {"S": key}, "v": {"S": "x" * 350_000}})
    requests = 40  # 14 MB of answers: more than the socket buffers hold
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", server.port))
    try:
        get = request_bytes("GetItem", {"TableName": TABLE, "Key": {"p": {"S": key}}})
        sock.sendall(get * requests)
        time.sleep(REQUEST_TIMEOUT_S + 1.5)
        server.assert_serves_others()
        answers = read_until_closed(sock, 5)
    finally:
        sock.close()
    assert answers is not None
    assert 0 < answers.count(b"HTTP/1.1 200 OK") < requests


# A client that half-closes after its request (shutdown(SHUT_WR)) still gets its answer, then
# the server closes too: no wait for a timeout.
def test_half_closed_after_request_is_answered(server):
    sock = server.connect()
    try:
        sock.sendall(request_bytes("ListTables", {}))
        sock.shutdown(socket.SHUT_WR)
        start = time.monotonic()
        answer = read_until_closed(sock, 5)
        assert time.monotonic() - start < NORMAL_LATENCY_S
    finally:
        sock.close()
    assert answer is not None and answer.startswith(b"HTTP/1.1 200 OK")
    assert b'"TableNames"' in answer


# A client that half-closes in the middle of a request is told its request was broken (400)
# and closed at once: the rest of the request can never come.
def test_half_closed_mid_request_is_closed_at_once(server):
    body = json.dumps({"TableName": TABLE}).encode()
    sock = server.connect()
    try:
        sock.sendall(request_bytes("DescribeTable", body[:5], content_length=len(body)))
        sock.shutdown(socket.SHUT_WR)
        start = time.monotonic()
        answer = read_until_closed(sock, 5)
        assert time.monotonic() - start < NORMAL_LATENCY_S
    finally:
        sock.close()
    assert answer is not None
    assert answer == b"" or answer.startswith(b"HTTP/1.1 400 "), answer
    server.assert_serves_others()


# --- Many connections --------------------------------------------------------------------------


# 10,000 connections opened at once are all accepted and held in bounded memory while a normal
# client is served as fast as ever; the timeouts then close them all.
@own_server
def test_ten_thousand_connections():
    connections = 10_000
    if raise_open_files_limit() < connections + 100:
        pytest.skip("the open files limit is below 10,100")
    # Timeouts long enough to hold every connection while they are counted.
    timeout = TEN_THOUSAND_TIMEOUT_S
    with ddblocal(request_timeout=timeout, idle_timeout=timeout) as server:
        hold_ten_thousand_connections(server, connections)


def hold_ten_thousand_connections(server, connections):
    with open(f"/proc/{server.proc.pid}/limits") as limits:
        server_limit = next(
            int(line.split()[3]) for line in limits if line.startswith("Max open files"))
    assert server_limit >= connections + 100, "ddblocal did not raise its open files limit"
    baseline_rss = server.rss_mb()
    sockets = []
    try:
        start = time.monotonic()
        for _ in range(connections):
            sockets.append(server.connect())
        # Half of them start a request and stop after the first line.
        for sock in sockets[::2]:
            sock.send(b"POST / HTTP/1.1\r\n")
        opened_s = time.monotonic() - start
        server.assert_serves_others()
        deadline = time.monotonic() + 5
        while server.open_files() < connections and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.open_files() >= connections  # every connection was accepted
        rss = server.rss_mb()
        # AddressSanitizer's shadow memory and quarantine come on top of the server's own.
        limit = MAX_RSS_MB + (baseline_rss if server.sanitized() else 0)
        assert rss < limit, f"RSS {rss:.0f} MB (baseline {baseline_rss:.0f} MB)"
        # Both timeouts close everything: the server's descriptors fall back to its baseline.
        deadline = time.monotonic() + TEN_THOUSAND_TIMEOUT_S + 10
        while server.open_files() > 100 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert server.open_files() <= 100, \
            f"{server.open_files()} descriptors open (opened in {opened_s:.1f} s)"
        server.assert_serves_others()
    finally:
        for sock in sockets:
            sock.close()


# Out of file descriptors, accept fails with EMFILE until a connection closes: the server waits
# between retries instead of spinning a core, and serves again once descriptors are free.
@own_server
def test_out_of_file_descriptors_does_not_spin():
    raise_open_files_limit()
    with ddblocal(open_files_limit=128) as limited:
        sockets = []
        try:
            for _ in range(300):
                sockets.append(limited.connect())
            time.sleep(0.5)  # the server has used up its descriptors
            cpu_before, start = limited.cpu_seconds(), time.monotonic()
            time.sleep(1.5)
            cpu_share = (limited.cpu_seconds() - cpu_before) / (time.monotonic() - start)
            assert cpu_share < 0.2, \
                f"the server used {cpu_share:.0%} of a core while out of descriptors"
        finally:
            for sock in sockets:
                sock.close()
        # The abandoned connections are accepted, read to their end and closed; then a normal
        # client is served.
        deadline = time.monotonic() + 10
        while True:
            try:
                limited.assert_serves_others()
                break
            except Exception:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)


# --- Oversized requests ------------------------------------------------------------------------


# A Content-Length of 1 GB is refused with 413 from the header alone: the body is never read or
# buffered, so memory does not grow, and the connection closes.
def test_one_gigabyte_content_length_refused_without_reading(server):
    baseline_rss = server.rss_mb()
    clients = [server.connect() for _ in range(20)]
    try:
        for sock in clients:
            sock.sendall(request_bytes("PutItem", b'{"TableName": "' + b"x" * 60000,
                                       content_length=1 << 30))
        server.assert_serves_others()
        answers = [read_until_closed(sock, 5) for sock in clients]
    finally:
        for sock in clients:
            sock.close()
    assert all(answer and answer.startswith(b"HTTP/1.1 413 ") for answer in answers), answers[:3]
    assert b"Connection: close" in answers[0]
    assert server.rss_mb() < min(MAX_RSS_MB, baseline_rss + 50)


# A header over 64 KB is refused (400) and the connection closed.
def test_oversized_header_refused(server):
    sock = server.connect()
    try:
        padding = b"a" * (70 * 1024)
        sock.sendall(b"POST / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + padding + b"\r\n")
        answer = read_until_closed(sock, 5)
    finally:
        sock.close()
    assert answer is not None and answer.startswith(b"HTTP/1.1 400 "), answer
    server.assert_serves_others()


# --- Hostile JSON ------------------------------------------------------------------------------


def put_body(table, item):
    return json.dumps({"TableName": table, "Item": item}).encode()


# JSON nested 100,000 levels deep is a SerializationException, not a stack overflow.
@pytest.mark.parametrize("opening, closing", [("[", "]"), ('{"a":', "}")],
                         ids=["arrays", "objects"])
def test_json_nested_100000_levels_rejected(endpoint, opening, closing):
    depth = 100_000
    body = ('{"TableName": ' + opening * depth + "1" + closing * depth + "}").encode()
    response = post(endpoint, body)
    assert response.status == 400
    assert error_type_and_message(response)[0].endswith("#SerializationException")
    assert post(endpoint, b"{}").status == 200


# An attribute value nested 100,000 levels ({"M": {"a": {"M": ...}}}) is refused, as a
# ValidationException (nesting over 32 levels) or a SerializationException (JSON nesting).
def test_attribute_nested_100000_levels_rejected(endpoint, create_table):
    name = create_table()
    depth = 100_000
    value = '{"M": {"a": ' * depth + '{"S": "deep"}' + "}}" * depth
    body = ('{"TableName": "' + name + '", "Item": {"p": {"S": "k"}, "deep": ' + value
            + "}}").encode()
    response = post(endpoint, body, target="DynamoDB_20120810.PutItem")
    assert response.status == 400
    error_type = error_type_and_message(response)[0]
    assert error_type.endswith(("#ValidationException", "#SerializationException"))


def attribute_names(count, width):
    """count distinct attribute names of `width` characters (a-z, A-Z, 0-9)."""
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    assert count <= len(alphabet) ** width
    names = []
    for number in range(count):
        name = ""
        for _ in range(width):
            number, digit = divmod(number, len(alphabet))
            name += alphabet[digit]
        names.append(name)
    return names


# DynamoDB limits an item's size (400 KB), not its number of attributes: 100,000 attributes of
# 4 bytes each (a 3-letter name and a BOOL) fit and read back.
def test_item_of_100000_attributes_accepted(endpoint, create_table, client):
    name = create_table()
    item = {attribute: {"BOOL": True} for attribute in attribute_names(100_000, 3)}
    item["p"] = {"S": "many"}
    response = post(endpoint, put_body(name, item), target="DynamoDB_20120810.PutItem")
    assert response.status == 200, response.body[:300]
    got = client.get_item(TableName=name, Key={"p": {"S": "many"}})["Item"]
    assert len(got) == 100_001


# The same number of attributes with longer names passes 400 KB: the item size error.
def test_item_of_100000_attributes_over_400kb_rejected(endpoint, create_table):
    name = create_table()
    item = {attribute: {"BOOL": True} for attribute in attribute_names(100_000, 5)}
    item["p"] = {"S": "many"}
    response = post(endpoint, put_body(name, item), target="DynamoDB_20120810.PutItem")
    assert response.status == 400
    error_type, message = error_type_and_message(response)
    assert error_type.endswith("#ValidationException")
    assert message == "Item size has exceeded the maximum allowed size"


# Bytes that are not UTF-8 in a string (or a member name) are a SerializationException.
@pytest.mark.parametrize("bad", [b"\xff", b"\xc0\xaf", b"\xe2\x82", b"\xed\xa0\x80", b"a\x80b"],
                         ids=["ff", "overlong", "truncated", "surrogate", "continuation"])
@pytest.mark.parametrize("where", ["value", "member"])
def test_invalid_utf8_rejected(endpoint, create_table, bad, where):
    assert_string_refused(endpoint, create_table(), bad, where)


# PutItem of an item with `text` (raw JSON string content) as a value or as a member name is
# a SerializationException.
def assert_string_refused(endpoint, name, text, where):
    if where == "value":
        body = b'{"TableName": "' + name.encode() + b'", "Item": {"p": {"S": "' + text + b'"}}}'
    else:
        body = (b'{"TableName": "' + name.encode() + b'", "Item": {"p": {"S": "k"}, "' + text
                + b'": {"S": "v"}}}')
    response = post(endpoint, body, target="DynamoDB_20120810.PutItem")
    assert response.status == 400
    assert error_type_and_message(response)[0].endswith("#SerializationException")


# An escaped lone surrogate names no character, and UTF-8 cannot carry it: refused like the bytes
# above, in values and member names. A surrogate pair is one character and is accepted.
@pytest.mark.oracle_deviation("DynamoDB Local's strings are UTF-16 and keep a lone surrogate")
@pytest.mark.parametrize("escape", [rb"\ud800", rb"x\udc00y", rb"\udfff"])
@pytest.mark.parametrize("where", ["value", "member"])
def test_lone_surrogate_escape_rejected(endpoint, create_table, escape, where):
    assert_string_refused(endpoint, create_table(), escape, where)


def test_surrogate_pair_escape_accepted(endpoint, create_table, client):
    name = create_table()
    body = b'{"TableName": "' + name.encode() + b'", "Item": {"p": {"S": "\\ud83d\\ude00"}}}'
    response = post(endpoint, body, target="DynamoDB_20120810.PutItem")
    assert response.status == 200, response.body
    assert client.get_item(TableName=name, Key={"p": {"S": "\U0001F600"}})["Item"] == {
        "p": {"S": "\U0001F600"}}


# A member given twice reads as its last value, as DynamoDB's JSON reader has it.
def test_duplicate_json_keys_last_wins(endpoint, create_table, client):
    name = create_table()
    body = ('{"TableName": "no-such-table", "TableName": "' + name + '", "Item": '
            '{"p": {"S": "dup"}, "v": {"S": "first"}, "v": {"S": "last"}}}').encode()
    response = post(endpoint, body, target="DynamoDB_20120810.PutItem")
    assert response.status == 200, response.body
    assert client.get_item(TableName=name, Key={"p": {"S": "dup"}})["Item"] == {
        "p": {"S": "dup"}, "v": {"S": "last"}}


# A body that is JSON but not an object is a SerializationException.
@pytest.mark.parametrize("body", [b"[]", b'"x"', b"1", b"null", b"true", b'[{"TableName": "t"}]'])
def test_non_object_body_rejected(endpoint, body):
    response = post(endpoint, body, target="DynamoDB_20120810.DescribeTable")
    assert response.status == 400
    assert error_type_and_message(response)[0].endswith("#SerializationException")
