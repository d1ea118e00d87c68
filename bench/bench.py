"""Runs ddblocal's benchmark: start-up time, memory, and wrk workloads over keep-alive HTTP.

Prints a Markdown table. Usage: bench.py BINARY [--seconds N] [--connections N]
"""
import argparse
import http.client
import json
import os
import socket
import subprocess
import tempfile
import time

LUA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lua")
WRK_THREADS = 2


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(port, operation, body):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    connection.request("POST", "/", json.dumps(body), {
        "Content-Type": "application/x-amz-json-1.0",
        "X-Amz-Target": "DynamoDB_20120810." + operation,
    })
    response = connection.getresponse()
    answer = json.loads(response.read())
    connection.close()
    if response.status != 200:
        raise RuntimeError(f"{operation}: {answer}")
    return answer


def start(binary, args):
    """Starts the server; answers (process, port, milliseconds to the first answered ListTables)."""
    port = free_port()
    began = time.perf_counter()
    process = subprocess.Popen([binary, "--port", str(port), "--log-level", "warn", *args])
    deadline = began + 10
    while time.perf_counter() < deadline:
        try:
            call(port, "ListTables", {})
            return process, port, (time.perf_counter() - began) * 1000
        except (ConnectionError, OSError):
            time.sleep(0.0005)
    process.kill()
    raise RuntimeError("the server did not answer within 10 s")


def rss_mb(process):
    with open(f"/proc/{process.pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def wrk(port, script, seconds, connections, env=None):
    output = subprocess.run(
        ["wrk", f"-t{min(WRK_THREADS, connections)}", f"-c{connections}", f"-d{seconds}s", "-s",
         os.path.join(LUA, script), f"http://127.0.0.1:{port}/"],
        check=True, capture_output=True, text=True,
        env={**os.environ, "BENCH_LUA": LUA, **(env or {})}).stdout
    result = json.loads(output.strip().splitlines()[-1])
    result["rps"] = result["requests"] / result["seconds"]
    return result


def run_store(binary, label, args, seconds, connections, rows):
    process, port, startup_ms = start(binary, args)
    try:
        call(port, "CreateTable", {
            "TableName": "bench", "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]})
        idle_mb = rss_mb(process)
        put = wrk(port, "put_item.lua", seconds, connections)
        items = call(port, "DescribeTable", {"TableName": "bench"})["Table"]["ItemCount"]
        loaded_mb = rss_mb(process)
        # Every put thread wrote at least this many keys (wrk splits connections evenly).
        keys_per_thread = max(1, items // WRK_THREADS // 2)
        get = wrk(port, "get_item.lua", seconds, connections, {
            "BENCH_PUT_THREADS": str(WRK_THREADS), "BENCH_KEYS_PER_THREAD": str(keys_per_thread)})
        batch = wrk(port, "batch_write_item.lua", seconds, connections)
        transact = wrk(port, "transact_write_items.lua", seconds, connections)
        for name, result, items_per_request in (("PutItem", put, 1), ("GetItem", get, 1),
                                                ("BatchWriteItem (25)", batch, 25),
                                                ("TransactWriteItems (4)", transact, 4)):
            rows.append(f"| {label} | {name} | {result['rps']:,.0f} | "
                        f"{result['rps'] * items_per_request:,.0f} | {result['p50_us'] / 1000:.2f} | "
                        f"{result['p99_us'] / 1000:.2f} | {result['errors']} |")
        return {"startup_ms": startup_ms, "idle_mb": idle_mb, "loaded_mb": loaded_mb, "items": items}
    finally:
        process.terminate()
        process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    options = parser.parse_args()

    rows = []
    memory = []
    with tempfile.TemporaryDirectory() as data_dir:
        for label, args in (("on disk", ["--data-dir", data_dir]), ("in memory", ["--in-memory"])):
            facts = run_store(options.binary, label, args, options.seconds, options.connections, rows)
            memory.append(f"| {label} | {facts['startup_ms']:.1f} | {facts['idle_mb']:.1f} | "
                          f"{facts['loaded_mb']:.1f} | {facts['items']:,} |")

    print(f"{options.connections} connections, {WRK_THREADS} wrk threads, {options.seconds} s per "
          f"workload, on {os.cpu_count()} cores.\n")
    print("| store | operation | req/s | items/s | p50 ms | p99 ms | errors |")
    print("|---|---|---|---|---|---|---|")
    print("\n".join(rows))
    print("\n| store | start-up to first answer (ms) | RSS idle (MB) | RSS after the PutItem run (MB) | items |")
    print("|---|---|---|---|---|")
    print("\n".join(memory))


if __name__ == "__main__":
    main()
