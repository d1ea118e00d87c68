"""Runs ddblocal's benchmark against the alternatives, interleaved in one run: every workload
runs against ddblocal on disk, ddblocal in memory, dynalite and an nginx that answers every
POST with "{}" (the cost of an HTTP round trip here: the ceiling no DynamoDB server can pass),
one after the other, before the next workload starts. Prints Markdown tables: requests per
second with p50/p99 latency, ratios to the ceiling and to dynalite, start-up and memory.

Usage: bench.py BINARY [--dynalite CLI] [--seconds N] [--connections N]
"""
import argparse
import contextlib
import http.client
import json
import os
import socket
import subprocess
import tempfile
import time

LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lua")
WRK_THREADS = 2
HEADERS = {
    "Content-Type": "application/x-amz-json-1.0",
    "X-Amz-Date": "20240101T000000Z",
    "Authorization": "AWS4-HMAC-SHA256 Credential=bench/20240101/us-east-1/dynamodb/aws4_request, "
                     "SignedHeaders=host, Signature=0",
}
NGINX_CONFIG = """
worker_processes {workers};
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {folder};
  server {{
    listen 127.0.0.1:{port};
    location / {{ default_type application/x-amz-json-1.0; return 200 '{{}}'; }}
  }}
}}
"""

# (name, script), in the order they run: GetItem reads what PutItem wrote, Scan pages it.
WORKLOADS = [
    ("PutItem", "put_item.lua"),
    ("GetItem", "get_item.lua"),
    ("Query (25 of 100 items)", "query.lua"),
    ("Scan (pages of 100)", "scan.lua"),
    ("UpdateItem ADD (16 counters)", "update_counter.lua"),
    ("PutItem with a condition", "conditional_put.lua"),
    ("BatchWriteItem (25 items)", "batch_write_item.lua"),
    ("TransactWriteItems (4 items)", "transact_write_items.lua"),
]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(port, operation, body):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("POST", "/", json.dumps(body),
                       {**HEADERS, "X-Amz-Target": "DynamoDB_20120810." + operation})
    response = connection.getresponse()
    answer = json.loads(response.read())
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{operation}: {answer}")
    return answer


def start(command):
    """Starts a server that takes its port last; answers (process, port, milliseconds to the
    first answered ListTables)."""
    port = free_port()
    began = time.perf_counter()
    process = subprocess.Popen([*command(port)], stdout=subprocess.DEVNULL)
    deadline = began + 30
    while time.perf_counter() < deadline:
        try:
            call(port, "ListTables", {})
            return process, port, (time.perf_counter() - began) * 1000
        except (ConnectionError, OSError):
            time.sleep(0.0005)
    process.kill()
    raise RuntimeError(f"{command(port)[0]} did not answer within 30 s")


def ddblocal_command(binary, *args):
    return lambda port: [binary, "--log-level", "warn", *args, "--port", str(port)]


def rss_mb(process):
    with open(f"/proc/{process.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def cpu_seconds(process):
    """The user and system CPU time the process has used."""
    with open(f"/proc/{process.pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wrk(port, script, seconds, connections, env=None):
    output = subprocess.run(
        ["wrk", f"-t{min(WRK_THREADS, connections)}", f"-c{connections}", f"-d{seconds}s", "-s",
         os.path.join(LUA, script), f"http://127.0.0.1:{port}/"],
        check=True, capture_output=True, text=True,
        env={**os.environ, "BENCH_LUA": LUA, **(env or {})}).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


class Target:
    """One server under test. `dynamodb` is false for the nginx ceiling, which has no tables."""

    def __init__(self, name, command, dynamodb=True):
        self.name, self.command, self.dynamodb = name, command, dynamodb
        self.results = {}

    def __enter__(self):
        self.process, self.port, self.startup_ms = start(self.command)
        self.idle_mb = rss_mb(self.process)
        if self.dynamodb:
            self.create_tables()
        return self

    def __exit__(self, *exc):
        self.loaded_mb = rss_mb(self.process)
        self.process.terminate()
        self.process.wait()

    def create_tables(self):
        self.create_table({
            "TableName": "bench", "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]})
        self.create_table({
            "TableName": "scale", "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"},
                          {"AttributeName": "c", "KeyType": "RANGE"}],
            "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"},
                                     {"AttributeName": "c", "AttributeType": "N"}]})
        # Query's partition: 100 items of about 200 bytes (as JSON; 178 as DynamoDB sizes them).
        for first in range(0, 100, 25):
            call(self.port, "BatchWriteItem", {"RequestItems": {"scale": [
                {"PutRequest": {"Item": {"p": {"S": "hot"}, "c": {"N": str(c)},
                                         "v": {"S": "x" * 170}}}}
                for c in range(first, first + 25)]}})

    def create_table(self, request):
        """Creates a table and waits until it is ACTIVE (dynalite creates tables after it
        answers, even with --createTableMs 0)."""
        call(self.port, "CreateTable", request)
        name = request["TableName"]
        while call(self.port, "DescribeTable", {"TableName": name})["Table"]["TableStatus"] != "ACTIVE":
            time.sleep(0.01)

    def workload_env(self, script):
        if not self.dynamodb:
            return {"BENCH_CEILING": "1", "BENCH_PUT_THREADS": "1", "BENCH_KEYS_PER_THREAD": "2"}
        if script != "get_item.lua":
            return {}
        # Every put thread wrote at least this many keys (wrk splits connections evenly).
        items = call(self.port, "DescribeTable", {"TableName": "bench"})["Table"]["ItemCount"]
        return {"BENCH_PUT_THREADS": str(WRK_THREADS),
                "BENCH_KEYS_PER_THREAD": str(max(2, items // WRK_THREADS // 2))}

    def run(self, name, script, seconds, connections):
        self.results[name] = wrk(self.port, script, seconds, connections,
                                 self.workload_env(script))


def nginx_command(folder):
    def command(port):
        path = os.path.join(folder, "nginx.conf")
        with open(path, "w") as config:
            config.write(NGINX_CONFIG.format(workers=os.cpu_count(), folder=folder, port=port))
        return ["nginx", "-c", path, "-p", folder]
    return command


def unsupported(result):
    """Every request failed: the server does not have the operation (dynalite has no
    transactions)."""
    return result["errors"] >= result["requests"]


def cell(result):
    if unsupported(result):
        return "not supported"
    text = f"{result['rps']:,.0f} ({result['p50_us'] / 1000:.2f} / {result['p99_us'] / 1000:.2f})"
    return text + (f", {result['errors']} errors" if result["errors"] else "")


def ratio(result, reference):
    if unsupported(result) or unsupported(reference):
        return "-"
    return f"{result['rps'] / reference['rps']:.2f}x"


def print_tables(targets, options):
    disk, memory, dynalite, ceiling = targets
    print(f"{options.connections} connections, {WRK_THREADS} wrk threads, {options.seconds} s "
          f"per workload and server, on {os.cpu_count()} cores. Each cell: requests/s "
          f"(p50 / p99 ms).\n")
    print("| operation | " + " | ".join(target.name for target in targets) + " |")
    print("|---|" + "---|" * len(targets))
    for name, _ in WORKLOADS:
        print(f"| {name} | " + " | ".join(cell(target.results[name]) for target in targets) + " |")

    print("\nddblocal against the ceiling and against dynalite (requests/s divided; items/s for "
          "the batches is 25 and 4 times the requests).\n")
    print("| operation | on disk / ceiling | on disk / dynalite | in memory / ceiling | "
          "in memory / dynalite |")
    print("|---|---|---|---|---|")
    for name, _ in WORKLOADS:
        print(f"| {name} | " + " | ".join(
            ratio(ours.results[name], reference.results[name])
            for ours in (disk, memory) for reference in (ceiling, dynalite)) + " |")

    print("\n| server | start-up to first answer (ms) | RSS idle (MB) | RSS after the run (MB) |")
    print("|---|---|---|---|")
    for target in (disk, memory, dynalite):
        print(f"| {target.name} | {target.startup_ms:.1f} | {target.idle_mb:.1f} | "
              f"{target.loaded_mb:.1f} |")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--dynalite", required=True, help="dynalite's cli.js")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="run only the workloads whose names contain TEXT (repeatable); "
                             "PutItem always runs, as GetItem and Scan read what it wrote")
    options = parser.parse_args()
    if options.only:
        WORKLOADS[:] = [(name, script) for name, script in WORKLOADS
                        if name == "PutItem" or any(text in name for text in options.only)]

    with tempfile.TemporaryDirectory() as data_dir, tempfile.TemporaryDirectory() as nginx_dir:
        targets = [
            Target("ddblocal on disk", ddblocal_command(options.binary, "--data-dir", data_dir)),
            Target("ddblocal in memory", ddblocal_command(options.binary, "--in-memory")),
            Target("dynalite", lambda port: [
                "node", options.dynalite, "--createTableMs", "0", "--deleteTableMs", "0",
                "--updateTableMs", "0", "--port", str(port)]),
            Target("nginx (ceiling)", nginx_command(nginx_dir), dynamodb=False),
        ]
        with contextlib.ExitStack() as running:
            for target in targets:
                running.enter_context(target)
            for name, script in WORKLOADS:
                for target in targets:
                    target.run(name, script, options.seconds, options.connections)
    print_tables(targets, options)


if __name__ == "__main__":
    main()
