"""The classic (pre-2014) read parameters: AttributesToGet on GetItem, BatchGetItem, Query and Scan
(with Select), KeyConditions on tables and indexes, QueryFilter with ConditionalOperator; their
errors; and the same read as an expression twin giving the same answer. Texts:
/work/notes/messages-classic.md."""

import pytest

from conftest import failure, scoped_table, validation, wire

INVALID = "One or more parameter values were invalid: "
LOCAL_DUPLICATES = "DynamoDB Local says 'Cannot have two attributes with the same name'"
LOCAL_EMPTY_LIST = "DynamoDB Local words an empty AttributesToGet its own way, or accepts it"
LOCAL_MISSED_KEY = "DynamoDB Local leaves the key name off 'Query condition missed key schema element'"
LOCAL_KEY_OPERATORS = "DynamoDB Local refuses NULL, NOT_NULL and NE on a key its own way"
LOCAL_SELECT_PREFIX = "DynamoDB Local leaves '1 validation error detected: ' off Query's Select messages"

ITEMS = [{"p": "k", "r": r, "x": r * 10, "s": f"s{r}", "g": "g", "l": r, "y": r, "a.b": r} for r in range(1, 6)]


@pytest.fixture(scope="module")
def reads(client, raw_client):
    """p (S) and r (N); a global index on g projecting its keys, one on g and r projecting all,
    a local one on l including x."""
    spec = dict(
        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}, {"AttributeName": "r", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": n, "AttributeType": t}
                              for n, t in [("p", "S"), ("r", "N"), ("g", "S"), ("l", "N")]],
        GlobalSecondaryIndexes=[
            {"IndexName": "gkeys", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
             "Projection": {"ProjectionType": "KEYS_ONLY"}},
            {"IndexName": "gall", "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"},
                                                {"AttributeName": "r", "KeyType": "RANGE"}],
             "Projection": {"ProjectionType": "ALL"}}],
        LocalSecondaryIndexes=[
            {"IndexName": "lincl", "KeySchema": [{"AttributeName": "p", "KeyType": "HASH"},
                                                 {"AttributeName": "l", "KeyType": "RANGE"}],
             "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["x"]}}])
    with scoped_table(client, raw_client, "creads", **spec) as name:
        for item in ITEMS:
            client.put_item(TableName=name, Item={k: wire(v) for k, v in item.items()})
        yield name


def cond(op, *values):
    return {"ComparisonOperator": op, "AttributeValueList": [wire(v) for v in values]}


P = {"p": cond("EQ", "k")}


def rs(items):
    """The sort keys of the items, in order."""
    return [int(item["r"]["N"]) for item in items]


# --- AttributesToGet --------------------------------------------------------------------------

def test_get_item_attributes_to_get(client, reads):
    key = {"p": {"S": "k"}, "r": {"N": "2"}}
    got = client.get_item(TableName=reads, Key=key, AttributesToGet=["x", "a.b", "missing"])
    assert got["Item"] == {"x": {"N": "20"}, "a.b": {"N": "2"}}
    got = client.get_item(TableName=reads, Key=key, AttributesToGet=["missing"])
    assert got["Item"] == {}
    got = client.get_item(TableName=reads, Key={"p": {"S": "none"}, "r": {"N": "1"}}, AttributesToGet=["x"])
    assert "Item" not in got


def test_batch_get_item_attributes_to_get(client, reads):
    keys = [{"p": {"S": "k"}, "r": {"N": str(r)}} for r in (1, 3)]
    got = client.batch_get_item(RequestItems={reads: {"Keys": keys, "AttributesToGet": ["r", "s"]}})
    assert sorted(got["Responses"][reads], key=lambda i: i["r"]["N"]) == [
        {"r": {"N": "1"}, "s": {"S": "s1"}}, {"r": {"N": "3"}, "s": {"S": "s3"}}]


# AttributesToGet and ProjectionExpression of the same names read the same.
@pytest.mark.parametrize("names", [["x"], ["r", "s", "y"], ["p", "missing"]])
def test_attributes_to_get_and_projection_expression_agree(client, reads, names):
    placeholders = {f"#n{i}": name for i, name in enumerate(names)}
    twin = {"ProjectionExpression": ", ".join(placeholders), "ExpressionAttributeNames": placeholders}
    assert client.scan(TableName=reads, AttributesToGet=names)["Items"] == client.scan(
        TableName=reads, **twin)["Items"]
    assert client.query(TableName=reads, KeyConditions=P, AttributesToGet=names)["Items"] == client.query(
        TableName=reads, KeyConditions=P, **twin)["Items"]


@pytest.mark.oracle_deviation(LOCAL_DUPLICATES)
def test_attributes_to_get_duplicates(raw_client, reads):
    message = validation(INVALID + "Duplicate value in attribute name: x")
    key = {"p": {"S": "k"}, "r": {"N": "1"}}
    assert failure(raw_client.get_item, TableName=reads, Key=key, AttributesToGet=["x", "y", "x"]) == message
    assert failure(raw_client.query, TableName=reads, KeyConditions=P, AttributesToGet=["x", "x"]) == message
    assert failure(raw_client.scan, TableName=reads, AttributesToGet=["x", "x"]) == message


def test_batch_get_item_attributes_to_get_duplicates(raw_client, reads):
    keys = [{"p": {"S": "k"}, "r": {"N": "1"}}]
    assert failure(raw_client.batch_get_item, RequestItems={reads: {"Keys": keys, "AttributesToGet": ["x", "x"]}}) == (
        validation(INVALID + "Duplicate value in attribute name: x"))


# An empty list breaks the API model's constraint (dynalite's tests, recorded on DynamoDB).
@pytest.mark.oracle_deviation(LOCAL_EMPTY_LIST)
def test_attributes_to_get_empty(raw_client, reads):
    key = {"p": {"S": "k"}, "r": {"N": "1"}}
    assert failure(raw_client.get_item, TableName=reads, Key=key, AttributesToGet=[]) == validation(
        "1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1")
    assert failure(raw_client.batch_get_item, RequestItems={reads: {"Keys": [key], "AttributesToGet": []}}) == (
        validation(f"1 validation error detected: Value '[]' at 'requestItems.{reads}.member.attributesToGet' "
                   "failed to satisfy constraint: Member must have length greater than or equal to 1"))
    assert failure(raw_client.query, TableName=reads, KeyConditions=P, AttributesToGet=[]) == validation(
        "1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1")


def test_attributes_to_get_empty_name(raw_client, reads):
    key = {"p": {"S": "k"}, "r": {"N": "1"}}
    assert failure(raw_client.get_item, TableName=reads, Key=key, AttributesToGet=[""]) == validation(
        "Empty attribute name")


# Select with AttributesToGet: SPECIFIC_ATTRIBUTES is the default; the others refuse it.
def test_select_specific_attributes(client, reads):
    got = client.scan(TableName=reads, AttributesToGet=["x"], Select="SPECIFIC_ATTRIBUTES", Limit=2)
    assert got["Items"] == [{"x": {"N": "10"}}, {"x": {"N": "20"}}]
    assert got["LastEvaluatedKey"] == {"p": {"S": "k"}, "r": {"N": "2"}}


@pytest.mark.parametrize("select, what", [("ALL_ATTRIBUTES", "ALL_ATTRIBUTES"), ("COUNT", "only the Count")])
def test_scan_select_refuses_attributes_to_get(raw_client, reads, select, what):
    assert failure(raw_client.scan, TableName=reads, AttributesToGet=["x"], Select=select) == validation(
        f"Cannot specify the AttributesToGet when choosing to get {what}")


# Query's messages carry the envelope of a constraint violation (moto's tests, verified on DynamoDB).
@pytest.mark.oracle_deviation(LOCAL_SELECT_PREFIX)
@pytest.mark.parametrize("select, what", [
    ("ALL_ATTRIBUTES", "ALL_ATTRIBUTES"), ("ALL_PROJECTED_ATTRIBUTES", "ALL_PROJECTED_ATTRIBUTES"),
    ("COUNT", "only the Count")])
def test_query_select_refuses_attributes_to_get(raw_client, reads, select, what):
    assert failure(raw_client.query, TableName=reads, IndexName="gall", KeyConditions={"g": cond("EQ", "g")},
                   AttributesToGet=["x"], Select=select) == validation(
        f"1 validation error detected: Cannot specify the AttributesToGet when choosing to get {what}")


def test_attributes_to_get_beyond_a_global_index_projection(raw_client, client, reads):
    got = client.query(TableName=reads, IndexName="gkeys", KeyConditions={"g": cond("EQ", "g")},
                       AttributesToGet=["g", "p"])
    assert got["Items"] == [{"g": {"S": "g"}, "p": {"S": "k"}}] * 5
    assert failure(raw_client.query, TableName=reads, IndexName="gkeys", KeyConditions={"g": cond("EQ", "g")},
                   AttributesToGet=["x"]) == validation(
        INVALID + "Global secondary index gkeys does not project [x]")


# --- KeyConditions ---------------------------------------------------------------------------------

# (KeyConditions on r, the KeyConditionExpression twin, its values, the sort keys read)
RANGES = [
    ({"r": cond("EQ", 2)}, "r = :a", [2], [2]),
    ({"r": cond("LT", 3)}, "r < :a", [3], [1, 2]),
    ({"r": cond("LE", 3)}, "r <= :a", [3], [1, 2, 3]),
    ({"r": cond("GT", 3)}, "r > :a", [3], [4, 5]),
    ({"r": cond("GE", 3)}, "r >= :a", [3], [3, 4, 5]),
    ({"r": cond("BETWEEN", 2, 4)}, "r BETWEEN :a AND :b", [2, 4], [2, 3, 4]),
    ({}, "", [], [1, 2, 3, 4, 5]),
]


@pytest.mark.parametrize("sort, twin, values, expected", RANGES)
def test_key_conditions_and_key_condition_expression_agree(client, reads, sort, twin, values, expected):
    classic = client.query(TableName=reads, KeyConditions={**P, **sort})
    names = [":a", ":b"]
    params = {":p": wire("k"), **{names[i]: wire(v) for i, v in enumerate(values)}}
    expression = client.query(TableName=reads, KeyConditionExpression=" AND ".join(filter(None, ["p = :p", twin])),
                              ExpressionAttributeValues=params)
    assert rs(classic["Items"]) == expected
    assert classic["Items"] == expression["Items"]


def test_key_conditions_begins_with(client, create_table):
    name = create_table(range=("c", "S"))
    for c in ("apple", "apricot", "banana"):
        client.put_item(TableName=name, Item={"p": {"S": "k"}, "c": {"S": c}})
    got = client.query(TableName=name, KeyConditions={**P, "c": cond("BEGINS_WITH", "ap")},
                       ScanIndexForward=False)
    assert [item["c"]["S"] for item in got["Items"]] == ["apricot", "apple"]


def test_key_conditions_on_indexes(client, reads):
    got = client.query(TableName=reads, IndexName="gall", KeyConditions={"g": cond("EQ", "g"), "r": cond("GT", 3)})
    assert rs(got["Items"]) == [4, 5]
    got = client.query(TableName=reads, IndexName="lincl", KeyConditions={**P, "l": cond("BETWEEN", 2, 3)},
                       AttributesToGet=["y", "l"])
    assert got["Items"] == [{"l": {"N": "2"}, "y": {"N": "2"}}, {"l": {"N": "3"}, "y": {"N": "3"}}]


# KeyConditions against the key schema, in DynamoDB's order (dynalite's tests, recorded on DynamoDB).
@pytest.mark.parametrize("conditions, message", [
    ({"p": cond("LE", "k")}, "Query key condition not supported"),
    ({"p": cond("BEGINS_WITH", "k")}, "Query key condition not supported"),
    ({"p": cond("EQ", 1)}, INVALID + "Condition parameter type does not match schema type"),
    ({**P, "r": cond("EQ", "1")}, INVALID + "Condition parameter type does not match schema type"),
    ({**P, "r": cond("IN", 1)}, "Attempted conditional constraint is not an indexable operation"),
    ({**P, "r": cond("CONTAINS", 1)}, "Attempted conditional constraint is not an indexable operation"),
    ({**P, "r": cond("EQ", 1), "x": cond("EQ", 1)}, "Conditions can be of length 1 or 2 only"),
    ({}, "Conditions can be of length 1 or 2 only"),
    ({"p": cond("EQ", "k", "j")}, INVALID + "Invalid number of argument(s) for the EQ ComparisonOperator"),
    ({**P, "r": cond("BEGINS_WITH", 1)}, INVALID + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type"),
    ({**P, "r": cond("BETWEEN", 4, 2)},
     "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"),
])
def test_key_condition_errors(raw_client, reads, conditions, message):
    assert failure(raw_client.query, TableName=reads, KeyConditions=conditions) == validation(message)


@pytest.mark.oracle_deviation(LOCAL_MISSED_KEY)
@pytest.mark.parametrize("conditions, key", [
    ({"r": cond("EQ", 1)}, "p"), ({"x": cond("EQ", 1)}, "p"), ({**P, "x": cond("EQ", 1)}, "r"),
])
def test_key_condition_missing_a_key(raw_client, reads, conditions, key):
    assert failure(raw_client.query, TableName=reads, KeyConditions=conditions) == validation(
        f"Query condition missed key schema element: {key}")


@pytest.mark.oracle_deviation(LOCAL_KEY_OPERATORS)
@pytest.mark.parametrize("conditions", [{"p": cond("NULL")}, {**P, "r": cond("NOT_NULL")}, {**P, "r": cond("NE", 1)}])
def test_key_condition_unindexable_operators(raw_client, reads, conditions):
    assert failure(raw_client.query, TableName=reads, KeyConditions=conditions) == validation(
        "Attempted conditional constraint is not an indexable operation")


def test_key_conditions_on_a_hash_table_take_one_condition(raw_client, create_table):
    name = create_table()
    assert failure(raw_client.query, TableName=name, KeyConditions={**P, "x": cond("EQ", 1)}) == validation(
        "Query key condition not supported")


# --- QueryFilter -------------------------------------------------------------------------------------

def test_query_filter_with_conditional_operator(client, reads):
    query_filter = {"x": cond("GT", 30), "s": cond("EQ", "s1")}
    got = client.query(TableName=reads, KeyConditions=P, QueryFilter=query_filter, ConditionalOperator="OR")
    assert rs(got["Items"]) == [1, 4, 5]
    assert got["ScannedCount"] == 5
    got = client.query(TableName=reads, KeyConditions=P, QueryFilter=query_filter)
    assert got["Items"] == []


def test_query_filter_and_filter_expression_agree(client, reads):
    classic = client.query(TableName=reads, KeyConditions=P, Limit=3,
                           QueryFilter={"a.b": cond("BETWEEN", 2, 4), "y": cond("NE", 3)})
    expression = client.query(TableName=reads, KeyConditionExpression="p = :p", Limit=3,
                              FilterExpression="#ab BETWEEN :lo AND :hi AND y <> :y",
                              ExpressionAttributeNames={"#ab": "a.b"},
                              ExpressionAttributeValues={":p": wire("k"), ":lo": wire(2), ":hi": wire(4),
                                                         ":y": wire(3)})
    for member in ("Items", "Count", "ScannedCount", "LastEvaluatedKey"):
        assert classic[member] == expression[member], member


# A QueryFilter may not name a key of what the Query reads: the table's, or the index's
# (dynalite's tests, recorded on DynamoDB; DynamoDB Local agrees).
@pytest.mark.parametrize("index, conditions, query_filter, key", [
    (None, P, {"r": cond("GT", 2)}, "r"),
    (None, P, {"p": cond("EQ", "k")}, "p"),
    ("lincl", P, {"l": cond("GT", 2)}, "l"),
])
def test_query_filter_on_a_key_refused(raw_client, reads, index, conditions, query_filter, key):
    extra = {"IndexName": index} if index else {}
    assert failure(raw_client.query, TableName=reads, KeyConditions=conditions, QueryFilter=query_filter,
                   **extra) == validation(
        f"QueryFilter can only contain non-primary key attributes: Primary key attribute: {key}")


def test_query_filter_on_the_table_key_through_an_index(client, reads):
    got = client.query(TableName=reads, IndexName="lincl", KeyConditions=P, QueryFilter={"r": cond("GT", 3)})
    assert sorted(rs(got["Items"])) == [4, 5]


# --- KeyConditions and expressions (ExtendDB's tests, verified on DynamoDB) ---------------------------

# KeyConditions takes a FilterExpression and a ProjectionExpression beside it.
def test_key_conditions_with_expressions(client, reads):
    got = client.query(TableName=reads, KeyConditions=P, FilterExpression="x > :x", ProjectionExpression="r",
                       ExpressionAttributeValues={":x": wire(30)})
    assert got["Items"] == [{"r": {"N": "4"}}, {"r": {"N": "5"}}]


def test_classic_query_members_do_not_mix_with_expressions(raw_client, reads):
    assert failure(raw_client.query, TableName=reads, KeyConditions=P, QueryFilter={"x": cond("NULL")},
                   KeyConditionExpression="p = :p", ExpressionAttributeValues={":p": wire("k")}) == validation(
        "Can not use both expression and non-expression parameters in the same request: "
        "Non-expression parameters: {QueryFilter, KeyConditions} Expression parameters: {KeyConditionExpression}")
    assert failure(raw_client.query, TableName=reads, KeyConditions=P, AttributesToGet=["x"],
                   ProjectionExpression="x") == validation(
        "Can not use both expression and non-expression parameters in the same request: "
        "Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}")
    assert failure(raw_client.query, TableName=reads, KeyConditions=P, ConditionalOperator="OR") == validation(
        "ConditionalOperator cannot be used without Filter or Expected")
