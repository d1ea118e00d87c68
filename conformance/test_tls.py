"""HTTPS (--tls-cert, --tls-key): boto3, curl and openssl reach the server over TLS with a
certificate the openssl command made; plain HTTP stays the default; bad certificate files stop
the start with a clear message; a client that does not speak TLS does not hurt the server."""

import socket
import ssl
import subprocess
import time

import pytest

from conftest import (UNCHECKED_AUTHORIZATION, _free_port, client_for, ddblocal_binary,
                      ddblocal_process, own_server, unique_name)

pytestmark = own_server


def make_certificate(folder, name="server"):
    """A self-signed certificate for 127.0.0.1 and localhost, and its key: (cert, key) paths."""
    cert, key = folder / f"{name}.pem", folder / f"{name}-key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True)
    return cert, key


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    return make_certificate(tmp_path_factory.mktemp("tls"))


@pytest.fixture(scope="module")
def https(certificate):
    """A ddblocal serving HTTPS; yields (url, certificate path)."""
    cert, key = certificate
    with ddblocal_process("--in-memory", "--tls-cert", str(cert), "--tls-key", str(key)) as (_, port):
        yield f"https://127.0.0.1:{port}", cert


# boto3 works over HTTPS, checking the server's certificate against the one made for it.
def test_tls_boto3_over_https(https):
    url, cert = https
    dynamodb = client_for(url, verify=str(cert))
    name = unique_name()
    dynamodb.create_table(TableName=name, KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
                          AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
                          BillingMode="PAY_PER_REQUEST")
    big = "x" * 300_000  # many TLS records each way
    dynamodb.put_item(TableName=name, Item={"p": {"S": "k"}, "big": {"S": big}})
    for _ in range(3):  # one kept-alive connection
        assert dynamodb.get_item(TableName=name, Key={"p": {"S": "k"}})["Item"]["big"]["S"] == big


# curl checks the certificate and reads the health check.
def test_tls_curl_health_check(https):
    url, cert = https
    result = subprocess.run(["curl", "-sS", "--cacert", str(cert), url + "/"],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("healthy: 127.0.0.1:")


# openssl s_client completes a TLS 1.2 or 1.3 handshake; TLS 1.1 is refused.
def test_tls_openssl_handshake(https):
    url, cert = https
    address = url.removeprefix("https://")
    done = subprocess.run(["openssl", "s_client", "-connect", address, "-CAfile", str(cert),
                           "-verify_return_error", "-brief"],
                          input="", capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert "Verification: OK" in done.stderr
    assert "Protocol version: TLSv1.3" in done.stderr or "TLSv1.2" in done.stderr
    old = subprocess.run(["openssl", "s_client", "-connect", address, "-tls1_1", "-brief"],
                         input="", capture_output=True, text=True, timeout=30)
    assert old.returncode != 0


# Two requests written at once over one TLS connection are both answered: the second waits
# inside the TLS layer, where the socket alone would not show it.
def test_tls_pipelined_requests_answered(https):
    url, cert = https
    host, port = url.removeprefix("https://").split(":")
    context = ssl.create_default_context(cafile=str(cert))
    request = ("POST / HTTP/1.1\r\nHost: {h}\r\nContent-Type: application/x-amz-json-1.0\r\n"
               "X-Amz-Target: DynamoDB_20120810.ListTables\r\nAuthorization: {a}\r\n"
               "Content-Length: 2\r\n\r\n{{}}").format(h=host, a=UNCHECKED_AUTHORIZATION).encode()
    with socket.create_connection((host, int(port)), timeout=10) as raw:
        with context.wrap_socket(raw, server_hostname=host) as tls:
            tls.sendall(request + request)
            received = b""
            while received.count(b'{"TableNames"') < 2:
                chunk = tls.recv(65536)
                assert chunk, received
                received += chunk
    assert received.count(b"HTTP/1.1 200 OK") == 2


# A client speaking plain HTTP to the HTTPS port gets no answer it could mistake for DynamoDB's,
# and the server keeps serving TLS clients.
def test_tls_plain_client_does_not_hurt(https):
    url, cert = https
    host, port = url.removeprefix("https://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as raw:
        raw.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        raw.settimeout(10)
        try:
            answer = raw.recv(65536)
        except ConnectionResetError:
            answer = b""
    assert not answer.startswith(b"HTTP/1.1 200")
    assert client_for(url, verify=str(cert)).list_tables()["TableNames"] is not None


# `ddblocal --health-check` asks an HTTPS server too.
def test_tls_health_check_command(https, certificate):
    url, _ = https
    cert, key = certificate
    port = url.rsplit(":", 1)[1]
    done = subprocess.run([str(ddblocal_binary()), "--health-check", "--port", port,
                           "--tls-cert", str(cert), "--tls-key", str(key)],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr


def failed_start(*args):
    """Starts ddblocal with `args`, expecting it to refuse: (exit code, output)."""
    done = subprocess.run([str(ddblocal_binary()), "--in-memory", "--port", str(_free_port()),
                           *args], capture_output=True, text=True, timeout=30)
    return done.returncode, done.stdout + done.stderr


# A certificate or key that cannot be used stops the start with a message naming the file.
def test_tls_bad_files_stop_the_start(tmp_path, certificate):
    cert, key = certificate
    other_cert, other_key = make_certificate(tmp_path, "other")
    garbage = tmp_path / "garbage.pem"
    garbage.write_text("-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----\n")
    cases = [
        (["--tls-cert", str(tmp_path / "missing.pem"), "--tls-key", str(key)],
         "cannot use the TLS certificate " + str(tmp_path / "missing.pem")),
        (["--tls-cert", str(cert), "--tls-key", str(tmp_path / "missing.pem")],
         "cannot use the TLS private key " + str(tmp_path / "missing.pem")),
        (["--tls-cert", str(garbage), "--tls-key", str(key)],
         "cannot use the TLS certificate " + str(garbage)),
        (["--tls-cert", str(cert), "--tls-key", str(other_key)], str(other_key)),
        (["--tls-cert", str(cert)], "--tls-cert requires --tls-key"),
    ]
    for args, message in cases:
        code, output = failed_start(*args)
        assert code != 0, args
        assert message in output, (args, output)


# Without the flags the server speaks plain HTTP (DynamoDB Local's default).
def test_tls_plain_http_by_default():
    with ddblocal_process("--in-memory") as (_, port):
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            raw.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            assert raw.recv(65536).startswith(b"HTTP/1.1 200 OK")


# A kept-alive TLS connection waiting for its next request does not hold up a graceful stop.
def test_tls_idle_connection_does_not_delay_exit(certificate):
    cert, key = certificate
    context = ssl.create_default_context(cafile=str(cert))
    with ddblocal_process("--in-memory", "--tls-cert", str(cert), "--tls-key", str(key)) as (
            proc, port):
        raw = socket.create_connection(("127.0.0.1", port), timeout=10)
        tls = context.wrap_socket(raw, server_hostname="127.0.0.1")
        tls.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        assert tls.recv(65536).startswith(b"HTTP/1.1 200 OK")
        start = time.monotonic()
        proc.terminate()
        proc.wait(timeout=10)
        assert time.monotonic() - start < 3
        tls.close()
