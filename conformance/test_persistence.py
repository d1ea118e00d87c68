"""Durability across restarts: what was written on disk is there when the server comes back.

These tests start their own ddblocal on a fresh data folder, so they only run against the
ddblocal binary (not against an endpoint given with DDBLOCAL_ENDPOINT)."""

import os

import boto3
import pytest
from botocore.config import Config

from conftest import ACCESS_KEY, REGION, SECRET_KEY, running_ddblocal

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
