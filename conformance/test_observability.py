"""What an operator sees: GET /metrics in Prometheus's text format (requests, errors and
latencies per operation, each table's items and bytes, RocksDB's figures), the log (one line per
start, stop and error at info, JSON with --log-format json, with the request id of the line's
request) and `ddblocal --health-check`, the check the container image runs."""

import json
import re
import signal
import subprocess

import pytest
from botocore.exceptions import ClientError

from conftest import (_free_port, _wait_for_port, client_for, ddblocal_binary, own_server,
                      running_ddblocal)
from test_http_surface import raw_request

pytestmark = own_server

# name{label="value",...} value
SAMPLE_RE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[a-z_]+="(?:[^"\\]|\\.)*"'
                       r'(?:,[a-z_]+="(?:[^"\\]|\\.)*")*\})? (-?[0-9.e+-]+|\+Inf)$')


def metrics(url):
    """{(name, labels text): value} of GET /metrics, checking every line's form."""
    response = raw_request(url, method="GET", path="/metrics", sign=False, target=None)
    assert response.status == 200
    assert response.headers["content-type"].startswith("text/plain")
    samples = {}
    for line in response.body.decode().splitlines():
        if line.startswith("# HELP ") or line.startswith("# TYPE "):
            continue
        match = SAMPLE_RE.match(line)
        assert match, line
        samples[(match.group(1), match.group(2) or "")] = float(match.group(3))
    return samples


# Requests and errors are counted per operation and error type, latencies in a histogram; each
# table shows its items and bytes; RocksDB's figures are there.
def test_metrics_count_what_happened():
    with running_ddblocal("--in-memory") as url:
        dynamodb = client_for(url)
        dynamodb.create_table(TableName="counted",
                              KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
                              AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
                              BillingMode="PAY_PER_REQUEST")
        for i in range(5):
            dynamodb.put_item(TableName="counted", Item={"p": {"S": f"k{i}"}, "v": {"S": "x" * 100}})
        for _ in range(3):
            with pytest.raises(ClientError):
                dynamodb.get_item(TableName="missing", Key={"p": {"S": "k"}})
        raw_request(url, method="GET", sign=False, target=None)
        samples = metrics(url)
        assert samples[("ddblocal_requests_total", '{operation="PutItem"}')] == 5
        assert samples[("ddblocal_requests_total", '{operation="GetItem"}')] == 3
        assert samples[("ddblocal_errors_total",
                        '{operation="GetItem",type="ResourceNotFoundException"}')] == 3
        assert samples[("ddblocal_requests_total", '{operation="none"}')] >= 1
        assert samples[("ddblocal_request_duration_seconds_count", '{operation="PutItem"}')] == 5
        assert samples[("ddblocal_request_duration_seconds_bucket",
                        '{operation="PutItem",le="+Inf"}')] == 5
        assert 0 < samples[("ddblocal_request_duration_seconds_sum", '{operation="PutItem"}')] < 5
        table = '{namespace="us-east-1",table="counted"}'
        assert samples[("ddblocal_table_items", table)] == 5
        assert samples[("ddblocal_table_bytes", table)] > 5 * 100
        assert samples[("ddblocal_rocksdb_estimate_num_keys", "")] >= 5


def start(*args):
    """A ddblocal with `args` and its log on a pipe: (process, URL)."""
    port = _free_port()
    proc = subprocess.Popen([str(ddblocal_binary()), "--in-memory", "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    _wait_for_port(port, proc, "/dev/null")
    return proc, f"http://127.0.0.1:{port}"


def stop(proc):
    """Stops the server with SIGTERM; its log lines."""
    proc.send_signal(signal.SIGTERM)
    output, _ = proc.communicate(timeout=30)
    assert proc.returncode == 0, output
    return output.splitlines()


# With --log-format json every line is a JSON object with time, level and message; a line
# written for a request carries its id, the one the client got as x-amzn-RequestId.
def test_logs_json_with_request_ids():
    proc, url = start("--log-format", "json", "--log-level", "debug")
    response = raw_request(url, body=b"{}")
    lines = [json.loads(line) for line in stop(proc)]
    assert all(set(line) >= {"time", "level", "message"} for line in lines), lines
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", lines[0]["time"])
    assert lines[0]["level"] == "info" and "listening on http://" in lines[0]["message"]
    assert lines[-1]["message"] == "stopped"
    request_lines = [line for line in lines if "request_id" in line]
    assert [line["request_id"] for line in request_lines] == \
        [response.headers["x-amzn-requestid"]]
    assert "ListTables" in request_lines[0]["message"]


# At info the log has a line for the start and the stop, none per request.
@pytest.mark.parametrize("log_format", ["text", "json"])
def test_logs_quiet_at_info(log_format):
    proc, url = start("--log-format", log_format, "--log-level", "info")
    for _ in range(50):
        raw_request(url, body=b"{}")
        raw_request(url, body=b"not json")
    lines = stop(proc)
    assert len(lines) == 3, lines  # listening, the signal, stopped
    assert "listening on" in lines[0] and "stopped" in lines[-1]


# `ddblocal --health-check` exits 0 when the server the flags and environment describe answers
# GET / as healthy, and 1 (saying why) when nothing answers.
def test_health_check_command(monkeypatch):
    with running_ddblocal("--in-memory") as url:
        port = url.rsplit(":", 1)[1]
        done = subprocess.run([str(ddblocal_binary()), "--health-check", "--port", port],
                              capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
        monkeypatch.setenv("DDBLOCAL_PORT", port)
        monkeypatch.setenv("DDBLOCAL_HOST", "0.0.0.0")
        done = subprocess.run([str(ddblocal_binary()), "--health-check"], capture_output=True,
                              text=True, timeout=30)
        assert done.returncode == 0, done.stderr
    done = subprocess.run([str(ddblocal_binary()), "--health-check", "--port", str(_free_port())],
                          capture_output=True, text=True, timeout=30)
    assert done.returncode == 1
    assert "is not healthy" in done.stderr
