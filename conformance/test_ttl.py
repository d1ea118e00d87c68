"""Time to Live: UpdateTimeToLive and DescribeTimeToLive with DynamoDB's statuses and errors, and
the sweep that deletes expired items (with their index entries and a REMOVE stream record of
the service's identity). The module runs its own ddblocal with a short sweep interval
(--ttl-sweep-interval 0.1) unless DDBLOCAL_ENDPOINT names a server. Wording:
/work/notes/streams-ttl.md."""

import os
import time

import pytest

from conftest import (
    failure,
    make_clients,
    running_ddblocal,
    streams_client,
    unique_name,
    validation,
)

SWEEP = "0.1"
OWN_SERVER = pytest.mark.skipif(
    bool(os.environ.get("DDBLOCAL_ENDPOINT")), reason="starts its own ddblocal binary"
)


@pytest.fixture(scope="module")
def ttl_endpoint():
    given = os.environ.get("DDBLOCAL_ENDPOINT")
    if given:
        yield given.rstrip("/")
        return
    with running_ddblocal("--in-memory", "--ttl-sweep-interval", SWEEP) as url:
        yield url


@pytest.fixture(scope="module")
def ttl_client(ttl_endpoint):
    return make_clients(ttl_endpoint, 1)[0]


@pytest.fixture
def table(ttl_client):
    """A fresh table keyed by p (S) with a global index on g and a stream of both images;
    deleted when the test ends."""
    name = unique_name("ttl")
    ttl_client.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"},
                              {"AttributeName": "g", "AttributeType": "S"}],
        GlobalSecondaryIndexes=[{"IndexName": "by_g",
                                 "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
                                 "Projection": {"ProjectionType": "ALL"}}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )
    ttl_client.get_waiter("table_exists").wait(TableName=name,
                                               WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    yield name
    ttl_client.delete_table(TableName=name)


def enable(client, name, attribute="expires"):
    return client.update_time_to_live(
        TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": attribute})


def session(name, expires, group="g1"):
    item = {"p": {"S": name}, "g": {"S": group}}
    if expires is not None:
        item["expires"] = {"N": str(expires)} if isinstance(expires, (int, float)) else {"S": expires}
    return item


def exists(client, table, name):
    return "Item" in client.get_item(TableName=table, Key={"p": {"S": name}}, ConsistentRead=True)


def wait_until_gone(client, table, name, timeout=15):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not exists(client, table, name):
            return True
        time.sleep(0.1)
    return False


def stream_records(client, endpoint, table):
    streams = streams_client(endpoint)
    arn = client.describe_table(TableName=table)["Table"]["LatestStreamArn"]
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    shard_iterator = streams.get_shard_iterator(
        StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")["ShardIterator"]
    return streams.get_records(ShardIterator=shard_iterator)["Records"]


# --- The setting ---


def test_a_new_table_has_ttl_disabled(ttl_client, table):
    assert ttl_client.describe_time_to_live(TableName=table)["TimeToLiveDescription"] == {
        "TimeToLiveStatus": "DISABLED"}


def test_enabling_and_disabling_echo_the_request_and_are_described(ttl_client, table):
    specification = {"Enabled": True, "AttributeName": "expires"}
    answer = ttl_client.update_time_to_live(TableName=table, TimeToLiveSpecification=specification)
    assert answer["TimeToLiveSpecification"] == specification
    assert ttl_client.describe_time_to_live(TableName=table)["TimeToLiveDescription"] == {
        "TimeToLiveStatus": "ENABLED", "AttributeName": "expires"}
    disabled = {"Enabled": False, "AttributeName": "expires"}
    answer = ttl_client.update_time_to_live(TableName=table, TimeToLiveSpecification=disabled)
    assert answer["TimeToLiveSpecification"] == disabled
    assert ttl_client.describe_time_to_live(TableName=table)["TimeToLiveDescription"] == {
        "TimeToLiveStatus": "DISABLED"}


def test_changes_that_change_nothing_are_refused(ttl_client, table):
    def update(enabled, attribute="expires"):
        return failure(ttl_client.update_time_to_live, TableName=table,
                       TimeToLiveSpecification={"Enabled": enabled, "AttributeName": attribute})

    assert update(False) == validation("TimeToLive is already disabled")
    enable(ttl_client, table)
    assert update(True) == validation("TimeToLive is already enabled")


@pytest.mark.oracle_deviation(
    "DynamoDB Local leaves out ': current AttributeName is <name>'")
def test_ttl_enabled_on_one_attribute_refuses_another(ttl_client, table):
    enable(ttl_client, table)
    for enabled in (True, False):
        assert failure(
            ttl_client.update_time_to_live, TableName=table,
            TimeToLiveSpecification={"Enabled": enabled, "AttributeName": "other"},
        ) == validation("TimeToLive is active on a different AttributeName: current "
                        "AttributeName is expires")


@pytest.mark.oracle_deviation("DynamoDB Local answers 'Cannot do operations on a non-existent table'")
def test_ttl_of_a_missing_table_is_not_found(ttl_client):
    name = unique_name()
    for call, extra in ((ttl_client.describe_time_to_live, {}),
                        (ttl_client.update_time_to_live,
                         {"TimeToLiveSpecification": {"Enabled": True, "AttributeName": "e"}})):
        assert failure(call, TableName=name, **extra) == (
            "ResourceNotFoundException", f"Requested resource not found: Table: {name} not found",
            400)


@pytest.mark.oracle_deviation("DynamoDB Local has messages of its own for these")
def test_the_specification_members_are_checked(ttl_endpoint, table):
    [raw] = make_clients(ttl_endpoint, 1, validate=False)
    assert failure(raw.update_time_to_live, TableName=table,
                   TimeToLiveSpecification={"AttributeName": "expires"}) == validation(
        "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to "
        "satisfy constraint: Member must not be null")
    long_name = "x" * 256
    assert failure(raw.update_time_to_live, TableName=table,
                   TimeToLiveSpecification={"Enabled": True, "AttributeName": long_name}) == (
        validation(f"1 validation error detected: Value '{long_name}' at "
                   "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member "
                   "must have length less than or equal to 255"))


# --- Deletion ---


def test_an_expired_item_goes_with_its_index_entry_and_a_remove_record(
    ttl_endpoint, ttl_client, table
):
    enable(ttl_client, table)
    now = int(time.time())
    ttl_client.put_item(TableName=table, Item=session("expired", now - 60, group="gone"))
    ttl_client.put_item(TableName=table, Item=session("later", now + 3600))
    ttl_client.put_item(TableName=table, Item=session("text", str(now - 60)))
    ttl_client.put_item(TableName=table, Item=session("ancient", now - 6 * 365 * 86400))
    ttl_client.put_item(TableName=table, Item=session("fraction", now - 59.5))
    ttl_client.put_item(TableName=table, Item=session("none", None))
    assert wait_until_gone(ttl_client, table, "expired")
    assert wait_until_gone(ttl_client, table, "fraction")
    for kept in ("later", "text", "ancient", "none"):
        assert exists(ttl_client, table, kept), kept
    by_group = ttl_client.query(TableName=table, IndexName="by_g", KeyConditionExpression="g = :g",
                                ExpressionAttributeValues={":g": {"S": "gone"}})
    assert by_group["Items"] == []

    records = stream_records(ttl_client, ttl_endpoint, table)
    removes = [record for record in records if record["eventName"] == "REMOVE"]
    assert sorted(record["dynamodb"]["Keys"]["p"]["S"] for record in removes) == [
        "expired", "fraction"]
    for record in removes:
        assert record["userIdentity"] == {"PrincipalId": "dynamodb.amazonaws.com",
                                          "Type": "Service"}
        assert "NewImage" not in record["dynamodb"]
        assert record["dynamodb"]["OldImage"]["p"] == record["dynamodb"]["Keys"]["p"]
    assert all("userIdentity" not in record for record in records if record not in removes)


def test_an_item_rewritten_before_it_expires_stays(ttl_client, table):
    enable(ttl_client, table)
    soon = int(time.time()) + 2
    for name in ("control", "moved", "cleared"):
        ttl_client.put_item(TableName=table, Item=session(name, soon))
    ttl_client.put_item(TableName=table, Item=session("moved", soon + 3600))
    ttl_client.update_item(TableName=table, Key={"p": {"S": "cleared"}},
                           UpdateExpression="REMOVE expires")
    assert wait_until_gone(ttl_client, table, "control")
    assert exists(ttl_client, table, "moved")
    assert exists(ttl_client, table, "cleared")


def test_items_written_before_ttl_was_enabled_expire(ttl_client, table):
    ttl_client.put_item(TableName=table, Item=session("early", int(time.time()) - 60))
    enable(ttl_client, table)
    assert wait_until_gone(ttl_client, table, "early")


# --- The server's switch and restarts ---


def create_simple_table(client, name):
    client.create_table(
        TableName=name, KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST")


@OWN_SERVER
def test_a_zero_interval_switches_deletion_off():
    with running_ddblocal("--in-memory", "--ttl-sweep-interval", "0") as url:
        [client] = make_clients(url, 1)
        create_simple_table(client, "sessions")
        enable(client, "sessions")
        client.put_item(TableName="sessions", Item={"p": {"S": "a"},
                                                    "expires": {"N": str(int(time.time()) - 60)}})
        time.sleep(1.5)
        assert exists(client, "sessions", "a")


@OWN_SERVER
def test_the_setting_survives_a_restart(tmp_path):
    data_dir = str(tmp_path / "data")
    with running_ddblocal("--data-dir", data_dir, "--ttl-sweep-interval", "0") as url:
        [client] = make_clients(url, 1)
        create_simple_table(client, "sessions")
        enable(client, "sessions")
        client.put_item(TableName="sessions", Item={"p": {"S": "a"},
                                                    "expires": {"N": str(int(time.time()) - 60)}})
    with running_ddblocal("--data-dir", data_dir, "--ttl-sweep-interval", SWEEP) as url:
        [client] = make_clients(url, 1)
        assert client.describe_time_to_live(TableName="sessions")["TimeToLiveDescription"] == {
            "TimeToLiveStatus": "ENABLED", "AttributeName": "expires"}
        assert wait_until_gone(client, "sessions", "a")
