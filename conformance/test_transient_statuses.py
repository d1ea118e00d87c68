"""--delay-transient-statuses (DynamoDB Local's -delayTransientStatuses): tables and indexes pass
through CREATING, UPDATING and DELETING for a while, as on DynamoDB, so that code which must wait
for them (boto3's waiters, retries on ResourceInUseException) is tested. Without the flag every
change is complete on return."""

import time

import pytest
from botocore.exceptions import ClientError

from conftest import client_for, error_of, own_server, running_ddblocal

pytestmark = own_server

DELAY_S = 1.0


@pytest.fixture(scope="module")
def dynamodb():
    with running_ddblocal("--in-memory", f"--delay-transient-statuses={DELAY_S}") as url:
        yield client_for(url)


def create(dynamodb, name):
    return dynamodb.create_table(
        TableName=name, KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST")["TableDescription"]


def status(dynamodb, name):
    return dynamodb.describe_table(TableName=name)["Table"]["TableStatus"]


def wait(dynamodb, waiter, name):
    dynamodb.get_waiter(waiter).wait(TableName=name, WaiterConfig={"Delay": 0.2, "MaxAttempts": 50})


# A new table is CREATING (items refused as on DynamoDB: the table is not found yet, and it
# cannot be changed or deleted), then ACTIVE; boto3's waiter waits for it.
def test_transient_table_creating(dynamodb):
    assert create(dynamodb, "creating")["TableStatus"] == "CREATING"
    assert status(dynamodb, "creating") == "CREATING"
    with pytest.raises(ClientError) as excinfo:
        dynamodb.put_item(TableName="creating", Item={"p": {"S": "k"}})
    assert error_of(excinfo) == ("ResourceNotFoundException", "Requested resource not found", 400)
    with pytest.raises(ClientError) as excinfo:
        dynamodb.delete_table(TableName="creating")
    assert error_of(excinfo) == (
        "ResourceInUseException",
        "Attempt to change a resource which is still in use: Table is being created: creating",
        400)
    start = time.monotonic()
    wait(dynamodb, "table_exists", "creating")
    assert status(dynamodb, "creating") == "ACTIVE"
    assert time.monotonic() - start < DELAY_S + 1
    dynamodb.put_item(TableName="creating", Item={"p": {"S": "k"}})


# UpdateTable adding an index: the table UPDATING and the index CREATING for a while; another
# change meanwhile is refused; items are served throughout.
def test_transient_table_updating(dynamodb):
    create(dynamodb, "updating")
    wait(dynamodb, "table_exists", "updating")
    dynamodb.update_table(TableName="updating", GlobalSecondaryIndexUpdates=[{"Create": {
        "IndexName": "by_o", "KeySchema": [{"AttributeName": "o", "KeyType": "HASH"}],
        "Projection": {"ProjectionType": "ALL"}}}],
        AttributeDefinitions=[{"AttributeName": "o", "AttributeType": "S"}])
    table = dynamodb.describe_table(TableName="updating")["Table"]
    assert table["TableStatus"] == "UPDATING"
    assert table["GlobalSecondaryIndexes"][0]["IndexStatus"] == "CREATING"
    dynamodb.put_item(TableName="updating", Item={"p": {"S": "k"}, "o": {"S": "x"}})
    with pytest.raises(ClientError) as excinfo:
        dynamodb.update_table(TableName="updating", BillingMode="PROVISIONED",
                              ProvisionedThroughput={"ReadCapacityUnits": 1,
                                                     "WriteCapacityUnits": 1})
    assert error_of(excinfo)[:2] == (
        "ResourceInUseException",
        "Attempt to change a resource which is still in use: Table is being updated: updating")
    time.sleep(DELAY_S + 0.1)
    table = dynamodb.describe_table(TableName="updating")["Table"]
    assert table["TableStatus"] == "ACTIVE"
    assert table["GlobalSecondaryIndexes"][0]["IndexStatus"] == "ACTIVE"


# A deleted table is DELETING for a while (its name still taken), then gone; boto3's waiter
# waits for that.
def test_transient_table_deleting(dynamodb):
    create(dynamodb, "deleting")
    wait(dynamodb, "table_exists", "deleting")
    assert dynamodb.delete_table(TableName="deleting")["TableDescription"]["TableStatus"] == \
        "DELETING"
    assert status(dynamodb, "deleting") == "DELETING"
    with pytest.raises(ClientError) as excinfo:
        create(dynamodb, "deleting")
    assert error_of(excinfo)[0] == "ResourceInUseException"
    with pytest.raises(ClientError) as excinfo:
        dynamodb.get_item(TableName="deleting", Key={"p": {"S": "k"}})
    assert error_of(excinfo)[0] == "ResourceNotFoundException"
    wait(dynamodb, "table_not_exists", "deleting")
    assert create(dynamodb, "deleting")["TableStatus"] == "CREATING"


# Without the flag, changes are complete on return (DynamoDB Local's default too).
def test_transient_statuses_off_by_default():
    with running_ddblocal("--in-memory") as url:
        dynamodb = client_for(url)
        assert create(dynamodb, "now")["TableStatus"] == "ACTIVE"
        dynamodb.put_item(TableName="now", Item={"p": {"S": "k"}})
        dynamodb.delete_table(TableName="now")
        with pytest.raises(ClientError) as excinfo:
            dynamodb.describe_table(TableName="now")
        assert error_of(excinfo)[0] == "ResourceNotFoundException"
