"""The cost of a stream: PutItem of the ~300-byte items of bench.py's PutItem workload into a
table without a stream and into one with a NEW_AND_OLD_IMAGES stream (every put then also
writes a change record with both images, in the same atomic write), against ddblocal on disk
and in memory. The two tables are measured in turn, several times over, so that a noisy moment
of a shared machine hits both alike; prints the medians of requests/s and of the server's CPU
time per request (user + system, from /proc: the measure a busy machine disturbs least), and
the cost of the stream in each.

Usage: stream_cost.py BINARY [--seconds N] [--rounds N] [--connections N]
"""
import argparse
import statistics
import tempfile

import bench

TABLES = {
    "no stream": {},
    "NEW_AND_OLD_IMAGES": {"StreamSpecification": {"StreamEnabled": True,
                                                   "StreamViewType": "NEW_AND_OLD_IMAGES"}},
}


def create_tables(port):
    for number, extra in enumerate(TABLES.values()):
        bench.call(port, "CreateTable", {
            "TableName": f"bench{number}", "BillingMode": "PAY_PER_REQUEST",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}], **extra})


def measure(binary, args, options):
    """Requests/s and CPU microseconds per request of each table, medians of the rounds."""
    process, port, _ = bench.start(bench.ddblocal_command(binary, *args))
    try:
        create_tables(port)
        results = {name: [] for name in TABLES}
        for _ in range(options.rounds):
            for number, name in enumerate(TABLES):
                before = bench.cpu_seconds(process)
                result = bench.wrk(port, "put_item.lua", options.seconds, options.connections,
                                   {"BENCH_TABLE": f"bench{number}"})
                result["cpu_us"] = (bench.cpu_seconds(process) - before) * 1e6 / result["requests"]
                results[name].append(result)
        return {name: (statistics.median(r["rps"] for r in runs),
                       statistics.median(r["cpu_us"] for r in runs))
                for name, runs in results.items()}
    finally:
        process.terminate()
        process.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--connections", type=int, default=32)
    options = parser.parse_args()
    print(f"PutItem, {options.connections} connections, median of {options.rounds} runs of "
          f"{options.seconds} s per table, tables measured in turn.\n")
    print("| server | no stream: req/s, CPU µs/request | NEW_AND_OLD_IMAGES: req/s, CPU "
          "µs/request | cost in req/s | cost in CPU |")
    print("|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as data_dir:
        for server, args in (("ddblocal on disk", ("--data-dir", data_dir)),
                             ("ddblocal in memory", ("--in-memory",))):
            plain, streamed = measure(options.binary, args, options).values()
            print(f"| {server} | {plain[0]:,.0f}, {plain[1]:.0f} | {streamed[0]:,.0f}, "
                  f"{streamed[1]:.0f} | {(1 - streamed[0] / plain[0]) * 100:.1f}% | "
                  f"{(streamed[1] / plain[1] - 1) * 100:.1f}% |")


if __name__ == "__main__":
    main()
