"""boto3's DynamoDB guide, the flow every newcomer runs first: create a `users` table, wait for
it, put, get and delete an item, delete the table. Once with the service resource (as the guide
writes it) and once with the low-level client. UpdateItem is left to a later suite."""

import datetime
from decimal import Decimal

import pytest
from botocore.exceptions import ClientError

from conftest import unique_name

USER = {
    "username": "janedoe",
    "first_name": "Jane",
    "last_name": "Doe",
    "age": 25,
    "account_type": "standard_user",
}
USER_KEY = {"username": "janedoe", "last_name": "Doe"}
KEY_SCHEMA = [
    {"AttributeName": "username", "KeyType": "HASH"},
    {"AttributeName": "last_name", "KeyType": "RANGE"},
]
ATTRIBUTE_DEFINITIONS = [
    {"AttributeName": "username", "AttributeType": "S"},
    {"AttributeName": "last_name", "AttributeType": "S"},
]
THROUGHPUT = {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}


@pytest.fixture
def users_name(create_table):
    """A unique `users` table name, deleted after the test if the test left it behind."""
    name = unique_name("users")
    create_table.track(name)
    return name


# The guide's resource flow works: create, wait, put, get (numbers as Decimal), delete item, delete table.
def test_guide_flow_resource(dynamodb, users_name):
    table = dynamodb.create_table(
        TableName=users_name,
        KeySchema=KEY_SCHEMA,
        AttributeDefinitions=ATTRIBUTE_DEFINITIONS,
        ProvisionedThroughput=THROUGHPUT,
    )
    table.wait_until_exists()
    assert table.item_count == 0

    table.put_item(Item=USER)
    item = table.get_item(Key=USER_KEY)["Item"]
    assert item == dict(USER, age=Decimal("25"))
    assert isinstance(item["age"], Decimal)

    table.delete_item(Key=USER_KEY)
    assert "Item" not in table.get_item(Key=USER_KEY)

    table.delete()
    table.wait_until_not_exists()
    with pytest.raises(ClientError) as excinfo:
        table.reload()
    assert excinfo.value.response["Error"]["Code"] == "ResourceNotFoundException"


# "Using an existing table": dynamodb.Table(name) lazily loads its attributes from DescribeTable.
def test_guide_flow_existing_table_attributes(dynamodb, users_name):
    dynamodb.create_table(
        TableName=users_name,
        KeySchema=KEY_SCHEMA,
        AttributeDefinitions=ATTRIBUTE_DEFINITIONS,
        ProvisionedThroughput=THROUGHPUT,
    ).wait_until_exists()
    table = dynamodb.Table(users_name)
    assert isinstance(table.creation_date_time, datetime.datetime)
    assert table.key_schema == KEY_SCHEMA
    assert table.table_status == "ACTIVE"
    assert table.provisioned_throughput["ReadCapacityUnits"] == 5
    assert table.provisioned_throughput["WriteCapacityUnits"] == 5
    assert table.table_name == users_name


# The same flow works with the low-level client, attribute-value JSON and the table waiters.
def test_guide_flow_client(client, users_name):
    client.create_table(
        TableName=users_name,
        KeySchema=KEY_SCHEMA,
        AttributeDefinitions=ATTRIBUTE_DEFINITIONS,
        ProvisionedThroughput=THROUGHPUT,
    )
    client.get_waiter("table_exists").wait(
        TableName=users_name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    assert client.describe_table(TableName=users_name)["Table"]["ItemCount"] == 0

    wire_user = {
        "username": {"S": "janedoe"},
        "first_name": {"S": "Jane"},
        "last_name": {"S": "Doe"},
        "age": {"N": "25"},
        "account_type": {"S": "standard_user"},
    }
    wire_key = {"username": {"S": "janedoe"}, "last_name": {"S": "Doe"}}
    client.put_item(TableName=users_name, Item=wire_user)
    assert client.get_item(TableName=users_name, Key=wire_key)["Item"] == wire_user

    client.delete_item(TableName=users_name, Key=wire_key)
    assert "Item" not in client.get_item(TableName=users_name, Key=wire_key)

    client.delete_table(TableName=users_name)
    client.get_waiter("table_not_exists").wait(
        TableName=users_name, WaiterConfig={"Delay": 1, "MaxAttempts": 60}
    )
    listed = client.list_tables(ExclusiveStartTableName=users_name[:-1], Limit=10)["TableNames"]
    assert users_name not in listed
