"""Writes format-1.tar.gz: a data folder in ddblocal's data format 1 (partitions hashed with
XXH64, no recorded version), for test_persistence's migration test.

It was made with the server of commit 7abbd99, the last one writing format 1:

    git worktree add /tmp/old 7abbd99 && cmake -S /tmp/old -B /tmp/old/build -G Ninja \\
        -DCMAKE_BUILD_TYPE=Release && cmake --build /tmp/old/build --target ddblocal
    python3 conformance/data/make_format_1.py /tmp/old/build/server/ddblocal
"""

import pathlib
import socket
import subprocess
import sys
import tarfile
import tempfile
import time

import boto3

HERE = pathlib.Path(__file__).resolve().parent
# The items the migration test expects back (test_persistence.py imports these).
EVENT_PARTITIONS = 8
EVENTS_PER_PARTITION = 5
COUNTER_KEYS = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-0.09", "999.9", "0.012345",
                "-999.9"]


def event(partition, number):
    return {
        "pk": {"S": f"user{partition}"},
        "sk": {"N": str(number)},
        "kind": {"S": f"kind{number % 3}"},
        "t": {"N": str(100 - number)},
        "payload": {"M": {"list": {"L": [{"S": "x"}, {"N": "1.5"}]}, "set": {"SS": ["a", "b"]}}},
    }


def create_tables(client):
    client.create_table(
        TableName="events",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"},
                   {"AttributeName": "sk", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": n, "AttributeType": t}
                              for n, t in [("pk", "S"), ("sk", "N"), ("kind", "S"), ("t", "N")]],
        GlobalSecondaryIndexes=[{
            "IndexName": "by_kind",
            "KeySchema": [{"AttributeName": "kind", "KeyType": "HASH"},
                          {"AttributeName": "sk", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"},
        }],
        LocalSecondaryIndexes=[{
            "IndexName": "by_time",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                          {"AttributeName": "t", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "ALL"},
        }],
        BillingMode="PAY_PER_REQUEST",
    )
    client.create_table(
        TableName="counters",
        KeySchema=[{"AttributeName": "a", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "a", "AttributeType": "N"}],
        BillingMode="PAY_PER_REQUEST",
    )
    for partition in range(EVENT_PARTITIONS):
        for number in range(EVENTS_PER_PARTITION):
            client.put_item(TableName="events", Item=event(partition, number))
    for key in COUNTER_KEYS:
        client.put_item(TableName="counters", Item={"a": {"N": key}})


def main(binary):
    with tempfile.TemporaryDirectory() as folder:
        data = pathlib.Path(folder) / "data"
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = subprocess.Popen([binary, "--port", str(port), "--data-dir", str(data)])
        time.sleep(0.5)
        client = boto3.client("dynamodb", endpoint_url=f"http://127.0.0.1:{port}",
                              region_name="us-east-1", aws_access_key_id="k",
                              aws_secret_access_key="s")
        create_tables(client)
        server.terminate()
        assert server.wait(timeout=30) == 0
        with tarfile.open(HERE / "format-1.tar.gz", "w:gz") as archive:
            archive.add(data, arcname="data")


if __name__ == "__main__":
    main(sys.argv[1])
