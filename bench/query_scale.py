"""Latency against table size: the same 25-item Query of one 100-item partition and GetItem of
its items, with about 1,000 and about 1,000,000 other items in the table (flat is the goal:
O(log n + page)); then RSS with those items, and the start-up of a server that opens them.

Usage: query_scale.py BINARY [--large N] [--seconds S]
"""
import argparse
import itertools
import os
import tempfile

import bench


def load_hot_partition(port):
    for c in range(100):
        bench.call(port, "PutItem", {"TableName": "scale", "Item": {
            "p": {"S": "hot"}, "c": {"N": str(c)}, "v": {"S": "x" * 60}}})


def grow(port, target):
    """Puts filler items until the table holds at least `target` items: one by one for a few
    (so that a small table stays small), with wrk for many."""
    for run in itertools.count():
        count = bench.call(port, "DescribeTable", {"TableName": "scale"})["Table"]["ItemCount"]
        if count >= target:
            return count
        if target - count < 20_000:
            for n in range(count, target):
                bench.call(port, "PutItem", {"TableName": "scale", "Item": {
                    "p": {"S": f"small-{n // 10}"}, "c": {"N": str(n)}, "v": {"S": "v" * 60}}})
            continue
        # About 15,000 puts a second on 2 cores: size each run to what is missing.
        seconds = max(1, min(30, (target - count) // 15000 + 1))
        bench.wrk(port, "load_items.lua", seconds, 32, {"BENCH_RUN": str(run)})


def measure(port, count, seconds):
    rows = []
    for name, script in (("Query", "query.lua"), ("GetItem", "get_hot.lua")):
        loaded = bench.wrk(port, script, seconds, 32)
        single = bench.wrk(port, script, seconds, 1)
        rows.append(f"| {count:,} | {name} | {loaded['rps']:,.0f} | {loaded['p50_us'] / 1000:.2f} | "
                    f"{loaded['p99_us'] / 1000:.2f} | {single['p50_us'] / 1000:.3f} |")
    return rows


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--large", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=10)
    options = parser.parse_args()

    print("| items in the table | operation | req/s (32 conn.) | p50 ms | p99 ms | "
          "p50 ms (1 conn.) |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as data_dir:
        command = bench.ddblocal_command(options.binary, "--data-dir", data_dir)
        process, port, _ = bench.start(command)
        try:
            bench.call(port, "CreateTable", {
                "TableName": "scale", "BillingMode": "PAY_PER_REQUEST",
                "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"},
                              {"AttributeName": "c", "KeyType": "RANGE"}],
                "AttributeDefinitions": [{"AttributeName": "p", "AttributeType": "S"},
                                         {"AttributeName": "c", "AttributeType": "N"}]})
            load_hot_partition(port)
            for target in (1_000, options.large):
                count = grow(port, target)
                print("\n".join(measure(port, count, options.seconds)), flush=True)
            loaded_mb = bench.rss_mb(process)
        finally:
            process.terminate()
            process.wait()
        # The same folder opened again: start-up with the items on disk.
        process, port, startup_ms = bench.start(command)
        idle_mb = bench.rss_mb(process)
        process.terminate()
        process.wait()
    print(f"\n| items on disk | RSS after loading them (MB) | start-up to first answer when "
          f"opening them (ms) | RSS idle after that start (MB) |")
    print("|---|---|---|---|")
    print(f"| {count:,} | {loaded_mb:.1f} | {startup_ms:.1f} | {idle_mb:.1f} |")


if __name__ == "__main__":
    main()
