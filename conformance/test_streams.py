"""DynamoDB Streams: StreamSpecification on CreateTable, UpdateTable and DescribeTable, and the
Streams API (boto3's `dynamodbstreams` client on the same endpoint): ListStreams,
DescribeStream, GetShardIterator, GetRecords. Records are shaped as DynamoDB writes them, one
per change, in order, through every write operation. Wording: /work/notes/streams-ttl.md."""

import datetime
import http.client
import json
import os
import threading
import time
import urllib.parse

import pytest

from conftest import (
    failure,
    make_clients,
    running_ddblocal,
    streams_client,
    unique_name,
    validation,
)

VIEW_TYPES = ["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"]
INVALID = "One or more parameter values were invalid: "


def spec(view_type):
    return {"StreamEnabled": True, "StreamViewType": view_type}


def latest_arn(client, table):
    return client.describe_table(TableName=table)["Table"]["LatestStreamArn"]


def shard_of(streams, arn):
    return streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]


def iterator(streams, arn, kind="TRIM_HORIZON", **sequence):
    shard = shard_of(streams, arn)["ShardId"]
    return streams.get_shard_iterator(
        StreamArn=arn, ShardId=shard, ShardIteratorType=kind, **sequence
    )["ShardIterator"]


def read_all(streams, shard_iterator, limit=1000):
    """Every record from the iterator on, until a page comes back empty; also the pages."""
    records, pages = [], []
    while shard_iterator:
        page = streams.get_records(ShardIterator=shard_iterator, Limit=limit)
        pages.append(page)
        records += page["Records"]
        if not page["Records"]:
            break
        shard_iterator = page.get("NextShardIterator")
    return records, pages


def item(name, **attributes):
    wire_item = {"p": {"S": name}}
    for attribute, value in attributes.items():
        wire_item[attribute] = {"N": str(value)} if isinstance(value, int) else {"S": value}
    return wire_item


def key(name):
    return {"p": {"S": name}}


# --- StreamSpecification on the table operations ---


def test_create_table_with_a_stream_describes_it_everywhere(client, streams, create_table):
    name = create_table(StreamSpecification=spec("NEW_AND_OLD_IMAGES"))
    table = client.describe_table(TableName=name)["Table"]
    assert table["StreamSpecification"] == spec("NEW_AND_OLD_IMAGES")
    label = table["LatestStreamLabel"]
    datetime.datetime.strptime(label, "%Y-%m-%dT%H:%M:%S.%f")
    assert table["LatestStreamArn"] == f"{table['TableArn']}/stream/{label}"
    listed = streams.list_streams(TableName=name)["Streams"]
    assert listed == [{"StreamArn": table["LatestStreamArn"], "TableName": name, "StreamLabel": label}]


def test_a_table_without_a_stream_shows_none(client, streams, create_table):
    for extra in ({}, {"StreamSpecification": {"StreamEnabled": False}}):
        name = create_table(**extra)
        table = client.describe_table(TableName=name)["Table"]
        for member in ("StreamSpecification", "LatestStreamArn", "LatestStreamLabel"):
            assert member not in table
        assert streams.list_streams(TableName=name)["Streams"] == []


@pytest.mark.parametrize(
    "specification, message",
    [
        ({"StreamEnabled": True}, INVALID + "Table is being created with a stream enabled, "
                                            "UpdateViewType is required"),
        ({"StreamEnabled": False, "StreamViewType": "KEYS_ONLY"},
         INVALID + "Table is being created with a stream disabled, UpdateViewType should not be "
                   "specified"),
    ],
)
@pytest.mark.oracle_deviation("DynamoDB Local words these 'Invalid StreamViewType: ...'")
def test_create_table_refuses_a_view_type_that_does_not_fit(raw_client, specification, message):
    assert create_failure(raw_client, specification) == validation(message)


def create_failure(raw_client, specification):
    """The error of a CreateTable with this StreamSpecification."""
    return failure(
        raw_client.create_table,
        TableName=unique_name(),
        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification=specification,
    )


@pytest.mark.oracle_deviation("DynamoDB Local answers 'Stream StreamEnabled was null'")
def test_stream_enabled_is_required(raw_client):
    assert create_failure(raw_client, {"StreamViewType": "KEYS_ONLY"}) == validation(
        "1 validation error detected: Value null at 'streamSpecification.streamEnabled' failed "
        "to satisfy constraint: Member must not be null"
    )


@pytest.mark.oracle_deviation("DynamoDB Local leaves ': TableName: <name>' out of these messages")
def test_update_table_enables_disables_and_never_changes_a_stream_in_place(
    client, streams, create_table
):
    name = create_table()
    assert failure(
        client.update_table, TableName=name, StreamSpecification={"StreamEnabled": False}
    ) == validation(f"Table has no stream to disable: TableName: {name}")
    enabled = client.update_table(TableName=name, StreamSpecification=spec("KEYS_ONLY"))
    first = enabled["TableDescription"]["LatestStreamArn"]
    assert enabled["TableDescription"]["StreamSpecification"] == spec("KEYS_ONLY")
    for view_type in ("KEYS_ONLY", "NEW_IMAGE"):
        assert failure(
            client.update_table, TableName=name, StreamSpecification=spec(view_type)
        ) == validation(f"Table already has an enabled stream: TableName: {name}")

    client.update_table(TableName=name, StreamSpecification={"StreamEnabled": False})
    table = client.describe_table(TableName=name)["Table"]
    assert "StreamSpecification" not in table
    assert table["LatestStreamArn"] == first
    assert streams.describe_stream(StreamArn=first)["StreamDescription"]["StreamStatus"] == "DISABLED"

    second = client.update_table(TableName=name, StreamSpecification=spec("NEW_IMAGE"))[
        "TableDescription"
    ]["LatestStreamArn"]
    assert second != first
    listed = [stream["StreamArn"] for stream in streams.list_streams(TableName=name)["Streams"]]
    assert sorted(listed) == sorted([first, second])
    assert streams.describe_stream(StreamArn=second)["StreamDescription"]["StreamStatus"] == "ENABLED"


def test_update_table_refuses_a_view_type_that_does_not_fit(client, create_table):
    name = create_table()
    assert failure(
        client.update_table, TableName=name, StreamSpecification={"StreamEnabled": True}
    )[0] == "ValidationException"
    with_stream = create_table(StreamSpecification=spec("KEYS_ONLY"))
    assert failure(
        client.update_table,
        TableName=with_stream,
        StreamSpecification={"StreamEnabled": False, "StreamViewType": "KEYS_ONLY"},
    )[0] == "ValidationException"


# --- Records through every write operation, for every view type ---


def write_through_every_operation(client, name):
    """Writes with PutItem, UpdateItem, DeleteItem, BatchWriteItem and TransactWriteItems;
    answers the changes a stream must show, in order: (event, key, old item, new item)."""
    expected = []
    client.put_item(TableName=name, Item=item("a", v=1))
    expected.append(("INSERT", "a", None, item("a", v=1)))
    client.put_item(TableName=name, Item=item("a", v=1))  # changes nothing: no record
    client.update_item(
        TableName=name, Key=key("a"), UpdateExpression="SET w = :w",
        ExpressionAttributeValues={":w": {"S": "x"}},
    )
    expected.append(("MODIFY", "a", item("a", v=1), item("a", v=1, w="x")))
    client.update_item(
        TableName=name, Key=key("u"), UpdateExpression="SET v = :v",
        ExpressionAttributeValues={":v": {"N": "7"}},
    )
    expected.append(("INSERT", "u", None, item("u", v=7)))
    client.delete_item(TableName=name, Key=key("a"))
    expected.append(("REMOVE", "a", item("a", v=1, w="x"), None))
    client.delete_item(TableName=name, Key=key("a"))  # nothing to delete: no record
    client.batch_write_item(RequestItems={name: [
        {"PutRequest": {"Item": item("b1", v=1)}},
        {"PutRequest": {"Item": item("b2", v=2)}},
        {"DeleteRequest": {"Key": key("u")}},
    ]})
    expected += [
        ("INSERT", "b1", None, item("b1", v=1)),
        ("INSERT", "b2", None, item("b2", v=2)),
        ("REMOVE", "u", item("u", v=7), None),
    ]
    client.transact_write_items(TransactItems=[
        {"Put": {"TableName": name, "Item": item("t", v=1)}},
        {"Update": {"TableName": name, "Key": key("b1"), "UpdateExpression": "ADD v :one",
                    "ExpressionAttributeValues": {":one": {"N": "1"}}}},
        {"Delete": {"TableName": name, "Key": key("b2")}},
        {"ConditionCheck": {"TableName": name, "Key": key("absent"),
                            "ConditionExpression": "attribute_not_exists(p)"}},
    ])
    expected += [
        ("INSERT", "t", None, item("t", v=1)),
        ("MODIFY", "b1", item("b1", v=1), item("b1", v=2)),
        ("REMOVE", "b2", item("b2", v=2), None),
    ]
    return expected


def item_size(wire_item):
    """DynamoDB's size of an item of S and non-negative integer N attributes: the names, the
    strings' UTF-8 bytes, and for a number 1 byte plus 1 per pair of significant digits (pairs
    counted from the decimal point)."""
    size = 0
    for name, value in wire_item.items():
        size += len(name.encode())
        if "S" in value:
            size += len(value["S"].encode())
        elif value["N"] == "0":
            size += 1
        else:
            significant = value["N"].rstrip("0")
            padded = len(significant) + len(value["N"]) % 2
            size += 1 + (padded + 1) // 2
    return size


@pytest.mark.parametrize("view_type", VIEW_TYPES)
def test_every_write_operation_has_its_records(client, streams, create_table, view_type):
    name = create_table(StreamSpecification=spec(view_type))
    arn = latest_arn(client, name)
    region = arn.split(":")[3]  # the table's, as its ARN says (DynamoDB Local says "ddblocal")
    started = time.time()
    expected = write_through_every_operation(client, name)
    records, _ = read_all(streams, iterator(streams, arn))
    assert len(records) == len(expected)
    sequence_numbers = []
    for record, (event, name_of_item, old, new) in zip(records, expected):
        assert record["eventName"] == event
        assert record["eventSource"] == "aws:dynamodb"
        assert record["eventVersion"] == "1.1"
        assert record["awsRegion"] == region
        assert len(record["eventID"]) > 0
        assert "userIdentity" not in record
        change = record["dynamodb"]
        assert change["Keys"] == key(name_of_item)
        assert change["StreamViewType"] == view_type
        old_shown = old if view_type in ("OLD_IMAGE", "NEW_AND_OLD_IMAGES") else None
        new_shown = new if view_type in ("NEW_IMAGE", "NEW_AND_OLD_IMAGES") else None
        assert change.get("OldImage") == old_shown
        assert change.get("NewImage") == new_shown
        assert change["SizeBytes"] == sum(
            item_size(image) for image in (key(name_of_item), old_shown, new_shown) if image
        )
        created = change["ApproximateCreationDateTime"].timestamp()
        assert started - 60 <= created <= time.time()
        assert change["SequenceNumber"].isdecimal()
        sequence_numbers.append(int(change["SequenceNumber"]))
    assert sequence_numbers == sorted(sequence_numbers)
    assert len(set(sequence_numbers)) == len(sequence_numbers)
    assert len({record["eventID"] for record in records}) == len(records)


# --- Iterators, paging, caught-up reads ---


def test_iterators_start_where_their_type_says(client, streams, create_table):
    name = create_table(StreamSpecification=spec("KEYS_ONLY"))
    arn = latest_arn(client, name)
    for name_of_item in ("a", "b", "c"):
        client.put_item(TableName=name, Item=item(name_of_item))
    records, _ = read_all(streams, iterator(streams, arn))
    assert [record["dynamodb"]["Keys"] for record in records] == [key("a"), key("b"), key("c")]
    second = records[1]["dynamodb"]["SequenceNumber"]

    at, _ = read_all(streams, iterator(streams, arn, "AT_SEQUENCE_NUMBER", SequenceNumber=second))
    assert [record["dynamodb"]["Keys"] for record in at] == [key("b"), key("c")]
    after, _ = read_all(streams, iterator(streams, arn, "AFTER_SEQUENCE_NUMBER", SequenceNumber=second))
    assert [record["dynamodb"]["Keys"] for record in after] == [key("c")]

    latest = iterator(streams, arn, "LATEST")
    assert read_all(streams, latest)[0] == []
    client.put_item(TableName=name, Item=item("d"))
    later, _ = read_all(streams, latest)
    assert [record["dynamodb"]["Keys"] for record in later] == [key("d")]


def test_get_records_pages_with_limit_and_answers_an_empty_page_when_caught_up(
    client, streams, create_table
):
    name = create_table(StreamSpecification=spec("NEW_IMAGE"))
    arn = latest_arn(client, name)
    for number in range(25):
        client.put_item(TableName=name, Item=item(f"i{number:02}", v=number))
    records, pages = read_all(streams, iterator(streams, arn), limit=7)
    assert [len(page["Records"]) for page in pages] == [7, 7, 7, 4, 0]
    assert [record["dynamodb"]["NewImage"]["v"]["N"] for record in records] == [
        str(number) for number in range(25)
    ]
    # Caught up on an open shard: no records, and an iterator to keep polling with.
    assert pages[-1]["Records"] == []
    assert "NextShardIterator" in pages[-1]


# --- Ordering under concurrent writers ---


def test_records_of_each_item_are_in_the_order_of_its_writes(endpoint, client, streams,
                                                             create_table):
    name = create_table(StreamSpecification=spec("NEW_AND_OLD_IMAGES"))
    arn = latest_arn(client, name)
    writers, increments = 6, 40
    clients = make_clients(endpoint, writers)
    errors = []

    def increment(number, writer):
        try:
            for _ in range(increments):
                writer.update_item(
                    TableName=name, Key=key(f"counter{number % 3}"),
                    UpdateExpression="ADD n :one", ExpressionAttributeValues={":one": {"N": "1"}},
                )
        except Exception as err:  # reported below
            errors.append(err)

    threads = [threading.Thread(target=increment, args=(number, writer))
               for number, writer in enumerate(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    records, _ = read_all(streams, iterator(streams, arn))
    assert len(records) == writers * increments
    sequence_numbers = [int(record["dynamodb"]["SequenceNumber"]) for record in records]
    assert sequence_numbers == sorted(set(sequence_numbers))
    for counter in ("counter0", "counter1", "counter2"):
        values = [int(record["dynamodb"]["NewImage"]["n"]["N"]) for record in records
                  if record["dynamodb"]["Keys"] == key(counter)]
        assert values == list(range(1, len(values) + 1))
        olds = [int(record["dynamodb"].get("OldImage", {"n": {"N": "0"}})["n"]["N"])
                for record in records if record["dynamodb"]["Keys"] == key(counter)]
        assert olds == list(range(len(values)))


# --- DescribeStream, closed shards, deleted tables ---


def test_describe_stream_shows_the_shard(client, streams, create_table):
    name = create_table(
        range=("s", "N"), StreamSpecification=spec("OLD_IMAGE")
    )
    table = client.describe_table(TableName=name)["Table"]
    description = streams.describe_stream(StreamArn=table["LatestStreamArn"])["StreamDescription"]
    assert description["StreamArn"] == table["LatestStreamArn"]
    assert description["StreamLabel"] == table["LatestStreamLabel"]
    assert description["StreamStatus"] == "ENABLED"
    assert description["StreamViewType"] == "OLD_IMAGE"
    assert description["TableName"] == name
    assert description["KeySchema"] == table["KeySchema"]
    assert isinstance(description["CreationRequestDateTime"], datetime.datetime)
    [shard] = description["Shards"]
    assert 28 <= len(shard["ShardId"]) <= 65
    assert shard["SequenceNumberRange"]["StartingSequenceNumber"].isdecimal()
    assert "EndingSequenceNumber" not in shard["SequenceNumberRange"]
    assert "LastEvaluatedShardId" not in description
    # A page that starts after the last shard is empty.
    after = streams.describe_stream(StreamArn=table["LatestStreamArn"],
                                    ExclusiveStartShardId=shard["ShardId"])
    assert after["StreamDescription"]["Shards"] == []


def raw_streams_call(endpoint, operation, body):
    """A Streams request sent as is (boto3 1.26 does not know ShardFilter)."""
    url = urllib.parse.urlparse(endpoint)
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    connection.request("POST", "/", json.dumps(body), {
        "Content-Type": "application/x-amz-json-1.0",
        "X-Amz-Target": "DynamoDBStreams_20120810." + operation,
        "X-Amz-Date": "20240101T000000Z",
        "Authorization": "AWS4-HMAC-SHA256 Credential=AKIDCONFORMANCE/20240101/us-east-1/"
                         "dynamodb/aws4_request, SignedHeaders=host, Signature=0",
    })
    response = connection.getresponse()
    answer = json.loads(response.read())
    connection.close()
    return response.status, answer


@pytest.mark.oracle_deviation("DynamoDB Local ignores ShardFilter and lists the shard itself")
def test_a_shard_has_no_children(endpoint, client, streams, create_table):
    name = create_table(StreamSpecification=spec("KEYS_ONLY"))
    arn = latest_arn(client, name)
    shard = shard_of(streams, arn)["ShardId"]
    status, answer = raw_streams_call(endpoint, "DescribeStream", {
        "StreamArn": arn, "ShardFilter": {"Type": "CHILD_SHARDS", "ShardId": shard}})
    assert status == 200
    assert answer["StreamDescription"]["Shards"] == []


def test_a_disabled_stream_is_a_closed_shard_read_to_its_end(client, streams, create_table):
    name = create_table(StreamSpecification=spec("KEYS_ONLY"))
    arn = latest_arn(client, name)
    client.put_item(TableName=name, Item=item("a"))
    client.put_item(TableName=name, Item=item("b"))
    client.update_table(TableName=name, StreamSpecification={"StreamEnabled": False})
    client.put_item(TableName=name, Item=item("c"))  # after the stream: in none
    description = streams.describe_stream(StreamArn=arn)["StreamDescription"]
    assert description["StreamStatus"] == "DISABLED"
    shard_range = description["Shards"][0]["SequenceNumberRange"]
    page = streams.get_records(ShardIterator=iterator(streams, arn))
    assert [record["dynamodb"]["Keys"] for record in page["Records"]] == [key("a"), key("b")]
    assert "NextShardIterator" not in page
    assert shard_range["EndingSequenceNumber"] == page["Records"][-1]["dynamodb"]["SequenceNumber"]


def test_a_deleted_tables_stream_stays_readable(client, streams, create_table):
    name = create_table(StreamSpecification=spec("NEW_IMAGE"))
    arn = latest_arn(client, name)
    client.put_item(TableName=name, Item=item("a", v=1))
    client.delete_table(TableName=name)
    assert [stream["StreamArn"] for stream in streams.list_streams(TableName=name)["Streams"]] == [arn]
    assert streams.describe_stream(StreamArn=arn)["StreamDescription"]["StreamStatus"] == "DISABLED"
    page = streams.get_records(ShardIterator=iterator(streams, arn))
    assert [record["dynamodb"]["NewImage"] for record in page["Records"]] == [item("a", v=1)]


def test_list_streams_pages_over_every_stream(client, streams, create_table):
    names = [create_table(StreamSpecification=spec("KEYS_ONLY")) for _ in range(3)]
    arns = {latest_arn(client, name) for name in names}
    seen, params = [], {"Limit": 1}
    while True:
        page = streams.list_streams(**params)
        assert len(page["Streams"]) <= 1
        seen += [stream["StreamArn"] for stream in page["Streams"]]
        if "LastEvaluatedStreamArn" not in page:
            break
        params["ExclusiveStartStreamArn"] = page["LastEvaluatedStreamArn"]
    assert arns <= set(seen)
    assert len(seen) == len(set(seen))


# --- Errors ---


def test_streams_errors(client, streams, create_table):
    name = create_table(StreamSpecification=spec("KEYS_ONLY"))
    arn = latest_arn(client, name)
    shard = shard_of(streams, arn)["ShardId"]
    missing = arn.rsplit("/", 1)[0] + "/2020-01-01T00:00:00.000"
    assert failure(streams.describe_stream, StreamArn=missing) == (
        "ResourceNotFoundException", f"Requested resource not found: Stream: {missing} not found", 400)
    assert failure(
        streams.get_shard_iterator, StreamArn=arn, ShardId="shardId-00000000000000000000-00000000",
        ShardIteratorType="LATEST")[0] == "ResourceNotFoundException"
    assert failure(streams.get_records, ShardIterator="garbage") == validation(
        "Invalid ShardIterator")
    assert failure(streams.get_records, ShardIterator=iterator(streams, arn), Limit=1001) == (
        validation(INVALID + "Limit should be less than or equal to 1000"))
    assert failure(
        streams.get_shard_iterator, StreamArn=arn, ShardId=shard,
        ShardIteratorType="AT_SEQUENCE_NUMBER",
    ) == validation(INVALID + "Invalid SequenceNumber")
    assert failure(
        streams.get_shard_iterator, StreamArn=arn, ShardId=shard, ShardIteratorType="LATEST",
        SequenceNumber="0" * 21,
    ) == validation(INVALID + "SequenceNumber should not be passed for this iterator type")
    assert failure(streams.list_streams, Limit=101) == validation(
        INVALID + "Limit cannot be greater than the maximum allowed size: 100")


@pytest.mark.oracle_deviation("DynamoDB Local answers ResourceNotFoundException for any text")
def test_a_malformed_stream_arn_is_a_validation_error(streams):
    assert failure(streams.describe_stream, StreamArn="x" * 40) == validation("Invalid StreamArn")
    assert failure(streams.list_streams, ExclusiveStartStreamArn="x" * 40) == validation(
        "Invalid StreamArn")


# --- Restarts ---

OWN_SERVER = pytest.mark.skipif(
    bool(os.environ.get("DDBLOCAL_ENDPOINT")), reason="starts its own ddblocal binary"
)


@OWN_SERVER
def test_records_survive_a_restart_and_iterators_continue(tmp_path):
    data_dir = str(tmp_path / "data")
    with running_ddblocal("--data-dir", data_dir) as url:
        [client] = make_clients(url, 1)
        streams = streams_client(url)
        client.create_table(
            TableName="events", KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST", StreamSpecification=spec("NEW_IMAGE"))
        arn = latest_arn(client, "events")
        client.put_item(TableName="events", Item=item("before"))
        _, pages = read_all(streams, iterator(streams, arn))
        caught_up = pages[-1]["NextShardIterator"]

    with running_ddblocal("--data-dir", data_dir) as url:
        [client] = make_clients(url, 1)
        streams = streams_client(url)
        assert latest_arn(client, "events") == arn
        client.put_item(TableName="events", Item=item("after"))
        records, _ = read_all(streams, iterator(streams, arn))
        assert [record["dynamodb"]["Keys"] for record in records] == [key("before"), key("after")]
        continued, _ = read_all(streams, caught_up)
        assert [record["dynamodb"]["Keys"] for record in continued] == [key("after")]
