"""Crash safety: acknowledged writes survive SIGKILL, no half transaction is ever visible, and
the table's stream has exactly one record for every write that happened, in order.

Each round starts ddblocal on one data folder, drives PutItem, UpdateItem ADD and
TransactWriteItems from several threads, records every acknowledged write, kills the server
with SIGKILL at a random moment, restarts it and checks:
  - every acknowledged PutItem is there;
  - each counter holds at least its acknowledged increments, and at most one more per writer
    (a request in flight at the kill may or may not have been written);
  - every transaction is all there or not at all: it puts a marker item and moves 1 from one
    counter to another, so the markers count what moved and the pair always sums to zero;
  - the stream (NEW_AND_OLD_IMAGES) has one record per write that is in the table, and none
    for a write that is not: one INSERT per put item and marker, and for each counter as many
    records as its value says, their images counting up one by one. So a crash neither loses
    nor invents a record, even for the write in flight.

Usage: crash_safety.py BINARY [--rounds N] [--seed S]"""

import argparse
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

import boto3
from botocore.config import Config
from botocore.exceptions import BotoCoreError, ClientError

TABLE = "crash"
WRITERS = 3  # per kind of write


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(binary, data_dir):
    port = free_port()
    process = subprocess.Popen([binary, "--port", str(port), "--data-dir", data_dir,
                                "--log-level", "error"])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return process, port
        except OSError:
            time.sleep(0.01)
    process.kill()
    sys.exit(f"ddblocal did not start on port {port}")


def client(port, service="dynamodb"):
    return boto3.client(
        service, endpoint_url=f"http://127.0.0.1:{port}", region_name="us-east-1",
        aws_access_key_id="crash", aws_secret_access_key="crash",
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}, read_timeout=10,
                      connect_timeout=2))


def key(name):
    return {"p": {"S": name}}


class Acknowledged:
    """What the server acknowledged during one round, recorded from the writer threads."""

    def __init__(self):
        self.lock = threading.Lock()
        self.puts = []
        self.increments = {}  # counter name -> acknowledged ADDs
        self.transfers = {}  # pair name -> acknowledged transactions


def put_writer(connection, round_number, number, acknowledged):
    for i in range(1_000_000):
        name = f"put-{round_number}-{number}-{i}"
        connection.put_item(TableName=TABLE, Item=dict(key(name), v={"N": str(i)}))
        with acknowledged.lock:
            acknowledged.puts.append(name)


def update_writer(connection, round_number, number, acknowledged):
    name = f"counter-{round_number}-{number}"
    while True:
        connection.update_item(TableName=TABLE, Key=key(name), UpdateExpression="ADD n :one",
                               ExpressionAttributeValues={":one": {"N": "1"}})
        with acknowledged.lock:
            acknowledged.increments[name] = acknowledged.increments.get(name, 0) + 1


def transaction_writer(connection, round_number, number, acknowledged):
    pair = f"pair-{round_number}-{number}"
    for i in range(1_000_000):
        connection.transact_write_items(TransactItems=[
            {"Put": {"TableName": TABLE, "Item": key(f"{pair}-marker-{i}")}},
            {"Update": {"TableName": TABLE, "Key": key(f"{pair}-from"),
                        "UpdateExpression": "ADD n :minus", "ExpressionAttributeValues": {
                            ":minus": {"N": "-1"}}}},
            {"Update": {"TableName": TABLE, "Key": key(f"{pair}-to"),
                        "UpdateExpression": "ADD n :one", "ExpressionAttributeValues": {
                            ":one": {"N": "1"}}}},
        ])
        with acknowledged.lock:
            acknowledged.transfers[pair] = acknowledged.transfers.get(pair, 0) + 1


def run_writer(target, connection, round_number, number, acknowledged):
    try:
        target(connection, round_number, number, acknowledged)
    except (BotoCoreError, ClientError, OSError):
        pass  # the server was killed


def count_of(connection, name):
    item = connection.get_item(TableName=TABLE, Key=key(name), ConsistentRead=True).get("Item")
    return int(item["n"]["N"]) if item else 0


def markers_of(connection, pair):
    markers = 0
    for page in connection.get_paginator("scan").paginate(
            TableName=TABLE, FilterExpression="begins_with(p, :m)",
            ExpressionAttributeValues={":m": {"S": f"{pair}-marker-"}}, Select="COUNT"):
        markers += page["Count"]
    return markers


def check(connection, acknowledged):
    """The problems found after a restart (empty when the round passed)."""
    problems = []
    for start_index in range(0, len(acknowledged.puts), 100):
        names = acknowledged.puts[start_index:start_index + 100]
        found = connection.batch_get_item(
            RequestItems={TABLE: {"Keys": [key(n) for n in names]}})["Responses"][TABLE]
        missing = set(names) - {item["p"]["S"] for item in found}
        problems += [f"acknowledged put lost: {name}" for name in sorted(missing)]
    for name, increments in acknowledged.increments.items():
        stored = count_of(connection, name)
        if not increments <= stored <= increments + 1:
            problems.append(f"{name}: {increments} increments acknowledged, {stored} stored")
    for pair, transfers in acknowledged.transfers.items():
        moved_out, moved_in = count_of(connection, f"{pair}-from"), count_of(connection, f"{pair}-to")
        markers = markers_of(connection, pair)
        if moved_out + moved_in != 0 or markers != moved_in:
            problems.append(f"{pair}: half a transaction visible: from {moved_out}, to {moved_in}, "
                            f"markers {markers}")
        if not transfers <= markers <= transfers + 1:
            problems.append(f"{pair}: {transfers} transactions acknowledged, {markers} stored")
    return problems


def stream_records(connection, stream_connection):
    """Every record of the table's stream, oldest first."""
    arn = connection.describe_table(TableName=TABLE)["Table"]["LatestStreamArn"]
    shard = stream_connection.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]
    shard_iterator = stream_connection.get_shard_iterator(
        StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    records = []
    while True:
        page = stream_connection.get_records(ShardIterator=shard_iterator, Limit=1000)
        records += page["Records"]
        if not page["Records"]:
            return records
        shard_iterator = page["NextShardIterator"]


def check_stream(connection, stream_connection, round_number, acknowledged):
    """The problems of this round's stream records against the table (empty when none)."""
    records = stream_records(connection, stream_connection)
    problems = []
    sequence_numbers = [int(record["dynamodb"]["SequenceNumber"]) for record in records]
    if sequence_numbers != sorted(set(sequence_numbers)):
        problems.append("stream sequence numbers out of order or repeated")
    by_key = {}
    for record in records:
        by_key.setdefault(record["dynamodb"]["Keys"]["p"]["S"], []).append(record)
    # Every key is "<kind>-<round>-...".
    this_round = {name: changes for name, changes in by_key.items()
                  if name.split("-")[1] == str(round_number)}
    for name, changes in this_round.items():
        if name.startswith("put-") or "-marker-" in name:
            stored = connection.get_item(TableName=TABLE, Key=key(name),
                                         ConsistentRead=True).get("Item")
            if len(changes) != 1 or changes[0]["eventName"] != "INSERT" or stored is None:
                problems.append(f"{name}: {len(changes)} stream records, item "
                                f"{'present' if stored else 'absent'}")
            continue
        expected = abs(count_of(connection, name))
        values = [abs(int(change["dynamodb"]["NewImage"]["n"]["N"])) for change in changes]
        if values != list(range(1, expected + 1)):
            problems.append(f"{name}: stored {expected}, stream images {values[:5]}...")
    for name in acknowledged.puts:
        if name not in this_round:
            problems.append(f"acknowledged put without a stream record: {name}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seed", type=int, default=int(time.time()))
    options = parser.parse_args()
    rng = random.Random(options.seed)
    print(f"crash safety: {options.rounds} rounds, seed {options.seed}")
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = os.path.join(scratch, "data")
        process, port = start(options.binary, data_dir)
        client(port).create_table(
            TableName=TABLE, KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
            StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"})
        for round_number in range(options.rounds):
            acknowledged = Acknowledged()
            targets = [(target, n) for target in (put_writer, update_writer, transaction_writer)
                       for n in range(WRITERS)]
            # boto3 clients are built before the threads start: building them is not thread-safe.
            connections = [client(port) for _ in targets]
            threads = [threading.Thread(target=run_writer,
                                        args=(target, connection, round_number, n, acknowledged))
                       for (target, n), connection in zip(targets, connections)]
            for thread in threads:
                thread.start()
            time.sleep(rng.uniform(0.2, 1.0))
            process.send_signal(signal.SIGKILL)
            process.wait()
            for thread in threads:
                thread.join()
            process, port = start(options.binary, data_dir)
            problems = check(client(port), acknowledged)
            problems += check_stream(client(port), client(port, "dynamodbstreams"), round_number,
                                     acknowledged)
            print(f"round {round_number + 1}: {len(acknowledged.puts)} puts, "
                  f"{sum(acknowledged.increments.values())} increments, "
                  f"{sum(acknowledged.transfers.values())} transactions acknowledged: "
                  f"{'ok' if not problems else 'FAILED'}")
            if problems:
                process.kill()
                sys.exit("\n".join(problems[:20]))
        process.terminate()
        process.wait()


if __name__ == "__main__":
    main()
