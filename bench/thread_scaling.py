"""Scaling from 1 to 2 server threads: GetItem, Query and Scan against ddblocal in memory with
`--threads 1` and `--threads 2`, the two servers measured in turn several times over (so that a
noisy moment hits both alike). Prints the medians of requests/s and of the server's CPU time per
request. wrk runs on the same cores, so two threads cannot double one: the ratio says how much
of the second core the server turns into answers.

Usage: thread_scaling.py BINARY [--seconds N] [--rounds N] [--connections N]
"""
import argparse
import contextlib
import statistics

import bench

WORKLOADS = [("GetItem", "get_item.lua"), ("Query (25 of 100 items)", "query.lua"),
             ("Scan (pages of 100)", "scan.lua")]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--seconds", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--connections", type=int, default=32)
    options = parser.parse_args()
    threads = (1, 2)
    results = {(n, name): [] for n in threads for name, _ in WORKLOADS}
    with contextlib.ExitStack() as running:
        targets = {n: running.enter_context(bench.Target(
            f"{n} threads", bench.ddblocal_command(options.binary, "--in-memory", "--threads",
                                                   str(n)))) for n in threads}
        for target in targets.values():
            target.run("PutItem", "put_item.lua", options.seconds, options.connections)
        for _ in range(options.rounds):
            for name, script in WORKLOADS:
                for n, target in targets.items():
                    before = bench.cpu_seconds(target.process)
                    target.run(name, script, options.seconds, options.connections)
                    result = target.results[name]
                    result["cpu_us"] = ((bench.cpu_seconds(target.process) - before) * 1e6 /
                                        result["requests"])
                    results[(n, name)].append(result)
    print(f"ddblocal in memory, {options.connections} connections, median of {options.rounds} "
          f"runs of {options.seconds} s, servers measured in turn.\n")
    print("| operation | 1 thread: req/s, CPU µs/request | 2 threads: req/s, CPU µs/request "
          "| 2 / 1 |")
    print("|---|---|---|---|")
    for name, _ in WORKLOADS:
        medians = {n: (statistics.median(r["rps"] for r in results[(n, name)]),
                       statistics.median(r["cpu_us"] for r in results[(n, name)]))
                   for n in threads}
        one, two = medians[1], medians[2]
        print(f"| {name} | {one[0]:,.0f}, {one[1]:.0f} | {two[0]:,.0f}, {two[1]:.0f} | "
              f"{two[0] / one[0]:.2f}x |")


if __name__ == "__main__":
    main()
