"""Secondary indexes (GSI and LSI) and UpdateTable: index descriptions in CreateTable and
DescribeTable, the CreateTable validation of indexes, index maintenance by every write path,
Query and Scan on an index (key conditions, order, projections, Select, ConsistentRead, paging)
and UpdateTable (adding an index to a loaded table, deleting one, throughput and billing mode).
Messages and their sources are listed in /work/notes/messages-indexes.md: the real service's texts
where recorded (dynalite, Alternator, a lab that probed the service), else DynamoDB Local's."""

import time
from decimal import Decimal

import pytest
from boto3.dynamodb.conditions import Key

from conftest import all_pages, failure, unique_name, validation

INVALID = "One or more parameter values were invalid: "
INDEX_WAIT_S = 300
LOCAL_CREATE_MESSAGES = "DynamoDB Local words its CreateTable index errors its own way"
LOCAL_SHAPE_MESSAGES = (
    "DynamoDB Local reports request-shape errors without DynamoDB's "
    "'N validation error(s) detected: Value ... at ...' form"
)
LOCAL_TYPE_MISMATCH = ("DynamoDB Local says only 'Type mismatch for Index Key', without the "
                       "attribute, the types and the index name")
LOCAL_UPDATE_TYPE = "DynamoDB Local lets UpdateItem give an index key attribute the wrong type"
LOCAL_CONSISTENT = "DynamoDB Local says 'Consistent read cannot be true when querying a GSI'"
LOCAL_MISSED_KEY = "DynamoDB Local leaves the key name off 'Query condition missed key schema element'"
LOCAL_MISSING_TABLE = "DynamoDB Local says 'Cannot do operations on a non-existent table'"
LOCAL_UPDATE_TABLE = "DynamoDB Local words its UpdateTable errors its own way"
LOCAL_SELECT_PREFIX = ("DynamoDB Local leaves '1 validation error detected: ' off Query's Select "
                       "messages")
LOCAL_NONKEY_LIMIT = "DynamoDB Local does not limit NonKeyAttributes to 20 per index"
LOCAL_EMPTY_LSI_LIST = "DynamoDB Local accepts an empty LocalSecondaryIndexes list"
LOCAL_PPR_GSI_THROUGHPUT = "DynamoDB Local accepts a GSI ProvisionedThroughput under PAY_PER_REQUEST"

ALL = {"ProjectionType": "ALL"}
KEYS_ONLY = {"ProjectionType": "KEYS_ONLY"}


def include(*names):
    return {"ProjectionType": "INCLUDE", "NonKeyAttributes": list(names)}


def key_schema(hash_key, range_key=None):
    schema = [{"AttributeName": hash_key, "KeyType": "HASH"}]
    if range_key:
        schema.append({"AttributeName": range_key, "KeyType": "RANGE"})
    return schema


def definitions(**types):
    """AttributeDefinitions from name=type pairs, e.g. definitions(p="S", n="N")."""
    return [{"AttributeName": name, "AttributeType": kind} for name, kind in types.items()]


def gsi(name, hash_key, range_key=None, projection=ALL, **extra):
    return {"IndexName": name, "KeySchema": key_schema(hash_key, range_key),
            "Projection": projection, **extra}


def lsi(name, range_key, hash_key="p", projection=ALL):
    return {"IndexName": name, "KeySchema": key_schema(hash_key, range_key), "Projection": projection}


def throughput(read, write):
    return {"ReadCapacityUnits": read, "WriteCapacityUnits": write}


def make_table(client, create_table, hash_key="p", range_key=None, types=None, **extra):
    """CreateTable with full parameters (index key definitions included), cleaned up by the
    create_table fixture; waits until the table and its indexes are ACTIVE."""
    name = unique_name("idx")
    if "ProvisionedThroughput" not in extra:
        extra.setdefault("BillingMode", "PAY_PER_REQUEST")
    create_table.track(name)
    client.create_table(TableName=name, KeySchema=key_schema(hash_key, range_key),
                        AttributeDefinitions=definitions(**(types or {hash_key: "S"})), **extra)
    wait_active(client, name)
    return name


def describe(client, name):
    return client.describe_table(TableName=name)["Table"]


def indexes_by_name(table, kind="GlobalSecondaryIndexes"):
    return {index["IndexName"]: index for index in table.get(kind, [])}


def wait_active(client, name, timeout=INDEX_WAIT_S):
    """Polls DescribeTable until the table and every GSI are ACTIVE; returns the description."""
    deadline = time.monotonic() + timeout
    while True:
        table = describe(client, name)
        statuses = [index["IndexStatus"] for index in table.get("GlobalSecondaryIndexes", [])]
        if table["TableStatus"] == "ACTIVE" and all(status == "ACTIVE" for status in statuses):
            return table
        assert time.monotonic() < deadline, f"{name} not ACTIVE after {timeout} s: {table}"
        time.sleep(0.2)


def wait_index_gone(client, name, index_name, timeout=INDEX_WAIT_S):
    deadline = time.monotonic() + timeout
    while index_name in indexes_by_name(describe(client, name)):
        assert time.monotonic() < deadline, f"index {index_name} still listed after {timeout} s"
        time.sleep(0.2)
    return wait_active(client, name)


def create_failure(raw_client, create_table, **params):
    """(code, message, status) of a CreateTable that must fail; the name is tracked so a server
    that wrongly accepts it does not leak the table."""
    params.setdefault("TableName", unique_name("idx"))
    if "ProvisionedThroughput" not in params:
        params.setdefault("BillingMode", "PAY_PER_REQUEST")
    create_table.track(params["TableName"])
    return failure(raw_client.create_table, **params)


def query_all(client, **params):
    """Every item of a low-level Query (or Scan, with op="scan") and the list of pages."""
    call = client.scan if params.pop("op", "query") == "scan" else client.query
    return all_pages(call, **params)


def s(value):
    return {"S": value}


def n(value):
    return {"N": str(value)}


# --- CreateTable and DescribeTable -----------------------------------------------------------

# Table (p, c) with three GSIs (ALL with a sort key, KEYS_ONLY, INCLUDE) and two LSIs.
RICH_TYPES = {"p": "S", "c": "S", "g": "S", "gs": "N", "l": "N"}
RICH_GSIS = [gsi("gall", "g", "gs"), gsi("gkeys", "g", projection=KEYS_ONLY),
             gsi("ginc", "g", projection=include("a", "b"))]
RICH_LSIS = [lsi("lall", "l"), lsi("linc", "l", projection=include("a"))]


@pytest.fixture
def rich(client, create_table):
    return make_table(client, create_table, "p", "c", RICH_TYPES,
                      GlobalSecondaryIndexes=RICH_GSIS, LocalSecondaryIndexes=RICH_LSIS)


# DescribeTable lists every GSI with its key schema, projection, status, ARN and counters.
def test_describe_table_lists_global_indexes(client, rich):
    table = describe(client, rich)
    got = indexes_by_name(table)
    assert set(got) == {"gall", "gkeys", "ginc"}
    for wanted in RICH_GSIS:
        index = got[wanted["IndexName"]]
        assert index["KeySchema"] == wanted["KeySchema"]
        assert index["Projection"] == wanted["Projection"]
        assert index["IndexStatus"] == "ACTIVE"
        assert index["IndexArn"] == f"{table['TableArn']}/index/{wanted['IndexName']}"
        assert index["ItemCount"] == 0 and index["IndexSizeBytes"] == 0


# DescribeTable lists every LSI with its key schema, projection, ARN and counters; an LSI has no
# IndexStatus and no ProvisionedThroughput of its own.
def test_describe_table_lists_local_indexes(client, rich):
    table = describe(client, rich)
    got = indexes_by_name(table, "LocalSecondaryIndexes")
    assert set(got) == {"lall", "linc"}
    for wanted in RICH_LSIS:
        index = got[wanted["IndexName"]]
        assert index["KeySchema"] == wanted["KeySchema"]
        assert index["Projection"] == wanted["Projection"]
        assert index["IndexArn"] == f"{table['TableArn']}/index/{wanted['IndexName']}"
        assert index["ItemCount"] == 0 and index["IndexSizeBytes"] == 0
        assert "IndexStatus" not in index and "ProvisionedThroughput" not in index


# AttributeDefinitions holds the table's and the indexes' key attributes (in any order).
def test_describe_table_attribute_definitions_include_index_keys(client, rich):
    table = describe(client, rich)
    assert {(d["AttributeName"], d["AttributeType"]) for d in table["AttributeDefinitions"]} == set(
        RICH_TYPES.items())


# Under PAY_PER_REQUEST a GSI reports a ProvisionedThroughput of 0 read and 0 write units.
def test_describe_table_pay_per_request_gsi_throughput_is_zero(client, rich):
    for index in describe(client, rich)["GlobalSecondaryIndexes"]:
        assert index["ProvisionedThroughput"]["ReadCapacityUnits"] == 0
        assert index["ProvisionedThroughput"]["WriteCapacityUnits"] == 0


# The CreateTable response already describes the indexes.
def test_create_table_response_describes_indexes(client, create_table):
    name = unique_name("idx")
    create_table.track(name)
    response = client.create_table(
        TableName=name, KeySchema=key_schema("p", "c"), AttributeDefinitions=definitions(**RICH_TYPES),
        BillingMode="PAY_PER_REQUEST", GlobalSecondaryIndexes=RICH_GSIS, LocalSecondaryIndexes=RICH_LSIS)
    description = response["TableDescription"]
    assert set(indexes_by_name(description)) == {"gall", "gkeys", "ginc"}
    assert set(indexes_by_name(description, "LocalSecondaryIndexes")) == {"lall", "linc"}
    wait_active(client, name)


# Under PROVISIONED each GSI has its own ProvisionedThroughput, described back.
def test_create_table_provisioned_gsi_throughput(client, create_table):
    name = make_table(client, create_table, types={"p": "S", "g": "S"},
                      ProvisionedThroughput=throughput(5, 5),
                      GlobalSecondaryIndexes=[gsi("byg", "g", ProvisionedThroughput=throughput(3, 4))])
    index = indexes_by_name(describe(client, name))["byg"]
    assert index["ProvisionedThroughput"]["ReadCapacityUnits"] == 3
    assert index["ProvisionedThroughput"]["WriteCapacityUnits"] == 4
    assert index["IndexStatus"] == "ACTIVE"


# The limits themselves are accepted: 5 LSIs and 20 GSIs on one table.
def test_create_table_five_lsis_and_twenty_gsis_accepted(client, create_table):
    types = {"p": "S", "c": "S", "g": "S", **{f"l{i}": "S" for i in range(5)}}
    name = make_table(client, create_table, "p", "c", types,
                      GlobalSecondaryIndexes=[gsi(f"gsi{i:02}", "g") for i in range(20)],
                      LocalSecondaryIndexes=[lsi(f"lsi{i}", f"l{i}") for i in range(5)])
    table = describe(client, name)
    assert len(table["GlobalSecondaryIndexes"]) == 20
    assert len(table["LocalSecondaryIndexes"]) == 5


# --- CreateTable validation --------------------------------------------------------------------


def gsi_table_failure(raw_client, create_table, gsis, types=None, **params):
    """A CreateTable of a table keyed by p (S) with these GSIs that must fail."""
    return create_failure(raw_client, create_table, KeySchema=key_schema("p"),
                          AttributeDefinitions=definitions(**(types or {"p": "S", "g": "S"})),
                          GlobalSecondaryIndexes=gsis, **params)


def lsi_table_failure(raw_client, create_table, lsis, types=None, **params):
    """A CreateTable of a table keyed by p, c (S, S) with these LSIs that must fail."""
    return create_failure(raw_client, create_table, KeySchema=key_schema("p", "c"),
                          AttributeDefinitions=definitions(**(types or {"p": "S", "c": "S", "l": "S"})),
                          LocalSecondaryIndexes=lsis, **params)


# An index key attribute must be defined in AttributeDefinitions.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_gsi_key_not_defined_rejected(raw_client, create_table):
    assert gsi_table_failure(raw_client, create_table, [gsi("byg", "g")], types={"p": "S"}) == validation(
        INVALID + "Some index key attributes are not defined in AttributeDefinitions. "
        "Keys: [g], AttributeDefinitions: [p]")


# Every attribute definition must be used by the table's or an index's key schema.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_unused_definition_with_indexes_rejected(raw_client, create_table):
    code, message, status = gsi_table_failure(raw_client, create_table, [gsi("byp", "p")],
                                              types={"p": "S", "x": "S"})
    assert (code, status) == ("ValidationException", 400)
    assert message in [
        INVALID + f"Some AttributeDefinitions are not used. AttributeDefinitions: [{defined}], "
        "keys used: [p]" for defined in ("p, x", "x, p")]


# Index names are unique across the table's GSIs and LSIs.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
@pytest.mark.parametrize("gsis, lsis", [
    ([gsi("dup", "g"), gsi("dup", "g")], None),
    ([gsi("dup", "g")], [lsi("dup", "l")]),
    (None, [lsi("dup", "l"), lsi("dup", "l")]),
], ids=["gsi-gsi", "gsi-lsi", "lsi-lsi"])
def test_create_table_duplicate_index_name_rejected(raw_client, create_table, gsis, lsis):
    params = {"GlobalSecondaryIndexes": gsis, "LocalSecondaryIndexes": lsis}
    params = {k: v for k, v in params.items() if v is not None}
    types = {"p": "S", "c": "S", **({"g": "S"} if gsis else {}), **({"l": "S"} if lsis else {})}
    assert create_failure(raw_client, create_table, KeySchema=key_schema("p", "c"),
                          AttributeDefinitions=definitions(**types), **params) == validation(
        INVALID + "Duplicate index name: dup")


# An LSI shares the table's partition key.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_lsi_other_hash_key_rejected(raw_client, create_table):
    assert lsi_table_failure(raw_client, create_table, [lsi("lidx", "c", hash_key="l")]) == validation(
        INVALID + "Index KeySchema does not have the same leading hash key as table KeySchema for "
        "index: lidx. index hash key: l, table hash key: p")


# An LSI has a sort key.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_lsi_without_range_key_rejected(raw_client, create_table):
    index = {"IndexName": "lidx", "KeySchema": key_schema("p"), "Projection": ALL}
    assert lsi_table_failure(raw_client, create_table, [index], types={"p": "S", "c": "S"}) == validation(
        INVALID + "Index KeySchema does not have a range key for index: lidx")


# LSIs need a table with a sort key.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_lsi_on_hash_only_table_rejected(raw_client, create_table):
    assert create_failure(raw_client, create_table, KeySchema=key_schema("p"),
                          AttributeDefinitions=definitions(p="S", l="S"),
                          LocalSecondaryIndexes=[lsi("lidx", "l")]) == validation(
        INVALID + "Table KeySchema does not have a range key, which is required when specifying a "
        "LocalSecondaryIndex")


# A table has at most 5 LSIs.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_six_lsis_rejected(raw_client, create_table):
    types = {"p": "S", "c": "S", **{f"l{i}": "S" for i in range(6)}}
    assert lsi_table_failure(raw_client, create_table, [lsi(f"lsi{i}", f"l{i}") for i in range(6)],
                             types=types) == validation(
        INVALID + "Number of LocalSecondaryIndexes exceeds per-table limit of 5")


# A table has at most 20 GSIs.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_twenty_one_gsis_rejected(raw_client, create_table):
    assert gsi_table_failure(raw_client, create_table, [gsi(f"gsi{i:02}", "g") for i in range(21)]) == validation(
        INVALID + "GlobalSecondaryIndex count exceeds the per-table limit of 20")


# NonKeyAttributes belong to INCLUDE only.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
@pytest.mark.parametrize("projection_type", ["ALL", "KEYS_ONLY"])
def test_create_table_non_key_attributes_without_include_rejected(raw_client, create_table, projection_type):
    projection = {"ProjectionType": projection_type, "NonKeyAttributes": ["a"]}
    assert gsi_table_failure(raw_client, create_table, [gsi("byg", "g", projection=projection)]) == validation(
        INVALID + f"ProjectionType is {projection_type}, but NonKeyAttributes is specified")


# INCLUDE needs NonKeyAttributes.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_include_without_non_key_attributes_rejected(raw_client, create_table):
    projection = {"ProjectionType": "INCLUDE"}
    assert gsi_table_failure(raw_client, create_table, [gsi("byg", "g", projection=projection)]) == validation(
        INVALID + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified")


# One index projects at most 20 NonKeyAttributes (a constraint of the request's shape).
@pytest.mark.oracle_deviation(LOCAL_NONKEY_LIMIT)
def test_create_table_twenty_one_non_key_attributes_rejected(raw_client, create_table):
    names = [f"a{i}" for i in range(21)]
    assert gsi_table_failure(raw_client, create_table, [gsi("byg", "g", projection=include(*names))]) == validation(
        f"1 validation error detected: Value '[{', '.join(names)}]' at "
        "'globalSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy constraint: "
        "Member must have length less than or equal to 20")


# All the indexes of a table together project at most 100 NonKeyAttributes.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_over_one_hundred_non_key_attributes_rejected(raw_client, create_table):
    gsis = [gsi(f"gsi{i}", "g", projection=include(*[f"a{i}_{j:02}" for j in range(17)])) for i in range(6)]
    assert gsi_table_failure(raw_client, create_table, gsis) == validation(
        INVALID + "Number of projected attributes in all indexes exceeds limit of 100")


# Under PROVISIONED every GSI needs its own ProvisionedThroughput.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_provisioned_gsi_without_throughput_rejected(raw_client, create_table):
    assert gsi_table_failure(raw_client, create_table, [gsi("byg", "g")], BillingMode="PROVISIONED",
                             ProvisionedThroughput=throughput(1, 1)) == validation(
        INVALID + "ProvisionedThroughput is not specified for index: byg")


# Under PAY_PER_REQUEST a GSI takes no ProvisionedThroughput.
@pytest.mark.oracle_deviation(LOCAL_PPR_GSI_THROUGHPUT)
def test_create_table_pay_per_request_gsi_with_throughput_rejected(raw_client, create_table):
    index = gsi("byg", "g", ProvisionedThroughput=throughput(1, 1))
    assert gsi_table_failure(raw_client, create_table, [index]) == validation(
        INVALID + "ProvisionedThroughput should not be specified for index: byg when BillingMode is "
        "PAY_PER_REQUEST")


# An empty GlobalSecondaryIndexes list is rejected (leave it out instead).
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_empty_gsi_list_rejected(raw_client, create_table):
    assert gsi_table_failure(raw_client, create_table, [], types={"p": "S"}) == validation(
        INVALID + "List of GlobalSecondaryIndexes is empty")


# An empty LocalSecondaryIndexes list is rejected too.
@pytest.mark.oracle_deviation(LOCAL_EMPTY_LSI_LIST)
def test_create_table_empty_lsi_list_rejected(raw_client, create_table):
    assert lsi_table_failure(raw_client, create_table, [], types={"p": "S", "c": "S"}) == validation(
        INVALID + "List of LocalSecondaryIndexes is empty")


# Index names follow the table-name rules: 3 to 255 characters of [a-zA-Z0-9_.-].
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
@pytest.mark.parametrize("index_name, constraint", [
    ("ab", "Member must have length greater than or equal to 3"),
    ("ab!c", "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
    ("a" * 256, "Member must have length less than or equal to 255"),
], ids=["short", "bad-characters", "long"])
def test_create_table_bad_index_name_rejected(raw_client, create_table, index_name, constraint):
    assert gsi_table_failure(raw_client, create_table, [gsi(index_name, "g")]) == validation(
        f"1 validation error detected: Value '{index_name}' at "
        f"'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: {constraint}")


# Projection is required.
@pytest.mark.oracle_deviation(LOCAL_SHAPE_MESSAGES)
def test_create_table_gsi_without_projection_rejected(raw_client, create_table):
    index = {"IndexName": "byg", "KeySchema": key_schema("g")}
    assert gsi_table_failure(raw_client, create_table, [index]) == validation(
        "1 validation error detected: Value null at 'globalSecondaryIndexes.1.member.projection' "
        "failed to satisfy constraint: Member must not be null")


# ProjectionType has no default.
@pytest.mark.oracle_deviation(LOCAL_CREATE_MESSAGES)
def test_create_table_gsi_without_projection_type_rejected(raw_client, create_table):
    assert gsi_table_failure(raw_client, create_table, [gsi("byg", "g", projection={})]) == validation(
        INVALID + "Unknown ProjectionType: null")


# --- Index maintenance ---------------------------------------------------------------------------


@pytest.fixture
def by_g(client, create_table):
    """Table keyed by p (S) with GSI byg: g (S) HASH, projection ALL."""
    return make_table(client, create_table, types={"p": "S", "g": "S"},
                      GlobalSecondaryIndexes=[gsi("byg", "g")])


def g_items(client, table, value):
    """The items the GSI byg holds under g = value, sorted by p."""
    items, _ = query_all(client, TableName=table, IndexName="byg", KeyConditionExpression="g = :g",
                         ExpressionAttributeValues={":g": s(value)})
    return sorted(items, key=lambda item: item["p"]["S"])


# An item without the index key attribute is not in the index (a sparse index): a Scan of the
# index sees only the indexed items.
def test_sparse_index_holds_only_items_with_the_key(client, by_g):
    client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A")})
    client.put_item(TableName=by_g, Item={"p": s("2"), "x": s("no g")})
    client.put_item(TableName=by_g, Item={"p": s("3"), "g": s("B")})
    scan = client.scan(TableName=by_g, IndexName="byg")
    assert scan["Count"] == 2 and scan["ScannedCount"] == 2
    assert sorted(item["p"]["S"] for item in scan["Items"]) == ["1", "3"]
    assert client.scan(TableName=by_g, Select="COUNT")["Count"] == 3


# Changing an item's index key moves it: the old key finds nothing, the new key finds the item.
def test_index_key_change_moves_item(client, by_g):
    client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A"), "v": n(1)})
    client.update_item(TableName=by_g, Key={"p": s("1")}, UpdateExpression="SET g = :g",
                       ExpressionAttributeValues={":g": s("B")})
    assert g_items(client, by_g, "A") == []
    assert g_items(client, by_g, "B") == [{"p": s("1"), "g": s("B"), "v": n(1)}]


# Overwriting an item with PutItem replaces its index entry.
def test_put_item_overwrite_moves_item(client, by_g):
    client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A")})
    client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("B")})
    assert g_items(client, by_g, "A") == []
    assert g_items(client, by_g, "B") == [{"p": s("1"), "g": s("B")}]


# A change of a non-key attribute shows in an ALL index.
def test_non_key_update_visible_in_index(client, by_g):
    client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A"), "v": n(1)})
    client.update_item(TableName=by_g, Key={"p": s("1")}, UpdateExpression="SET v = :v",
                       ExpressionAttributeValues={":v": n(2)})
    assert g_items(client, by_g, "A") == [{"p": s("1"), "g": s("A"), "v": n(2)}]


# Deleting an item removes it from the index.
def test_delete_item_removes_from_index(client, by_g):
    client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A")})
    client.put_item(TableName=by_g, Item={"p": s("2"), "g": s("A")})
    client.delete_item(TableName=by_g, Key={"p": s("1")})
    assert g_items(client, by_g, "A") == [{"p": s("2"), "g": s("A")}]


# UpdateItem REMOVE of the index key attribute takes the item out of the index.
def test_remove_index_key_removes_from_index(client, by_g):
    client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A"), "v": n(1)})
    client.update_item(TableName=by_g, Key={"p": s("1")}, UpdateExpression="REMOVE g")
    assert g_items(client, by_g, "A") == []
    assert client.scan(TableName=by_g, IndexName="byg")["Count"] == 0
    assert client.get_item(TableName=by_g, Key={"p": s("1")})["Item"] == {"p": s("1"), "v": n(1)}


# BatchWriteItem puts and deletes maintain the index.
def test_batch_write_maintains_index(client, by_g):
    client.put_item(TableName=by_g, Item={"p": s("0"), "g": s("A")})
    client.batch_write_item(RequestItems={by_g: [
        {"PutRequest": {"Item": {"p": s("1"), "g": s("A")}}},
        {"PutRequest": {"Item": {"p": s("2"), "g": s("B")}}},
        {"DeleteRequest": {"Key": {"p": s("0")}}},
    ]})
    assert g_items(client, by_g, "A") == [{"p": s("1"), "g": s("A")}]
    assert g_items(client, by_g, "B") == [{"p": s("2"), "g": s("B")}]


# TransactWriteItems Put, Update and Delete maintain the index.
def test_transact_write_maintains_index(client, by_g):
    client.put_item(TableName=by_g, Item={"p": s("0"), "g": s("A")})
    client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A")})
    client.transact_write_items(TransactItems=[
        {"Put": {"TableName": by_g, "Item": {"p": s("2"), "g": s("A")}}},
        {"Update": {"TableName": by_g, "Key": {"p": s("1")}, "UpdateExpression": "SET g = :g",
                    "ExpressionAttributeValues": {":g": s("B")}}},
        {"Delete": {"TableName": by_g, "Key": {"p": s("0")}}},
    ])
    assert g_items(client, by_g, "A") == [{"p": s("2"), "g": s("A")}]
    assert g_items(client, by_g, "B") == [{"p": s("1"), "g": s("B")}]


# An LSI follows changes of its sort key attribute.
def test_lsi_follows_sort_key_changes(client, create_table):
    name = make_table(client, create_table, "p", "c", {"p": "S", "c": "S", "l": "N"},
                      LocalSecondaryIndexes=[lsi("byl", "l")])
    for c, l in [("a", 3), ("b", 1), ("c", 2)]:
        client.put_item(TableName=name, Item={"p": s("P"), "c": s(c), "l": n(l)})
    client.put_item(TableName=name, Item={"p": s("P"), "c": s("d")})
    client.update_item(TableName=name, Key={"p": s("P"), "c": s("a")}, UpdateExpression="SET l = :l",
                       ExpressionAttributeValues={":l": n(0)})
    client.delete_item(TableName=name, Key={"p": s("P"), "c": s("c")})
    items, _ = query_all(client, TableName=name, IndexName="byl", KeyConditionExpression="p = :p",
                         ExpressionAttributeValues={":p": s("P")})
    assert [(item["c"]["S"], item["l"]["N"]) for item in items] == [("a", "0"), ("b", "1")]


WRONG_TYPE = validation(INVALID + "Type mismatch for Index Key g Expected: S Actual: N IndexName: byg")


# PutItem with an index key attribute of the wrong type is rejected and stores nothing.
@pytest.mark.oracle_deviation(LOCAL_TYPE_MISMATCH)
def test_put_item_index_key_wrong_type_rejected(raw_client, by_g):
    assert failure(raw_client.put_item, TableName=by_g, Item={"p": s("1"), "g": n(1)}) == WRONG_TYPE
    assert "Item" not in raw_client.get_item(TableName=by_g, Key={"p": s("1")})


# UpdateItem that gives an index key attribute the wrong type is rejected; the item is unchanged.
@pytest.mark.oracle_deviation(LOCAL_UPDATE_TYPE)
def test_update_item_index_key_wrong_type_rejected(raw_client, by_g):
    raw_client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A")})
    assert failure(raw_client.update_item, TableName=by_g, Key={"p": s("1")},
                   UpdateExpression="SET g = :g", ExpressionAttributeValues={":g": n(1)}) == WRONG_TYPE
    assert raw_client.get_item(TableName=by_g, Key={"p": s("1")})["Item"] == {"p": s("1"), "g": s("A")}


# BatchWriteItem with an index key of the wrong type is rejected as a whole.
@pytest.mark.oracle_deviation(LOCAL_TYPE_MISMATCH)
def test_batch_write_index_key_wrong_type_rejected(raw_client, by_g):
    assert failure(raw_client.batch_write_item, RequestItems={by_g: [
        {"PutRequest": {"Item": {"p": s("1"), "g": s("A")}}},
        {"PutRequest": {"Item": {"p": s("2"), "g": n(1)}}},
    ]}) == WRONG_TYPE
    assert raw_client.scan(TableName=by_g)["Count"] == 0


# An empty string is no valid index key value: PutItem names the index and the attribute.
def test_put_item_empty_string_index_key_rejected(raw_client, by_g):
    assert failure(raw_client.put_item, TableName=by_g, Item={"p": s("1"), "g": s("")}) == validation(
        "One or more parameter values are not valid. A value specified for a secondary index key is "
        "not supported. The AttributeValue for a key attribute cannot contain an empty string value. "
        "IndexName: byg, IndexKey: g")
    assert "Item" not in raw_client.get_item(TableName=by_g, Key={"p": s("1")})


# UpdateItem setting an index key to an empty string is rejected with its own text.
def test_update_item_empty_string_index_key_rejected(raw_client, by_g):
    raw_client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A")})
    assert failure(raw_client.update_item, TableName=by_g, Key={"p": s("1")},
                   UpdateExpression="SET g = :g", ExpressionAttributeValues={":g": s("")}) == validation(
        "One or more parameter values are not valid. The update expression attempted to update a "
        "secondary index key to a value that is not supported. The AttributeValue for a key attribute "
        "cannot contain an empty string value.")
    assert raw_client.get_item(TableName=by_g, Key={"p": s("1")})["Item"] == {"p": s("1"), "g": s("A")}


# An index key attribute cannot become a map: SET g.x is rejected.
def test_update_item_nested_index_key_rejected(raw_client, by_g):
    raw_client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A")})
    assert failure(raw_client.update_item, TableName=by_g, Key={"p": s("1")},
                   UpdateExpression="SET g.x = :v", ExpressionAttributeValues={":v": s("v")}) == validation(
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: "
        "IndexKey: g")


# --- Reading an index ------------------------------------------------------------------------------

# Partition p1 holds c0..c9; its g is "G" and its GSI sort key gs runs 9..0 while c runs 0..9;
# its LSI sort key l is a permutation. Two items share the GSI key (g "D", gs 1); one has no g.
L_OF = [7, 4, 1, 8, 5, 2, 9, 6, 3, 0]


def reads_items():
    items = [{"p": s("p1"), "c": s(f"c{i}"), "g": s("G"), "gs": n(9 - i), "l": n(L_OF[i]),
              "a": s(f"a{i}"), "b": s(f"b{i}")} for i in range(10)]
    items += [{"p": s("p2"), "c": s("x"), "g": s("D"), "gs": n(1), "a": s("a")},
              {"p": s("p3"), "c": s("y"), "g": s("D"), "gs": n(1), "b": s("b")},
              {"p": s("p4"), "c": s("z"), "l": n(3)}]
    return items


@pytest.fixture(scope="module")
def reads(client, raw_client):
    """Module table: p, c (S, S); GSIs gall (g, gs; ALL), gkeys (g; KEYS_ONLY), ginc (g; INCLUDE a);
    LSIs lall (p, l; ALL), lkeys (p, l; KEYS_ONLY); loaded with reads_items()."""
    name = unique_name("idxread")
    client.create_table(
        TableName=name, KeySchema=key_schema("p", "c"), AttributeDefinitions=definitions(**RICH_TYPES),
        BillingMode="PAY_PER_REQUEST",
        GlobalSecondaryIndexes=[gsi("gall", "g", "gs"), gsi("gkeys", "g", projection=KEYS_ONLY),
                                gsi("ginc", "g", projection=include("a"))],
        LocalSecondaryIndexes=[lsi("lall", "l"), lsi("lkeys", "l", projection=KEYS_ONLY)])
    try:
        wait_active(client, name)
        for item in reads_items():
            client.put_item(TableName=name, Item=item)
        yield name
    finally:
        raw_client.delete_table(TableName=name)


G = {":g": s("G")}
P1 = {":p": s("p1")}


def query(client, table, index, condition, values, **params):
    return client.query(TableName=table, IndexName=index, KeyConditionExpression=condition,
                        ExpressionAttributeValues=values, **params)


def column(items, name):
    return [item[name].get("S", item[name].get("N")) for item in items]


# A GSI query returns the items in the order of the index sort key, whole under ALL.
def test_query_gsi_sorted_by_index_sort_key(client, reads):
    got = query(client, reads, "gall", "g = :g", G)
    assert column(got["Items"], "gs") == [str(i) for i in range(10)]
    assert column(got["Items"], "c") == [f"c{i}" for i in range(9, -1, -1)]
    assert got["Items"][0] == reads_items()[9]
    assert got["Count"] == 10 and got["ScannedCount"] == 10


# ScanIndexForward=False reverses the index order.
def test_query_gsi_backward(client, reads):
    got = query(client, reads, "gall", "g = :g", G, ScanIndexForward=False)
    assert column(got["Items"], "gs") == [str(i) for i in range(9, -1, -1)]


# A condition on the index sort key narrows the range.
def test_query_gsi_sort_key_condition(client, reads):
    got = query(client, reads, "gall", "g = :g AND gs BETWEEN :lo AND :hi", {**G, ":lo": n(2), ":hi": n(4)})
    assert column(got["Items"], "gs") == ["2", "3", "4"]


# Several items may share an index key; a GSI returns all of them.
def test_query_gsi_duplicate_index_keys(client, reads):
    got = query(client, reads, "gall", "g = :g AND gs = :gs", {":g": s("D"), ":gs": n(1)})
    assert sorted(column(got["Items"], "p")) == ["p2", "p3"]


# A GSI with only a partition key returns every item under it.
def test_query_gsi_hash_only(client, reads):
    got = query(client, reads, "gkeys", "g = :g", {":g": s("D")})
    assert sorted(column(got["Items"], "p")) == ["p2", "p3"]


# An LSI query returns the partition's items in the order of the LSI sort key, both ways.
def test_query_lsi_sorted_by_index_sort_key(client, reads):
    forward = query(client, reads, "lall", "p = :p", P1)
    assert column(forward["Items"], "l") == [str(i) for i in range(10)]
    assert column(forward["Items"], "c") == [f"c{L_OF.index(i)}" for i in range(10)]
    backward = query(client, reads, "lall", "p = :p", P1, ScanIndexForward=False)
    assert column(backward["Items"], "l") == [str(i) for i in range(9, -1, -1)]


# An LSI sort-key condition narrows the range.
def test_query_lsi_sort_key_condition(client, reads):
    got = query(client, reads, "lall", "p = :p AND l < :l", {**P1, ":l": n(3)})
    assert column(got["Items"], "l") == ["0", "1", "2"]


# KEYS_ONLY returns the index keys and the table keys only.
def test_query_keys_only_projection(client, reads):
    items = query(client, reads, "gkeys", "g = :g", G)["Items"]
    assert len(items) == 10
    assert all(set(item) == {"p", "c", "g"} for item in items)
    items = query(client, reads, "lkeys", "p = :p", P1)["Items"]
    assert len(items) == 10
    assert all(set(item) == {"p", "c", "l"} for item in items)


# INCLUDE returns the keys and the listed attributes.
def test_query_include_projection(client, reads):
    items = query(client, reads, "ginc", "g = :g", G)["Items"]
    assert sorted(column(items, "a")) == [f"a{i}" for i in range(10)]
    assert all(set(item) == {"p", "c", "g", "a"} for item in items)


# Select=ALL_PROJECTED_ATTRIBUTES returns what the index projects.
def test_query_select_all_projected_attributes(client, reads):
    items = query(client, reads, "ginc", "g = :g", G, Select="ALL_PROJECTED_ATTRIBUTES")["Items"]
    assert all(set(item) == {"p", "c", "g", "a"} for item in items)


# Select=ALL_PROJECTED_ATTRIBUTES needs an index (Query's message in the envelope of a constraint
# violation: moto's tests, verified on DynamoDB).
@pytest.mark.oracle_deviation(LOCAL_SELECT_PREFIX)
def test_query_select_all_projected_attributes_without_index_rejected(raw_client, reads):
    assert failure(raw_client.query, TableName=reads, KeyConditionExpression="p = :p",
                   ExpressionAttributeValues=P1, Select="ALL_PROJECTED_ATTRIBUTES") == validation(
        "1 validation error detected: ALL_PROJECTED_ATTRIBUTES can be used only when Querying using "
        "an IndexName")


# Select=ALL_ATTRIBUTES is allowed on a GSI that projects ALL.
def test_query_gsi_all_attributes_with_projection_all(client, reads):
    items = query(client, reads, "gall", "g = :g", G, Select="ALL_ATTRIBUTES")["Items"]
    assert items[0] == reads_items()[9]


# Select=ALL_ATTRIBUTES on a GSI that does not project everything is rejected (Query and Scan).
@pytest.mark.parametrize("index", ["gkeys", "ginc"])
def test_select_all_attributes_on_partial_gsi_rejected(raw_client, reads, index):
    message = validation(INVALID + f"Select type ALL_ATTRIBUTES is not supported for global secondary "
                         f"index {index} because its projection type is not ALL")
    assert failure(raw_client.query, TableName=reads, IndexName=index, KeyConditionExpression="g = :g",
                   ExpressionAttributeValues=G, Select="ALL_ATTRIBUTES") == message
    assert failure(raw_client.scan, TableName=reads, IndexName=index, Select="ALL_ATTRIBUTES") == message


# On an LSI, Select=ALL_ATTRIBUTES fetches the whole item from the table.
def test_query_lsi_all_attributes_fetches_item(client, reads):
    items = query(client, reads, "lkeys", "p = :p", P1, Select="ALL_ATTRIBUTES")["Items"]
    assert items[0] == reads_items()[L_OF.index(0)]
    assert len(items) == 10


# A ProjectionExpression naming an attribute the GSI does not project is rejected.
@pytest.mark.parametrize("index", ["gkeys", "ginc"])
def test_query_gsi_projection_of_unprojected_attribute_rejected(raw_client, reads, index):
    assert failure(raw_client.query, TableName=reads, IndexName=index, KeyConditionExpression="g = :g",
                   ExpressionAttributeValues=G, ProjectionExpression="p, b") == validation(
        INVALID + f"Global secondary index {index} does not project [b]")


# On an LSI a ProjectionExpression may name any attribute; it is fetched from the table.
def test_query_lsi_projection_of_unprojected_attribute(client, reads):
    items = query(client, reads, "lkeys", "p = :p", P1, ProjectionExpression="b")["Items"]
    assert items[0] == {"b": s(f"b{L_OF.index(0)}")}


# A FilterExpression on an attribute the GSI does not project is rejected.
def test_query_gsi_filter_on_unprojected_attribute_rejected(raw_client, reads):
    assert failure(raw_client.query, TableName=reads, IndexName="gkeys", KeyConditionExpression="g = :g",
                   FilterExpression="b = :b", ExpressionAttributeValues={**G, ":b": s("b1")}) == validation(
        INVALID + "Secondary index gkeys does not project one or more filter attributes: [b]")


# Strongly consistent reads are not supported on a GSI (Query and Scan).
@pytest.mark.oracle_deviation(LOCAL_CONSISTENT)
def test_consistent_read_on_gsi_rejected(raw_client, reads):
    message = validation("Consistent reads are not supported on global secondary indexes")
    assert failure(raw_client.query, TableName=reads, IndexName="gall", KeyConditionExpression="g = :g",
                   ExpressionAttributeValues=G, ConsistentRead=True) == message
    assert failure(raw_client.scan, TableName=reads, IndexName="gall", ConsistentRead=True) == message


# An LSI allows strongly consistent reads.
def test_consistent_read_on_lsi(client, reads):
    assert query(client, reads, "lall", "p = :p", P1, ConsistentRead=True)["Count"] == 10
    assert client.scan(TableName=reads, IndexName="lall", ConsistentRead=True)["Count"] == 11


# A key condition must name the index's partition key, not the table's.
@pytest.mark.oracle_deviation(LOCAL_MISSED_KEY)
def test_query_gsi_on_table_key_rejected(raw_client, reads):
    assert failure(raw_client.query, TableName=reads, IndexName="gall", KeyConditionExpression="p = :p",
                   ExpressionAttributeValues=P1) == validation("Query condition missed key schema element: g")


# A condition on the table's sort key is no key condition of an LSI.
@pytest.mark.oracle_deviation(LOCAL_MISSED_KEY)
def test_query_lsi_on_table_sort_key_rejected(raw_client, reads):
    assert failure(raw_client.query, TableName=reads, IndexName="lall",
                   KeyConditionExpression="p = :p AND c = :c",
                   ExpressionAttributeValues={**P1, ":c": s("c1")}) == validation(
        "Query condition missed key schema element: l")


# The key condition's value must have the index key's type.
def test_query_gsi_key_value_wrong_type_rejected(raw_client, reads):
    assert failure(raw_client.query, TableName=reads, IndexName="gall", KeyConditionExpression="g = :g",
                   ExpressionAttributeValues={":g": n(1)}) == validation(
        INVALID + "Condition parameter type does not match schema type")


# An IndexName the table does not have is a ValidationException naming it (Query and Scan).
def test_missing_index_rejected(raw_client, reads):
    message = validation("The table does not have the specified index: nope")
    assert failure(raw_client.query, TableName=reads, IndexName="nope", KeyConditionExpression="g = :g",
                   ExpressionAttributeValues=G) == message
    assert failure(raw_client.scan, TableName=reads, IndexName="nope") == message


# With a missing table the answer is ResourceNotFoundException, whatever the IndexName.
@pytest.mark.oracle_deviation(LOCAL_MISSING_TABLE)
def test_index_of_missing_table_rejected(raw_client):
    assert failure(raw_client.query, TableName=unique_name(), IndexName="nope",
                   KeyConditionExpression="g = :g", ExpressionAttributeValues=G) == (
        "ResourceNotFoundException", "Requested resource not found", 400)


# A Scan of an index returns the indexed items only; Count and ScannedCount agree.
def test_scan_index_counts_indexed_items(client, reads):
    gsi_scan = client.scan(TableName=reads, IndexName="gkeys")
    assert gsi_scan["Count"] == 12 and gsi_scan["ScannedCount"] == 12
    lsi_scan = client.scan(TableName=reads, IndexName="lkeys")
    assert lsi_scan["Count"] == 11
    assert sorted(column(lsi_scan["Items"], "c")) == sorted([f"c{i}" for i in range(10)] + ["z"])


# A GSI page's LastEvaluatedKey holds the index key and the table key of the last item, and
# paging with it returns every item exactly once, in order.
def test_query_gsi_paging(client, reads):
    items, pages = query_all(client, TableName=reads, IndexName="gall", KeyConditionExpression="g = :g",
                             ExpressionAttributeValues=G, Limit=3)
    assert [len(page["Items"]) for page in pages] == [3, 3, 3, 1]
    first = pages[0]
    last = first["Items"][-1]
    assert first["LastEvaluatedKey"] == {k: last[k] for k in ("p", "c", "g", "gs")}
    assert column(items, "gs") == [str(i) for i in range(10)]


# An LSI page's LastEvaluatedKey holds the table key and the LSI sort key.
def test_query_lsi_paging(client, reads):
    items, pages = query_all(client, TableName=reads, IndexName="lkeys", KeyConditionExpression="p = :p",
                             ExpressionAttributeValues=P1, Limit=4)
    last = pages[0]["Items"][-1]
    assert pages[0]["LastEvaluatedKey"] == {k: last[k] for k in ("p", "c", "l")}
    assert column(items, "l") == [str(i) for i in range(10)]


# Scanning an index page by page returns every indexed item exactly once.
@pytest.mark.parametrize("index, key_names, total", [
    ("gkeys", ("p", "c", "g"), 12), ("gall", ("p", "c", "g", "gs"), 12), ("lkeys", ("p", "c", "l"), 11)])
def test_scan_index_paging(client, reads, index, key_names, total):
    items, pages = query_all(client, op="scan", TableName=reads, IndexName=index, Limit=5)
    assert len(items) == total
    assert len({(item["p"]["S"], item["c"]["S"]) for item in items}) == total
    for page in pages[:-1]:
        last = page["Items"][-1]
        assert page["LastEvaluatedKey"] == {k: last[k] for k in key_names}


# boto3's Query paginator walks an index.
def test_query_paginator_over_index(client, reads):
    pages = list(client.get_paginator("query").paginate(
        TableName=reads, IndexName="gall", KeyConditionExpression="g = :g", ExpressionAttributeValues=G,
        PaginationConfig={"PageSize": 4}))
    assert [len(page["Items"]) for page in pages if page["Items"]] == [4, 4, 2]
    assert column([item for page in pages for item in page["Items"]], "gs") == [str(i) for i in range(10)]


# The resource API's Key conditions work on an index too.
def test_resource_query_on_index(dynamodb, reads):
    got = dynamodb.Table(reads).query(IndexName="gall", KeyConditionExpression=Key("g").eq("G") & Key("gs").gte(8))
    assert [item["gs"] for item in got["Items"]] == [Decimal(8), Decimal(9)]


# --- UpdateTable -----------------------------------------------------------------------------------

BACKFILL_COUNT = 10_000


def update_failure(raw_client, **params):
    return failure(raw_client.update_table, **params)


# A GSI added to a loaded table is filled from the existing items: once ACTIVE, a query finds
# every matching item and the index holds exactly the items that have its key.
def test_update_table_create_gsi_backfills(client, dynamodb, create_table):
    name = make_table(client, create_table)
    with dynamodb.Table(name).batch_writer() as batch:
        for i in range(BACKFILL_COUNT):
            item = {"p": f"p{i}", "v": i}
            if i % 10:
                item["g"] = f"g{i % 100}"
            batch.put_item(Item=item)
    response = client.update_table(
        TableName=name, AttributeDefinitions=definitions(g="S"),
        GlobalSecondaryIndexUpdates=[{"Create": gsi("byg", "g", projection=KEYS_ONLY)}])
    created = indexes_by_name(response["TableDescription"])["byg"]
    assert created["KeySchema"] == key_schema("g")
    assert created["IndexStatus"] in ("CREATING", "ACTIVE")
    table = wait_active(client, name)
    assert indexes_by_name(table)["byg"]["IndexArn"] == f"{table['TableArn']}/index/byg"
    assert {d["AttributeName"] for d in table["AttributeDefinitions"]} == {"p", "g"}
    items, _ = query_all(client, TableName=name, IndexName="byg", KeyConditionExpression="g = :g",
                         ExpressionAttributeValues={":g": s("g7")})
    assert sorted(int(item["p"]["S"][1:]) for item in items) == list(range(7, BACKFILL_COUNT, 100))
    indexed, _ = query_all(client, op="scan", TableName=name, IndexName="byg")
    assert len(indexed) == BACKFILL_COUNT - BACKFILL_COUNT // 10
    assert all(set(item) == {"p", "g"} for item in indexed)


# Writes after the index is added are indexed too.
def test_update_table_created_gsi_is_maintained(client, create_table):
    name = make_table(client, create_table)
    client.update_table(TableName=name, AttributeDefinitions=definitions(g="S"),
                        GlobalSecondaryIndexUpdates=[{"Create": gsi("byg", "g")}])
    wait_active(client, name)
    client.put_item(TableName=name, Item={"p": s("1"), "g": s("A")})
    assert query(client, name, "byg", "g = :g", {":g": s("A")})["Items"] == [{"p": s("1"), "g": s("A")}]


# A new index key needs an AttributeDefinition.
@pytest.mark.oracle_deviation(LOCAL_UPDATE_TABLE)
def test_update_table_create_gsi_without_definition_rejected(raw_client, client, create_table):
    name = make_table(client, create_table)
    assert update_failure(raw_client, TableName=name,
                          GlobalSecondaryIndexUpdates=[{"Create": gsi("byg", "g")}]) == validation(
        INVALID + "AttributeDefinitions is not specified for index: byg")


# An index name that exists cannot be created again.
def test_update_table_create_existing_gsi_rejected(raw_client, client, by_g):
    assert update_failure(raw_client, TableName=by_g, AttributeDefinitions=definitions(h="S"),
                          GlobalSecondaryIndexUpdates=[{"Create": gsi("byg", "h")}]) == validation(
        "Attempting to create an index which already exists")


# One UpdateTable creates or deletes at most one index.
def test_update_table_two_gsi_creates_rejected(raw_client, client, create_table):
    name = make_table(client, create_table)
    assert update_failure(raw_client, TableName=name, AttributeDefinitions=definitions(g="S", h="S"),
                          GlobalSecondaryIndexUpdates=[{"Create": gsi("byg", "g")},
                                                       {"Create": gsi("byh", "h")}]) == (
        "LimitExceededException",
        "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table",
        400)
    assert "GlobalSecondaryIndexes" not in describe(raw_client, name)


# One UpdateTable names an index at most once.
@pytest.mark.oracle_deviation(LOCAL_UPDATE_TABLE)
def test_update_table_same_index_twice_rejected(raw_client, by_g):
    assert update_failure(raw_client, TableName=by_g,
                          GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": "byg"}},
                                                       {"Delete": {"IndexName": "byg"}}]) == validation(
        INVALID + "Only one global secondary index update per index is allowed simultaneously. Index: byg")


# Deleting an index: it goes away, then queries by it fail and DescribeTable no longer lists it.
def test_update_table_delete_gsi(client, raw_client, by_g):
    client.put_item(TableName=by_g, Item={"p": s("1"), "g": s("A")})
    response = client.update_table(TableName=by_g, GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": "byg"}}])
    assert indexes_by_name(response["TableDescription"]).get("byg", {}).get("IndexStatus", "DELETING") == "DELETING"
    table = wait_index_gone(client, by_g, "byg")
    assert "GlobalSecondaryIndexes" not in table
    assert failure(raw_client.query, TableName=by_g, IndexName="byg", KeyConditionExpression="g = :g",
                   ExpressionAttributeValues={":g": s("A")}) == validation(
        "The table does not have the specified index: byg")
    assert client.get_item(TableName=by_g, Key={"p": s("1")})["Item"] == {"p": s("1"), "g": s("A")}


# Deleting an index the table does not have is ResourceNotFoundException naming it.
@pytest.mark.oracle_deviation(LOCAL_UPDATE_TABLE)
def test_update_table_delete_missing_gsi_rejected(raw_client, by_g):
    assert update_failure(raw_client, TableName=by_g,
                          GlobalSecondaryIndexUpdates=[{"Delete": {"IndexName": "nope"}}]) == (
        "ResourceNotFoundException", f"Requested resource not found: Index nope for table {by_g}", 400)


# Updating an index the table does not have is ResourceNotFoundException naming it.
@pytest.mark.oracle_deviation(LOCAL_UPDATE_TABLE)
def test_update_table_update_missing_gsi_rejected(raw_client, client, create_table):
    name = make_table(client, create_table, ProvisionedThroughput=throughput(5, 5))
    assert update_failure(raw_client, TableName=name, GlobalSecondaryIndexUpdates=[
        {"Update": {"IndexName": "nope", "ProvisionedThroughput": throughput(2, 2)}}]) == (
        "ResourceNotFoundException", f"Requested resource not found: Index nope for table {name}", 400)


@pytest.fixture
def provisioned(client, create_table):
    """PROVISIONED 5/5 table keyed by p with GSI byg (g) at 1/1."""
    return make_table(client, create_table, types={"p": "S", "g": "S"}, ProvisionedThroughput=throughput(5, 5),
                      GlobalSecondaryIndexes=[gsi("byg", "g", ProvisionedThroughput=throughput(1, 1))])


def capacity(description):
    units = description["ProvisionedThroughput"]
    return units["ReadCapacityUnits"], units["WriteCapacityUnits"]


# A GSI's ProvisionedThroughput can be changed.
def test_update_table_gsi_throughput(client, provisioned):
    client.update_table(TableName=provisioned, GlobalSecondaryIndexUpdates=[
        {"Update": {"IndexName": "byg", "ProvisionedThroughput": throughput(7, 8)}}])
    table = wait_active(client, provisioned)
    assert capacity(indexes_by_name(table)["byg"]) == (7, 8)
    assert capacity(table) == (5, 5)


# The table's ProvisionedThroughput can be changed; the GSI keeps its own.
def test_update_table_table_throughput(client, provisioned):
    client.update_table(TableName=provisioned, ProvisionedThroughput=throughput(6, 9))
    table = wait_active(client, provisioned)
    assert capacity(table) == (6, 9)
    assert capacity(indexes_by_name(table)["byg"]) == (1, 1)


# Asking for the throughput the table already has is rejected.
@pytest.mark.oracle_deviation(LOCAL_UPDATE_TABLE)
def test_update_table_same_throughput_rejected(raw_client, provisioned):
    assert update_failure(raw_client, TableName=provisioned, ProvisionedThroughput=throughput(5, 5)) == validation(
        "The provisioned throughput for the table will not change. The requested value equals the "
        "current value. Current ReadCapacityUnits provisioned for the table: 5. Requested "
        "ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. Requested "
        "WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for current limits and "
        "how to request higher limits.")


# BillingMode can go from PROVISIONED to PAY_PER_REQUEST and back (with throughput for the table
# and every GSI); BillingModeSummary follows.
def test_update_table_billing_mode_round_trip(client, provisioned):
    client.update_table(TableName=provisioned, BillingMode="PAY_PER_REQUEST")
    table = wait_active(client, provisioned)
    assert table["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert capacity(table) == (0, 0)
    client.update_table(TableName=provisioned, BillingMode="PROVISIONED", ProvisionedThroughput=throughput(3, 4),
                        GlobalSecondaryIndexUpdates=[
                            {"Update": {"IndexName": "byg", "ProvisionedThroughput": throughput(2, 2)}}])
    table = wait_active(client, provisioned)
    assert table["BillingModeSummary"]["BillingMode"] == "PROVISIONED"
    assert capacity(table) == (3, 4)
    assert capacity(indexes_by_name(table)["byg"]) == (2, 2)


# UpdateTable without anything to change is rejected.
@pytest.mark.oracle_deviation(LOCAL_UPDATE_TABLE)
@pytest.mark.parametrize("extra", [{}, {"GlobalSecondaryIndexUpdates": []}], ids=["nothing", "empty-updates"])
def test_update_table_nothing_to_update_rejected(raw_client, by_g, extra):
    assert update_failure(raw_client, TableName=by_g, **extra) == validation(
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
        "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
        "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
        "WarmThroughput or TableClass is required")


# UpdateTable of a missing table is ResourceNotFoundException naming it.
@pytest.mark.oracle_deviation(LOCAL_UPDATE_TABLE)
def test_update_table_missing_table_rejected(raw_client):
    name = unique_name()
    assert update_failure(raw_client, TableName=name, ProvisionedThroughput=throughput(2, 2)) == (
        "ResourceNotFoundException", f"Requested resource not found: Table: {name} not found", 400)
