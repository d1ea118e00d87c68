"""Durability across restarts: what was written on disk is there when the server comes back.

These tests start their own ddblocal on a fresh data folder, so they only run against the
ddblocal binary (not against an endpoint given with DDBLOCAL_ENDPOINT)."""

import os
import pathlib
import sys
import tarfile

import boto3
import pytest
from botocore.config import Config

from conftest import ACCESS_KEY, REGION, SECRET_KEY, ddblocal_process, running_ddblocal

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "data"))
import make_format_1  # noqa: E402  (the data folder's contents)

pytestmark = pytest.mark.skipif(
    bool(os.environ.get("DDBLOCAL_ENDPOINT")), reason="starts its own ddblocal binary"
)


def resource(url):
    return boto3.resource(
        "dynamodb",
        endpoint_url=url,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}),
    )


# Tables, items and item counts written before a stop are all there after a restart.
def test_data_survive_a_restart(tmp_path):
    data_dir = str(tmp_path / "data")
    with running_ddblocal("--data-dir", data_dir) as url:
        table = resource(url).create_table(
            TableName="users",
            KeySchema=[
                {"AttributeName": "username", "KeyType": "HASH"},
                {"AttributeName": "last_name", "KeyType": "RANGE"},
            ],
            AttributeDefinitions=[
                {"AttributeName": "username", "AttributeType": "S"},
                {"AttributeName": "last_name", "AttributeType": "S"},
            ],
            BillingMode="PAY_PER_REQUEST",
        )
        table.wait_until_exists()
        for number in range(50):
            table.put_item(Item={"username": f"user{number}", "last_name": "Doe", "age": number})
        table.delete_item(Key={"username": "user0", "last_name": "Doe"})
        table_id = table.table_id

    with running_ddblocal("--data-dir", data_dir) as url:
        table = resource(url).Table("users")
        assert table.table_id == table_id
        assert table.item_count == 49
        assert table.get_item(Key={"username": "user7", "last_name": "Doe"})["Item"] == {
            "username": "user7",
            "last_name": "Doe",
            "age": 7,
        }
        assert "Item" not in table.get_item(Key={"username": "user0", "last_name": "Doe"})


# --in-memory keeps nothing: a restart starts empty, and no folder is written.
def test_in_memory_keeps_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for _ in range(2):
        with running_ddblocal("--in-memory") as url:
            dynamodb = resource(url)
            assert list(dynamodb.tables.all()) == []
            dynamodb.create_table(
                TableName="scratch",
                KeySchema=[{"AttributeName": "k", "KeyType": "HASH"}],
                AttributeDefinitions=[{"AttributeName": "k", "AttributeType": "S"}],
                BillingMode="PAY_PER_REQUEST",
            ).wait_until_exists()
    assert os.listdir(tmp_path) == []


# A data folder written by an older ddblocal (format 1, see data/make_format_1.py) is migrated
# when the server starts, with a log line: no item is lost, the indexes answer, and Scan
# returns DynamoDB's partition order. The next start finds nothing to migrate.
def test_a_data_folder_of_format_1_is_migrated_at_start(tmp_path):
    with tarfile.open(pathlib.Path(make_format_1.__file__).parent / "format-1.tar.gz") as archive:
        archive.extractall(tmp_path)
    data_dir = str(tmp_path / "data")
    for start in range(2):
        with ddblocal_process("--data-dir", data_dir, log_level="info") as (proc, port):
            client = boto3.client("dynamodb", endpoint_url=f"http://127.0.0.1:{port}",
                                  region_name=REGION, aws_access_key_id=ACCESS_KEY,
                                  aws_secret_access_key=SECRET_KEY)
            log = pathlib.Path(proc.log_path).read_text()
            assert ("migrated " + data_dir + " from data format 1" in log) == (start == 0)
            for partition in range(make_format_1.EVENT_PARTITIONS):
                for number in range(make_format_1.EVENTS_PER_PARTITION):
                    expected = make_format_1.event(partition, number)
                    key = {"pk": expected["pk"], "sk": expected["sk"]}
                    assert client.get_item(TableName="events", Key=key)["Item"] == expected
                by_time = client.query(
                    TableName="events", IndexName="by_time",
                    KeyConditionExpression="pk = :p", ExpressionAttributeValues={
                        ":p": {"S": f"user{partition}"}})["Items"]
                assert [item["t"]["N"] for item in by_time] == ["96", "97", "98", "99", "100"]
            by_kind = client.query(TableName="events", IndexName="by_kind",
                                   KeyConditionExpression="kind = :k",
                                   ExpressionAttributeValues={":k": {"S": "kind1"}})["Items"]
            assert len(by_kind) == make_format_1.EVENT_PARTITIONS * 2
            total = make_format_1.EVENT_PARTITIONS * make_format_1.EVENTS_PER_PARTITION
            assert client.describe_table(TableName="events")["Table"]["ItemCount"] == total
            scanned = client.scan(TableName="counters")["Items"]
            assert [item["a"]["N"] for item in scanned] == [
                "7", "999.9", "8", "3", "2", "-999.9", "9", "4", "-0.09", "6", "1", "0",
                "0.012345", "5"]
