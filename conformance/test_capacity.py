"""ReturnConsumedCapacity and ReturnItemCollectionMetrics: DynamoDB's unit arithmetic (reads in
4 KB units, half for eventually consistent reads, twice for transactions; writes in 1 KB units,
the larger of the old and new item; index writes per changed index entry; a Query or Scan by
the bytes it read), the shapes of TOTAL, INDEXES and NONE for every operation, and the item
collection metrics of tables with local secondary indexes. Every figure was checked against
DynamoDB Local; the rules and their sources (Developer Guide pages, captures of the real
service where DynamoDB Local differs) are in /work/notes/capacity.md."""

import json

import pytest
from botocore.exceptions import ClientError

from conftest import unique_name

KB = 1024

LOCAL_LSI_ENTRY = ("DynamoDB Local charges a local index entry 100 bytes more than its projected "
                   "size; the service sizes it like a global index entry")
LOCAL_NO_COLLECTIONS = "DynamoDB Local never answers ItemCollectionMetrics"
LOCAL_EMPTY_PAGE = "DynamoDB Local charges nothing for a Query or Scan that reads nothing"
LOCAL_BATCH_MISSING = ("DynamoDB Local charges nothing for a missing BatchGetItem key and 2 for a "
                       "BatchWriteItem delete of a missing item (awslabs/amazon-dynamodb-tools#25)")
LOCAL_TRANSACT_WRITE = ("DynamoDB Local doubles index writes in a transaction and charges "
                        "transactional writes twice over")
LOCAL_TRANSACT_TABLE_SPLIT = "DynamoDB Local leaves ReadCapacityUnits out of the Table arm"

ALL = {"ProjectionType": "ALL"}
KEYS_ONLY = {"ProjectionType": "KEYS_ONLY"}


def s(value):
    return {"S": value}


def sized(size, **attributes):
    """An item of string attributes and a padding attribute x, `size` bytes as DynamoDB counts
    them (attribute names and UTF-8 values)."""
    used = sum(len(name) + len(value) for name, value in attributes.items()) + len("x")
    assert size >= used, size
    return {**{name: s(value) for name, value in attributes.items()}, "x": s("y" * (size - used))}


def consumed(answer):
    return answer["ConsumedCapacity"]


@pytest.fixture
def table(create_table):
    """A table keyed on p (S), without indexes."""
    return create_table()


def index(name, hash_key, range_key, projection):
    schema = [{"AttributeName": hash_key, "KeyType": "HASH"}]
    if range_key:
        schema.append({"AttributeName": range_key, "KeyType": "RANGE"})
    return {"IndexName": name, "KeySchema": schema, "Projection": projection}


@pytest.fixture
def indexed(client, create_table):
    """Keys p (S), s (S); global indexes gkeys (KEYS_ONLY) and gall (ALL) on g; local indexes
    lkeys (KEYS_ONLY) and lall (ALL) on l."""
    name = unique_name("cap")
    create_table.track(name)
    client.create_table(
        TableName=name, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"},
                   {"AttributeName": "s", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": key, "AttributeType": "S"}
                              for key in ("p", "s", "g", "l")],
        GlobalSecondaryIndexes=[index("gkeys", "g", None, KEYS_ONLY),
                                index("gall", "g", None, ALL)],
        LocalSecondaryIndexes=[index("lkeys", "p", "l", KEYS_ONLY),
                               index("lall", "p", "l", ALL)])
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    return name


@pytest.fixture
def answers(client):
    """The raw JSON bodies of the answers `client` receives (errors included), in order."""
    bodies = []

    def keep(http_response, **_):
        bodies.append(json.loads(http_response.content or b"{}"))

    client.meta.events.register("after-call.dynamodb", keep)
    yield bodies
    client.meta.events.unregister("after-call.dynamodb", keep)


# --- Single items: the unit arithmetic ---

# An item's write costs its size in 1 KB units, rounded up; PutItem with TOTAL reports the
# table's name and the units, nothing else.
@pytest.mark.parametrize("size, units", [(3, 1), (KB, 1), (KB + 1, 2), (4 * KB + 1, 5),
                                         (400 * KB, 400)])
def test_put_item_costs_its_size_in_kilobytes(client, table, size, units):
    answer = client.put_item(TableName=table, Item=sized(size, p="a"), ReturnConsumedCapacity="TOTAL")
    assert consumed(answer) == {"TableName": table, "CapacityUnits": units}


# A read costs the item's size in 4 KB units: one per unit strongly consistent, half that
# eventually consistent (the default).
@pytest.mark.parametrize("size, strong", [(3, 1), (KB, 1), (4 * KB, 1), (4 * KB + 1, 2),
                                          (400 * KB, 100)])
def test_get_item_costs_its_size_in_four_kilobytes(client, table, size, strong):
    client.put_item(TableName=table, Item=sized(size, p="a"))
    eventual = client.get_item(TableName=table, Key={"p": s("a")}, ReturnConsumedCapacity="TOTAL")
    assert consumed(eventual) == {"TableName": table, "CapacityUnits": strong / 2}
    consistent = client.get_item(TableName=table, Key={"p": s("a")}, ConsistentRead=True,
                                 ReturnConsumedCapacity="TOTAL")
    assert consumed(consistent)["CapacityUnits"] == strong


# A projection does not make a read cheaper: the whole item is read.
def test_get_item_projection_costs_the_whole_item(client, table):
    client.put_item(TableName=table, Item=sized(4 * KB + 1, p="a"))
    answer = client.get_item(TableName=table, Key={"p": s("a")}, ProjectionExpression="p",
                             ConsistentRead=True, ReturnConsumedCapacity="TOTAL")
    assert consumed(answer)["CapacityUnits"] == 2


# A read of an item that does not exist still costs one unit (half eventually consistent).
def test_get_missing_item_costs_one_unit(client, table):
    eventual = client.get_item(TableName=table, Key={"p": s("none")}, ReturnConsumedCapacity="TOTAL")
    assert consumed(eventual)["CapacityUnits"] == 0.5
    consistent = client.get_item(TableName=table, Key={"p": s("none")}, ConsistentRead=True,
                                 ReturnConsumedCapacity="TOTAL")
    assert consumed(consistent)["CapacityUnits"] == 1


# NONE, like leaving ReturnConsumedCapacity out, answers no ConsumedCapacity.
def test_none_reports_nothing(client, table):
    for extra in ({}, {"ReturnConsumedCapacity": "NONE"}):
        assert "ConsumedCapacity" not in client.put_item(TableName=table, Item={"p": s("a")}, **extra)
        assert "ConsumedCapacity" not in client.get_item(TableName=table, Key={"p": s("a")}, **extra)
        assert "ConsumedCapacity" not in client.scan(TableName=table, **extra)


# INDEXES adds the table's own Capacity; single-item operations report no read/write split.
def test_indexes_adds_the_table(client, table):
    answer = client.put_item(TableName=table, Item=sized(2 * KB, p="a"),
                             ReturnConsumedCapacity="INDEXES")
    assert consumed(answer) == {"TableName": table, "CapacityUnits": 2, "Table": {"CapacityUnits": 2}}
    answer = client.get_item(TableName=table, Key={"p": s("a")}, ReturnConsumedCapacity="INDEXES")
    assert consumed(answer) == {"TableName": table, "CapacityUnits": 0.5,
                                "Table": {"CapacityUnits": 0.5}}


# A PutItem over an existing item, an UpdateItem and a DeleteItem cost the larger of the item
# before and after the write.
def test_writes_cost_the_larger_of_old_and_new(client, table):
    client.put_item(TableName=table, Item=sized(3 * KB, p="a"))
    small_over_big = client.put_item(TableName=table, Item={"p": s("a")},
                                     ReturnConsumedCapacity="TOTAL")
    assert consumed(small_over_big)["CapacityUnits"] == 3
    grow = client.update_item(TableName=table, Key={"p": s("a")}, UpdateExpression="SET x = :x",
                              ExpressionAttributeValues={":x": s("y" * (5 * KB))},
                              ReturnConsumedCapacity="TOTAL")
    assert consumed(grow)["CapacityUnits"] == 6
    shrink = client.update_item(TableName=table, Key={"p": s("a")}, UpdateExpression="REMOVE x",
                                ReturnConsumedCapacity="TOTAL")
    assert consumed(shrink)["CapacityUnits"] == 6
    client.put_item(TableName=table, Item=sized(2 * KB + 1, p="a"))
    removed = client.delete_item(TableName=table, Key={"p": s("a")}, ReturnConsumedCapacity="TOTAL")
    assert consumed(removed)["CapacityUnits"] == 3


# A write that finds no item and leaves none still costs one unit.
def test_writes_of_nothing_cost_one_unit(client, table):
    removed = client.delete_item(TableName=table, Key={"p": s("none")}, ReturnConsumedCapacity="TOTAL")
    assert consumed(removed)["CapacityUnits"] == 1
    nothing = client.update_item(TableName=table, Key={"p": s("none")}, UpdateExpression="REMOVE x",
                                 ReturnConsumedCapacity="TOTAL")
    assert consumed(nothing)["CapacityUnits"] == 1


# A write whose condition fails consumes capacity, but its ConditionalCheckFailedException
# carries no ConsumedCapacity.
def test_failed_condition_reports_no_capacity(client, table, answers):
    client.put_item(TableName=table, Item={"p": s("a")})
    with pytest.raises(ClientError):
        client.put_item(TableName=table, Item={"p": s("a")}, ConditionExpression="attribute_not_exists(p)",
                        ReturnConsumedCapacity="TOTAL")
    assert answers[-1]["__type"].endswith("ConditionalCheckFailedException")
    assert "ConsumedCapacity" not in answers[-1]


# --- Secondary indexes: one write per changed index entry, sized on the entry ---

def test_put_charges_each_index_that_gets_an_entry(client, indexed):
    only_global = client.put_item(TableName=indexed, Item={"p": s("a"), "s": s("1"), "g": s("G")},
                                  ReturnConsumedCapacity="INDEXES")
    assert consumed(only_global) == {
        "TableName": indexed, "CapacityUnits": 3, "Table": {"CapacityUnits": 1},
        "GlobalSecondaryIndexes": {"gkeys": {"CapacityUnits": 1}, "gall": {"CapacityUnits": 1}}}
    every = client.put_item(TableName=indexed, Item={"p": s("a"), "s": s("2"), "g": s("G"), "l": s("L")},
                            ReturnConsumedCapacity="INDEXES")
    assert consumed(every) == {
        "TableName": indexed, "CapacityUnits": 5, "Table": {"CapacityUnits": 1},
        "GlobalSecondaryIndexes": {"gkeys": {"CapacityUnits": 1}, "gall": {"CapacityUnits": 1}},
        "LocalSecondaryIndexes": {"lkeys": {"CapacityUnits": 1}, "lall": {"CapacityUnits": 1}}}
    # TOTAL folds the index writes into the aggregate.
    total = client.put_item(TableName=indexed, Item={"p": s("a"), "s": s("3"), "g": s("G")},
                            ReturnConsumedCapacity="TOTAL")
    assert consumed(total) == {"TableName": indexed, "CapacityUnits": 3}


# An item without an index's key attributes is not in that index and costs it nothing.
def test_sparse_item_costs_only_the_table(client, indexed):
    answer = client.put_item(TableName=indexed, Item={"p": s("a"), "s": s("1"), "o": s("x")},
                             ReturnConsumedCapacity="INDEXES")
    assert consumed(answer) == {"TableName": indexed, "CapacityUnits": 1, "Table": {"CapacityUnits": 1}}
    removed = client.delete_item(TableName=indexed, Key={"p": s("a"), "s": s("1")},
                                 ReturnConsumedCapacity="INDEXES")
    assert consumed(removed) == {"TableName": indexed, "CapacityUnits": 1, "Table": {"CapacityUnits": 1}}


# An identical overwrite changes no index entry: the table write alone.
def test_identical_overwrite_costs_no_index_write(client, indexed):
    item = {"p": s("a"), "s": s("1"), "g": s("G"), "l": s("L")}
    client.put_item(TableName=indexed, Item=item)
    answer = client.put_item(TableName=indexed, Item=item, ReturnConsumedCapacity="INDEXES")
    assert consumed(answer) == {"TableName": indexed, "CapacityUnits": 1, "Table": {"CapacityUnits": 1}}


# Changing an attribute only ALL projects rewrites the ALL entries; KEYS_ONLY ones stay.
# Moving the global key costs its indexes a delete and a put; removing the local key deletes
# the local entries.
def test_updates_charge_the_index_entries_they_change(client, indexed):
    key = {"p": s("a"), "s": s("1")}
    client.put_item(TableName=indexed, Item={**key, "g": s("G"), "l": s("L"), "o": s("x")})
    other = client.update_item(TableName=indexed, Key=key, UpdateExpression="SET o = :o",
                               ExpressionAttributeValues={":o": s("y")}, ReturnConsumedCapacity="INDEXES")
    assert consumed(other) == {
        "TableName": indexed, "CapacityUnits": 3, "Table": {"CapacityUnits": 1},
        "GlobalSecondaryIndexes": {"gall": {"CapacityUnits": 1}},
        "LocalSecondaryIndexes": {"lall": {"CapacityUnits": 1}}}
    moved = client.update_item(TableName=indexed, Key=key, UpdateExpression="SET g = :g",
                               ExpressionAttributeValues={":g": s("H")}, ReturnConsumedCapacity="INDEXES")
    assert consumed(moved) == {
        "TableName": indexed, "CapacityUnits": 6, "Table": {"CapacityUnits": 1},
        "GlobalSecondaryIndexes": {"gkeys": {"CapacityUnits": 2}, "gall": {"CapacityUnits": 2}},
        "LocalSecondaryIndexes": {"lall": {"CapacityUnits": 1}}}
    removed = client.update_item(TableName=indexed, Key=key, UpdateExpression="REMOVE l",
                                 ReturnConsumedCapacity="INDEXES")
    assert consumed(removed) == {
        "TableName": indexed, "CapacityUnits": 4, "Table": {"CapacityUnits": 1},
        "GlobalSecondaryIndexes": {"gall": {"CapacityUnits": 1}},
        "LocalSecondaryIndexes": {"lkeys": {"CapacityUnits": 1}, "lall": {"CapacityUnits": 1}}}


def test_delete_charges_each_entry_it_removes(client, indexed):
    key = {"p": s("a"), "s": s("1")}
    client.put_item(TableName=indexed, Item={**key, "g": s("G"), "l": s("L")})
    answer = client.delete_item(TableName=indexed, Key=key, ReturnConsumedCapacity="INDEXES")
    assert consumed(answer)["CapacityUnits"] == 5
    assert consumed(answer)["GlobalSecondaryIndexes"] == {"gkeys": {"CapacityUnits": 1},
                                                          "gall": {"CapacityUnits": 1}}


# An index entry costs its own size, the attributes it projects: a KEYS_ONLY entry of a 3 KB item
# is one unit, an ALL entry three.
@pytest.mark.oracle_deviation(LOCAL_LSI_ENTRY)
def test_index_writes_are_sized_on_the_projected_entry(client, indexed):
    item = sized(3011, p="a", s="1", g="G", l="L")
    answer = client.put_item(TableName=indexed, Item=item, ReturnConsumedCapacity="INDEXES")
    assert consumed(answer) == {
        "TableName": indexed, "CapacityUnits": 11, "Table": {"CapacityUnits": 3},
        "GlobalSecondaryIndexes": {"gkeys": {"CapacityUnits": 1}, "gall": {"CapacityUnits": 3}},
        "LocalSecondaryIndexes": {"lkeys": {"CapacityUnits": 1}, "lall": {"CapacityUnits": 3}}}


def test_global_index_writes_are_sized_on_the_projected_entry(client, indexed):
    item = sized(3011, p="a", s="1", g="G")
    answer = client.put_item(TableName=indexed, Item=item, ReturnConsumedCapacity="INDEXES")
    assert consumed(answer)["GlobalSecondaryIndexes"] == {"gkeys": {"CapacityUnits": 1},
                                                          "gall": {"CapacityUnits": 3}}
    assert consumed(answer)["CapacityUnits"] == 7


# --- Query and Scan: the bytes read, summed, rounded once ---

@pytest.fixture
def partition(client, indexed):
    """Ten items of 1000 bytes in partition q: 10,000 bytes, 3 units of 4 KB."""
    for i in range(10):
        client.put_item(TableName=indexed, Item=sized(1000, p="q", s=str(i), g="G" + str(i % 2),
                                                      l="L" + str(i)))
    return indexed


def query(client, table, **extra):
    return client.query(TableName=table, KeyConditionExpression="p = :p",
                        ExpressionAttributeValues={":p": s("q"), **extra.pop("values", {})}, **extra)


def test_query_costs_its_items_summed_then_rounded(client, partition):
    assert consumed(query(client, partition, ReturnConsumedCapacity="TOTAL")) == {
        "TableName": partition, "CapacityUnits": 1.5}
    strong = query(client, partition, ConsistentRead=True, ReturnConsumedCapacity="INDEXES")
    assert consumed(strong) == {"TableName": partition, "CapacityUnits": 3, "Table": {"CapacityUnits": 3}}
    limited = query(client, partition, Limit=3, ReturnConsumedCapacity="TOTAL")
    assert consumed(limited)["CapacityUnits"] == 0.5


# A filter, a projection or Select COUNT returns less but reads, and costs, as much.
def test_query_costs_what_it_read_not_what_it_returned(client, partition):
    filtered = query(client, partition, FilterExpression="o = :o", values={":o": s("none")},
                     ReturnConsumedCapacity="TOTAL")
    assert filtered["Count"] == 0
    assert consumed(filtered)["CapacityUnits"] == 1.5
    projected = query(client, partition, ProjectionExpression="p", ReturnConsumedCapacity="TOTAL")
    assert consumed(projected)["CapacityUnits"] == 1.5
    counted = query(client, partition, Select="COUNT", ReturnConsumedCapacity="TOTAL")
    assert consumed(counted)["CapacityUnits"] == 1.5


def test_scan_costs_what_it_read_not_what_it_returned(client, partition):
    plain = client.scan(TableName=partition, ReturnConsumedCapacity="TOTAL")
    assert consumed(plain) == {"TableName": partition, "CapacityUnits": 1.5}
    filtered = client.scan(TableName=partition, FilterExpression="o = :o",
                           ExpressionAttributeValues={":o": s("none")}, ConsistentRead=True,
                           ReturnConsumedCapacity="INDEXES")
    assert filtered["Count"] == 0
    assert consumed(filtered) == {"TableName": partition, "CapacityUnits": 3, "Table": {"CapacityUnits": 3}}


# A read of an index is charged to the index, with the table listed at zero.
def test_index_reads_are_charged_to_the_index(client, partition):
    keys_only = client.query(TableName=partition, IndexName="gkeys", KeyConditionExpression="g = :g",
                             ExpressionAttributeValues={":g": s("G0")}, ReturnConsumedCapacity="INDEXES")
    assert consumed(keys_only) == {"TableName": partition, "CapacityUnits": 0.5,
                                   "Table": {"CapacityUnits": 0},
                                   "GlobalSecondaryIndexes": {"gkeys": {"CapacityUnits": 0.5}}}
    # Five 1000-byte ALL entries: 5000 bytes, 2 units.
    every = client.query(TableName=partition, IndexName="gall", KeyConditionExpression="g = :g",
                         ExpressionAttributeValues={":g": s("G0")}, ReturnConsumedCapacity="TOTAL")
    assert consumed(every) == {"TableName": partition, "CapacityUnits": 1}
    scanned = client.scan(TableName=partition, IndexName="lall", ConsistentRead=True,
                          ReturnConsumedCapacity="INDEXES")
    assert consumed(scanned) == {"TableName": partition, "CapacityUnits": 3,
                                 "Table": {"CapacityUnits": 0},
                                 "LocalSecondaryIndexes": {"lall": {"CapacityUnits": 3}}}


# A local index read that needs attributes the index does not hold fetches each item from the
# table: the index entries are charged to the index, each fetched item (rounded on its own) to
# the table.
def test_local_index_fetches_are_charged_per_item(client, partition):
    fetched = client.query(TableName=partition, IndexName="lkeys", KeyConditionExpression="p = :p",
                           ExpressionAttributeValues={":p": s("q")}, Select="ALL_ATTRIBUTES",
                           ConsistentRead=True, ReturnConsumedCapacity="INDEXES")
    assert consumed(fetched) == {"TableName": partition, "CapacityUnits": 11,
                                 "Table": {"CapacityUnits": 10},
                                 "LocalSecondaryIndexes": {"lkeys": {"CapacityUnits": 1}}}
    projected = client.query(TableName=partition, IndexName="lkeys", KeyConditionExpression="p = :p",
                             ExpressionAttributeValues={":p": s("q")}, ProjectionExpression="x",
                             ReturnConsumedCapacity="TOTAL")
    assert consumed(projected) == {"TableName": partition, "CapacityUnits": 5.5}


# A Query or Scan that reads nothing is still a read: one unit (half eventually consistent).
@pytest.mark.oracle_deviation(LOCAL_EMPTY_PAGE)
def test_reads_of_nothing_cost_one_unit(client, table):
    empty = client.query(TableName=table, KeyConditionExpression="p = :p",
                         ExpressionAttributeValues={":p": s("none")}, ReturnConsumedCapacity="TOTAL")
    assert consumed(empty)["CapacityUnits"] == 0.5
    scanned = client.scan(TableName=table, ConsistentRead=True, ReturnConsumedCapacity="TOTAL")
    assert consumed(scanned)["CapacityUnits"] == 1


# --- Batches: each item as its own GetItem, PutItem or DeleteItem, one entry per table ---

def test_batch_get_charges_each_item_per_table(client, table, indexed):
    client.put_item(TableName=table, Item=sized(5 * KB, p="a"))
    client.put_item(TableName=indexed, Item=sized(1500, p="a", s="1"))
    client.put_item(TableName=indexed, Item=sized(1500, p="a", s="2"))
    answer = client.batch_get_item(RequestItems={
        table: {"Keys": [{"p": s("a")}], "ConsistentRead": True},
        indexed: {"Keys": [{"p": s("a"), "s": s("1")}, {"p": s("a"), "s": s("2")}]},
    }, ReturnConsumedCapacity="INDEXES")
    assert sorted(consumed(answer), key=lambda c: c["TableName"]) == sorted([
        {"TableName": table, "CapacityUnits": 2, "Table": {"CapacityUnits": 2}},
        {"TableName": indexed, "CapacityUnits": 1, "Table": {"CapacityUnits": 1}},
    ], key=lambda c: c["TableName"])


@pytest.mark.oracle_deviation(LOCAL_BATCH_MISSING)
def test_batch_get_charges_a_missing_key(client, table):
    answer = client.batch_get_item(RequestItems={table: {"Keys": [{"p": s("none")}]}},
                                   ReturnConsumedCapacity="TOTAL")
    assert consumed(answer) == [{"TableName": table, "CapacityUnits": 0.5}]


def test_batch_write_charges_each_write_per_table(client, table, indexed):
    answer = client.batch_write_item(RequestItems={
        table: [{"PutRequest": {"Item": sized(1500, p="a")}},
                {"PutRequest": {"Item": sized(500, p="b")}}],
        indexed: [{"PutRequest": {"Item": {"p": s("a"), "s": s("1"), "g": s("G")}}}],
    }, ReturnConsumedCapacity="TOTAL")
    assert sorted(consumed(answer), key=lambda c: c["TableName"]) == sorted([
        {"TableName": table, "CapacityUnits": 3},
        {"TableName": indexed, "CapacityUnits": 3},
    ], key=lambda c: c["TableName"])
    assert answer["UnprocessedItems"] == {}


@pytest.mark.oracle_deviation(LOCAL_BATCH_MISSING)
def test_batch_delete_of_a_missing_item_costs_one_unit(client, table):
    answer = client.batch_write_item(RequestItems={table: [{"DeleteRequest": {"Key": {"p": s("none")}}}]},
                                     ReturnConsumedCapacity="TOTAL")
    assert consumed(answer) == [{"TableName": table, "CapacityUnits": 1}]


def test_batch_write_reports_index_arms(client, indexed):
    answer = client.batch_write_item(RequestItems={indexed: [
        {"PutRequest": {"Item": {"p": s("a"), "s": s("1"), "g": s("G")}}},
        {"PutRequest": {"Item": {"p": s("a"), "s": s("2")}}},
    ]}, ReturnConsumedCapacity="INDEXES")
    assert consumed(answer) == [{
        "TableName": indexed, "CapacityUnits": 4, "Table": {"CapacityUnits": 2},
        "GlobalSecondaryIndexes": {"gkeys": {"CapacityUnits": 1}, "gall": {"CapacityUnits": 1}}}]


# --- Transactions: twice the units, split into read and write ---

def test_transact_get_costs_two_reads_per_item(client, table, indexed):
    client.put_item(TableName=table, Item=sized(5 * KB, p="a"))
    client.put_item(TableName=indexed, Item=sized(1500, p="a", s="1"))
    answer = client.transact_get_items(TransactItems=[
        {"Get": {"TableName": table, "Key": {"p": s("a")}}},
        {"Get": {"TableName": indexed, "Key": {"p": s("a"), "s": s("1")}}},
        {"Get": {"TableName": indexed, "Key": {"p": s("a"), "s": s("none")}}},
    ], ReturnConsumedCapacity="TOTAL")
    assert consumed(answer) == [
        {"TableName": table, "CapacityUnits": 4, "ReadCapacityUnits": 4},
        {"TableName": indexed, "CapacityUnits": 4, "ReadCapacityUnits": 4},
    ]


@pytest.mark.oracle_deviation(LOCAL_TRANSACT_TABLE_SPLIT)
def test_transact_get_indexes_splits_the_table_arm(client, table):
    answer = client.transact_get_items(TransactItems=[{"Get": {"TableName": table, "Key": {"p": s("a")}}}],
                                       ReturnConsumedCapacity="INDEXES")
    assert consumed(answer) == [{"TableName": table, "CapacityUnits": 2, "ReadCapacityUnits": 2,
                                 "Table": {"CapacityUnits": 2, "ReadCapacityUnits": 2}}]


# Each write (and each ConditionCheck, sized on the item it reads) costs twice its units on the
# table; index entries cost what they cost outside a transaction.
@pytest.mark.oracle_deviation(LOCAL_TRANSACT_WRITE)
def test_transact_write_costs_two_writes_per_item(client, table, indexed):
    client.put_item(TableName=table, Item=sized(1500, p="old"))
    client.put_item(TableName=table, Item=sized(2500, p="checked"))
    answer = client.transact_write_items(TransactItems=[
        {"Put": {"TableName": indexed, "Item": {"p": s("a"), "s": s("1"), "g": s("G"), "l": s("L")}}},
        {"Delete": {"TableName": table, "Key": {"p": s("old")}}},
        {"ConditionCheck": {"TableName": table, "Key": {"p": s("checked")},
                            "ConditionExpression": "attribute_exists(p)"}},
    ], ReturnConsumedCapacity="INDEXES")
    assert consumed(answer) == [
        {"TableName": indexed, "CapacityUnits": 6, "WriteCapacityUnits": 6,
         "Table": {"CapacityUnits": 2, "WriteCapacityUnits": 2},
         "GlobalSecondaryIndexes": {"gkeys": {"CapacityUnits": 1, "WriteCapacityUnits": 1},
                                    "gall": {"CapacityUnits": 1, "WriteCapacityUnits": 1}},
         "LocalSecondaryIndexes": {"lkeys": {"CapacityUnits": 1, "WriteCapacityUnits": 1},
                                   "lall": {"CapacityUnits": 1, "WriteCapacityUnits": 1}}},
        {"TableName": table, "CapacityUnits": 10, "WriteCapacityUnits": 10,
         "Table": {"CapacityUnits": 10, "WriteCapacityUnits": 10}},
    ]


def test_transact_write_total_of_small_items(client, table):
    answer = client.transact_write_items(TransactItems=[
        {"Put": {"TableName": table, "Item": {"p": s("a")}}},
        {"Put": {"TableName": table, "Item": {"p": s("b")}}},
    ], ReturnConsumedCapacity="TOTAL")
    assert consumed(answer) == [{"TableName": table, "CapacityUnits": 4, "WriteCapacityUnits": 4}]


# A canceled transaction answers TransactionCanceledException without ConsumedCapacity.
def test_canceled_transaction_reports_no_capacity(client, table, answers):
    with pytest.raises(ClientError):
        client.transact_write_items(TransactItems=[
            {"Put": {"TableName": table, "Item": {"p": s("a")}}},
            {"ConditionCheck": {"TableName": table, "Key": {"p": s("none")},
                                "ConditionExpression": "attribute_exists(p)"}},
        ], ReturnConsumedCapacity="TOTAL")
    assert answers[-1]["__type"].endswith("TransactionCanceledException")
    assert "ConsumedCapacity" not in answers[-1]


# A retry under the same ClientRequestToken writes nothing and reports the read of the items
# instead: a 1.5 KB put is 4 write units, its replay 2 read units.
@pytest.mark.oracle_deviation(LOCAL_TRANSACT_WRITE)
def test_replayed_transaction_reports_reads(client, table):
    request = dict(TransactItems=[{"Put": {"TableName": table, "Item": sized(1500, p="a")}}],
                   ClientRequestToken="capacity-replay")
    first = client.transact_write_items(**request, ReturnConsumedCapacity="TOTAL")
    assert consumed(first) == [{"TableName": table, "CapacityUnits": 4, "WriteCapacityUnits": 4}]
    again = client.transact_write_items(**request, ReturnConsumedCapacity="INDEXES")
    assert consumed(again) == [{"TableName": table, "CapacityUnits": 2, "ReadCapacityUnits": 2,
                                "Table": {"CapacityUnits": 2, "ReadCapacityUnits": 2}}]
    quiet = client.transact_write_items(**request)
    assert "ConsumedCapacity" not in quiet


# --- ItemCollectionMetrics: tables with local secondary indexes ---

RANGE_0_1 = [0.0, 1.0]


@pytest.mark.oracle_deviation(LOCAL_NO_COLLECTIONS)
def test_single_writes_report_their_item_collection(client, indexed):
    key = {"p": s("a"), "s": s("1")}
    expected = {"ItemCollectionKey": {"p": s("a")}, "SizeEstimateRangeGB": RANGE_0_1}
    put = client.put_item(TableName=indexed, Item={**key, "l": s("L")}, ReturnItemCollectionMetrics="SIZE")
    assert put["ItemCollectionMetrics"] == expected
    update = client.update_item(TableName=indexed, Key=key, UpdateExpression="SET o = :o",
                                ExpressionAttributeValues={":o": s("x")},
                                ReturnItemCollectionMetrics="SIZE", ReturnConsumedCapacity="TOTAL")
    assert update["ItemCollectionMetrics"] == expected
    assert consumed(update)["CapacityUnits"] == 2
    removed = client.delete_item(TableName=indexed, Key=key, ReturnItemCollectionMetrics="SIZE")
    assert removed["ItemCollectionMetrics"] == expected


# Without local secondary indexes, or without SIZE, there are no item collection metrics.
def test_item_collection_metrics_only_for_local_indexes(client, table, indexed):
    plain = client.put_item(TableName=table, Item={"p": s("a")}, ReturnItemCollectionMetrics="SIZE")
    assert "ItemCollectionMetrics" not in plain
    quiet = client.put_item(TableName=indexed, Item={"p": s("a"), "s": s("1")},
                            ReturnItemCollectionMetrics="NONE")
    assert "ItemCollectionMetrics" not in quiet
    batch = client.batch_write_item(RequestItems={table: [{"PutRequest": {"Item": {"p": s("b")}}}]},
                                    ReturnItemCollectionMetrics="SIZE")
    assert "ItemCollectionMetrics" not in batch


@pytest.mark.oracle_deviation(LOCAL_NO_COLLECTIONS)
def test_batches_and_transactions_report_collections_by_table(client, table, indexed):
    def metrics(p):
        return {"ItemCollectionKey": {"p": s(p)}, "SizeEstimateRangeGB": RANGE_0_1}

    batch = client.batch_write_item(RequestItems={
        indexed: [{"PutRequest": {"Item": {"p": s("a"), "s": s("1")}}},
                  {"DeleteRequest": {"Key": {"p": s("b"), "s": s("1")}}}],
        table: [{"PutRequest": {"Item": {"p": s("a")}}}],
    }, ReturnItemCollectionMetrics="SIZE")
    assert batch["ItemCollectionMetrics"] == {indexed: [metrics("a"), metrics("b")]}
    transaction = client.transact_write_items(TransactItems=[
        {"Put": {"TableName": indexed, "Item": {"p": s("c"), "s": s("1")}}},
        {"ConditionCheck": {"TableName": indexed, "Key": {"p": s("a"), "s": s("1")},
                            "ConditionExpression": "attribute_exists(p)"}},
        {"Put": {"TableName": table, "Item": {"p": s("c")}}},
    ], ReturnItemCollectionMetrics="SIZE")
    assert transaction["ItemCollectionMetrics"] == {indexed: [metrics("c")]}
