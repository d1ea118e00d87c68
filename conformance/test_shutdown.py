"""Graceful shutdown: on SIGTERM or SIGINT the server stops accepting, closes idle connections,
finishes the requests in progress, flushes and exits 0; every acknowledged write is there on
the next start.

These tests start their own ddblocal binary, so they do not run against DDBLOCAL_ENDPOINT."""

import json
import os
import signal
import socket
import subprocess
import threading
import time

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError, EndpointConnectionError, ConnectionClosedError

from conftest import (
    ACCESS_KEY,
    REGION,
    SECRET_KEY,
    UNCHECKED_AUTHORIZATION,
    _free_port,
    _wait_for_port,
    ddblocal_binary,
)

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DDBLOCAL_ENDPOINT")), reason="starts its own ddblocal binary"
)

TABLE = "shutdown"


def start(data_dir):
    port = _free_port()
    log = open(os.path.join(os.path.dirname(data_dir), f"server-{port}.log"), "wb")
    proc = subprocess.Popen(
        [str(ddblocal_binary()), "--port", str(port), "--data-dir", data_dir, "--log-level", "warn"],
        stdout=log, stderr=subprocess.STDOUT)
    _wait_for_port(port, proc, log.name)
    proc.log_path = log.name
    return proc, port


def stop(proc):
    """SIGTERM, and the exit code. A server still running after its 10 s drain and a flush is
    killed, and the test fails with its log."""
    proc.terminate()
    try:
        return proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        with open(proc.log_path, errors="replace") as log:
            pytest.fail(f"ddblocal did not exit within 15 s of SIGTERM; its log:\n{log.read()[-4000:]}")


def client(port):
    return boto3.client(
        "dynamodb", endpoint_url=f"http://127.0.0.1:{port}", region_name=REGION,
        aws_access_key_id=ACCESS_KEY, aws_secret_access_key=SECRET_KEY,
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}, read_timeout=20))


def create_table(port):
    client(port).create_table(
        TableName=TABLE, KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST")


def raw_request(operation, body):
    """The bytes of a DynamoDB request, as one HTTP/1.1 keep-alive request."""
    payload = json.dumps(body).encode()
    head = (f"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-amz-json-1.0\r\n"
            f"X-Amz-Target: DynamoDB_20120810.{operation}\r\n"
            f"Authorization: {UNCHECKED_AUTHORIZATION}\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n").encode()
    return head + payload


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT])
def test_idle_connections_do_not_delay_exit(tmp_path, signal_number):
    proc, port = start(str(tmp_path / "data"))
    idle = socket.create_connection(("127.0.0.1", port))
    try:
        idle.sendall(raw_request("ListTables", {}))
        assert b"200 OK" in idle.recv(65536)
        proc.send_signal(signal_number)
        assert proc.wait(timeout=5) == 0
        assert idle.recv(65536) == b""  # the server closed the idle keep-alive connection
    finally:
        idle.close()
        if proc.poll() is None:
            proc.kill()


# A request whose body is still arriving when the signal comes is answered (with
# "Connection: close"), and its write survives the restart.
def test_request_in_progress_is_finished(tmp_path):
    data_dir = str(tmp_path / "data")
    proc, port = start(data_dir)
    create_table(port)
    request = raw_request("PutItem", {"TableName": TABLE, "Item": {"p": {"S": "late"}}})
    connection = socket.create_connection(("127.0.0.1", port))
    try:
        connection.sendall(request[:-5])
        time.sleep(0.2)  # the header is read: the request is in progress
        proc.send_signal(signal.SIGTERM)
        time.sleep(0.2)
        connection.sendall(request[-5:])
        answer = connection.recv(65536)
        assert answer.startswith(b"HTTP/1.1 200 OK")
        assert b"Connection: close" in answer
        assert proc.wait(timeout=5) == 0
    finally:
        connection.close()
        if proc.poll() is None:
            proc.kill()
    proc, port = start(data_dir)
    try:
        assert client(port).get_item(TableName=TABLE, Key={"p": {"S": "late"}})["Item"] == {
            "p": {"S": "late"}}
    finally:
        stop(proc)


# Writers keep writing through the signal: whatever was acknowledged is on disk afterwards,
# new connections are refused, and the process exits 0.
def test_acknowledged_writes_survive_a_shutdown_under_load(tmp_path):
    data_dir = str(tmp_path / "data")
    proc, port = start(data_dir)
    create_table(port)
    acknowledged = []
    lock = threading.Lock()
    clients = [client(port) for _ in range(4)]

    def writer(number, writer_client):
        for i in range(100_000):
            key = f"w{number}-{i}"
            try:
                writer_client.put_item(TableName=TABLE, Item={"p": {"S": key}})
            except (ClientError, EndpointConnectionError, ConnectionClosedError):
                return
            with lock:
                acknowledged.append(key)

    threads = [threading.Thread(target=writer, args=(n, c)) for n, c in enumerate(clients)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=15) == 0
    for thread in threads:
        thread.join(timeout=30)
    assert len(acknowledged) > 0

    proc, port = start(data_dir)
    try:
        reader = client(port)
        for start_index in range(0, len(acknowledged), 100):
            keys = [{"p": {"S": key}} for key in acknowledged[start_index:start_index + 100]]
            found = reader.batch_get_item(RequestItems={TABLE: {"Keys": keys}})
            assert len(found["Responses"][TABLE]) == len(keys)
    finally:
        stop(proc)
