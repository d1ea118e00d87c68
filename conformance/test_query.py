"""Query with a KeyConditionExpression: the sort-key operators, the sort order of numbers, strings
and binaries, ScanIndexForward, Limit, FilterExpression, ProjectionExpression, Select, paging
(Limit, the 1 MB page, ExclusiveStartKey, the paginator) and the validation errors of key
conditions."""

import random
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal

import pytest
from boto3.dynamodb.conditions import Attr, Key
from boto3.dynamodb.types import Binary, TypeSerializer

from conftest import all_pages, failure, unique_name, validation, make_clients

LOADERS = 8
BIG_COUNT = 2000
LARGE_COUNT = 25
LARGE_VALUE = "x" * (100 * 1024)
# Items of ~100 KB: a page holds at most 1 MB of them, roughly. It stops once 1 MB is read, so it
# has 10 items (just under 1 MB) or 11 (the one crossing 1 MB included, as DynamoDB does).
LARGE_PAGE = (10, 11)
NUMBERS = [Decimal("-1e10"), Decimal("-10"), Decimal("-2.5"), Decimal("0"), Decimal("0.001"),
           Decimal("2"), Decimal("10"), Decimal("100"), Decimal("1E+10")]
# UTF-8 byte order: 'Z' < 'a' < 'é' < '€' < U+FF71 < U+1D11E (UTF-16 order would put the last two
# the other way round).
STRINGS = ["A", "Z", "a", "ab", "abc", "b", "é", "€", "\uff71", "\U0001d11e"]
# Unsigned byte order: 0x7f < 0x80 < 0xff.
BINARIES = [b"\x00", b"\x01", b"\x01\x02", b"\x7f", b"\x80", b"\x80\x01", b"\xff"]
LOCAL_MISSING_TABLE = "DynamoDB Local says 'Cannot do operations on a non-existent table'"
LOCAL_MISSED_KEY = "DynamoDB Local leaves the key name off 'Query condition missed key schema element'"
LOCAL_LIMIT = "DynamoDB Local says 'Limit must be greater than or equal to 1'"
LOCAL_START_KEY = "DynamoDB Local words invalid ExclusiveStartKey errors its own way"
LOCAL_NESTED_KEY = ("DynamoDB Local says 'Key attributes must be scalars; ...'; AWS's text was "
                    "captured by other emulators' authors (ExtendDB PR #195, dynoxide)")
LOCAL_SELECT_PREFIX = ("DynamoDB Local leaves '1 validation error detected: ' off Query's Select "
                       "messages")
LOCAL_FILTERED_PAGE = "DynamoDB Local applies the 1 MB page limit after the filter, not before"


def load(endpoint, table, items):
    """PutItem of every (resource-form) item, in random order, from LOADERS threads."""
    clients = make_clients(endpoint, LOADERS)
    items = list(items)
    random.shuffle(items)
    serializer = TypeSerializer()
    wire = [{k: serializer.serialize(v) for k, v in item.items()} for item in items]

    def put(index):
        clients[index % LOADERS].put_item(TableName=table, Item=wire[index])

    with ThreadPoolExecutor(LOADERS) as pool:
        list(pool.map(put, range(len(wire))))


def new_table(client, range_type=None):
    name = unique_name("query")
    schema = [{"AttributeName": "p", "KeyType": "HASH"}]
    definitions = [{"AttributeName": "p", "AttributeType": "S"}]
    if range_type:
        schema.append({"AttributeName": "c", "KeyType": "RANGE"})
        definitions.append({"AttributeName": "c", "AttributeType": range_type})
    client.create_table(TableName=name, KeySchema=schema, AttributeDefinitions=definitions,
                        BillingMode="PAY_PER_REQUEST")
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    return name


@pytest.fixture(scope="module")
def tables(endpoint, client, raw_client):
    """Tables loaded once for the module (HASH p S, RANGE c of the type in the name):
    num: partition 'order' holds NUMBERS (a = position), 'big' holds c = 0..1999 (a = c % 3),
    'other' one item; str: partition 's' holds STRINGS; bin: partition 'b' holds BINARIES;
    large: partition 'L' holds 25 items of ~100 KB; hash: HASH p only, one item 'h'."""
    names = {"num": new_table(client, "N"), "str": new_table(client, "S"), "bin": new_table(client, "B"),
             "large": new_table(client, "N"), "hash": new_table(client)}
    load(endpoint, names["num"],
         [{"p": "order", "c": n, "a": i} for i, n in enumerate(NUMBERS)]
         + [{"p": "big", "c": i, "a": i % 3, "s": f"v{i}"} for i in range(BIG_COUNT)]
         + [{"p": "other", "c": 5, "a": 0}])
    load(endpoint, names["str"], [{"p": "s", "c": s} for s in STRINGS] + [{"p": "t", "c": "ab"}])
    load(endpoint, names["bin"], [{"p": "b", "c": b} for b in BINARIES] + [{"p": "t", "c": b"\x80"}])
    load(endpoint, names["large"], [{"p": "L", "c": i, "v": LARGE_VALUE} for i in range(LARGE_COUNT)])
    client.put_item(TableName=names["hash"], Item={"p": {"S": "h"}, "v": {"S": "x"}})
    yield names
    for name in names.values():
        raw_client.delete_table(TableName=name)


@pytest.fixture(scope="module")
def num(dynamodb, tables):
    return dynamodb.Table(tables["num"])


def sort_keys(response):
    return [item["c"] for item in response["Items"]]


def binary_keys(response):
    return [item["c"].value for item in response["Items"]]


def query_all(table, **params):
    """Every item of a query, following LastEvaluatedKey; also the list of pages."""
    return all_pages(table.query, **params)


# --- Key conditions and sort order ------------------------------------------------------------


# A condition on the partition key alone returns that partition's items, and only them.
def test_query_partition_only(num):
    got = num.query(KeyConditionExpression=Key("p").eq("other"))
    assert got["Items"] == [{"p": "other", "c": 5, "a": 0}]
    assert got["Count"] == 1 and got["ScannedCount"] == 1


# Numbers come back in numeric order (-10 < 2 < 10), not in the order of their text.
def test_query_numbers_sorted_numerically(num):
    assert sort_keys(num.query(KeyConditionExpression=Key("p").eq("order"))) == NUMBERS


# Every sort-key comparison on a number key selects the right items, in order.
@pytest.mark.parametrize("condition, expected", [
    (Key("c").eq(Decimal("2")), [n for n in NUMBERS if n == 2]),
    (Key("c").lt(Decimal("2")), [n for n in NUMBERS if n < 2]),
    (Key("c").lte(Decimal("2")), [n for n in NUMBERS if n <= 2]),
    (Key("c").gt(Decimal("-2.5")), [n for n in NUMBERS if n > Decimal("-2.5")]),
    (Key("c").gte(Decimal("-2.5")), [n for n in NUMBERS if n >= Decimal("-2.5")]),
    (Key("c").between(Decimal("-10"), Decimal("10")), [n for n in NUMBERS if -10 <= n <= 10]),
    (Key("c").eq(Decimal("3")), []),
], ids=["eq", "lt", "le", "gt", "ge", "between", "eq-none"])
def test_query_number_sort_key_operators(num, condition, expected):
    assert sort_keys(num.query(KeyConditionExpression=Key("p").eq("order") & condition)) == expected


# A number in the condition matches by value, whatever its spelling (1e1 is 10).
def test_query_number_condition_by_value(client, tables):
    got = client.query(TableName=tables["num"], KeyConditionExpression="p = :p AND c = :c",
                       ExpressionAttributeValues={":p": {"S": "order"}, ":c": {"N": "1e1"}})
    assert [item["c"] for item in got["Items"]] == [{"N": "10"}]


# Strings are ordered by the unsigned bytes of their UTF-8 encoding.
def test_query_strings_sorted_by_utf8_bytes(dynamodb, tables):
    table = dynamodb.Table(tables["str"])
    assert sort_keys(table.query(KeyConditionExpression=Key("p").eq("s"))) == STRINGS
    assert STRINGS == sorted(STRINGS, key=lambda s: s.encode())


# Every sort-key comparison on a string key, including begins_with, selects by byte order.
@pytest.mark.parametrize("condition, expected", [
    (Key("c").eq("ab"), ["ab"]),
    (Key("c").lt("a"), ["A", "Z"]),
    (Key("c").lte("a"), ["A", "Z", "a"]),
    (Key("c").gt("b"), ["é", "€", "\uff71", "\U0001d11e"]),
    (Key("c").gte("é"), ["é", "€", "\uff71", "\U0001d11e"]),
    (Key("c").between("Z", "ab"), ["Z", "a", "ab"]),
    (Key("c").begins_with("ab"), ["ab", "abc"]),
    (Key("c").begins_with("a"), ["a", "ab", "abc"]),
    (Key("c").begins_with("é"), ["é"]),
    (Key("c").begins_with("abcd"), []),
], ids=["eq", "lt", "le", "gt", "ge", "between", "begins-ab", "begins-a", "begins-e-acute", "begins-none"])
def test_query_string_sort_key_operators(dynamodb, tables, condition, expected):
    table = dynamodb.Table(tables["str"])
    assert sort_keys(table.query(KeyConditionExpression=Key("p").eq("s") & condition)) == expected


# Binaries are ordered by unsigned bytes (0x7f < 0x80 < 0xff).
def test_query_binaries_sorted_unsigned(dynamodb, tables):
    table = dynamodb.Table(tables["bin"])
    assert binary_keys(table.query(KeyConditionExpression=Key("p").eq("b"))) == BINARIES


# Every sort-key comparison on a binary key, including begins_with, selects by unsigned bytes.
@pytest.mark.parametrize("condition, expected", [
    (Key("c").eq(Binary(b"\x80")), [b"\x80"]),
    (Key("c").lt(Binary(b"\x80")), [b"\x00", b"\x01", b"\x01\x02", b"\x7f"]),
    (Key("c").lte(Binary(b"\x7f")), [b"\x00", b"\x01", b"\x01\x02", b"\x7f"]),
    (Key("c").gt(Binary(b"\x7f")), [b"\x80", b"\x80\x01", b"\xff"]),
    (Key("c").gte(Binary(b"\x80\x01")), [b"\x80\x01", b"\xff"]),
    (Key("c").between(Binary(b"\x01"), Binary(b"\x80")), [b"\x01", b"\x01\x02", b"\x7f", b"\x80"]),
    (Key("c").begins_with(Binary(b"\x80")), [b"\x80", b"\x80\x01"]),
    (Key("c").begins_with(Binary(b"\x01")), [b"\x01", b"\x01\x02"]),
], ids=["eq", "lt", "le", "gt", "ge", "between", "begins-80", "begins-01"])
def test_query_binary_sort_key_operators(dynamodb, tables, condition, expected):
    table = dynamodb.Table(tables["bin"])
    assert binary_keys(table.query(KeyConditionExpression=Key("p").eq("b") & condition)) == expected


# The key condition may be written with the value first, in parentheses, with names, in any
# case of AND/BETWEEN, sort-key condition first; a value on the left flips the comparison.
@pytest.mark.parametrize("expression, names, expected", [
    (":p = p AND :c < c", None, [Decimal("10"), Decimal("100"), Decimal("1E+10")]),
    ("(p = :p) AND (c > :c)", None, [Decimal("10"), Decimal("100"), Decimal("1E+10")]),
    ("c >= :c AND p = :p", None, [Decimal("2"), Decimal("10"), Decimal("100"), Decimal("1E+10")]),
    ("#k = :p aNd #s BeTwEeN :c AnD :d", {"#k": "p", "#s": "c"}, [Decimal("2"), Decimal("10")]),
], ids=["value-first", "parentheses", "sort-first", "names-and-case"])
def test_query_key_condition_spellings(client, tables, expression, names, expected):
    values = {":p": {"S": "order"}, ":c": {"N": "2"}}
    if "BeTwEeN" in expression:
        values[":d"] = {"N": "10"}
    params = {"ExpressionAttributeNames": names} if names else {}
    got = client.query(TableName=tables["num"], KeyConditionExpression=expression,
                       ExpressionAttributeValues=values, **params)
    assert [Decimal(item["c"]["N"]) for item in got["Items"]] == expected


# A table with a partition key only can be queried by that key.
def test_query_hash_only_table(dynamodb, tables):
    got = dynamodb.Table(tables["hash"]).query(KeyConditionExpression=Key("p").eq("h"))
    assert got["Items"] == [{"p": "h", "v": "x"}]
    assert dynamodb.Table(tables["hash"]).query(KeyConditionExpression=Key("p").eq("none"))["Items"] == []


# ScanIndexForward=False returns the items in descending sort-key order.
def test_query_scan_index_forward_false(num):
    got = num.query(KeyConditionExpression=Key("p").eq("order"), ScanIndexForward=False)
    assert sort_keys(got) == list(reversed(NUMBERS))


# ConsistentRead=True is accepted on a table and returns the same items.
def test_query_consistent_read(num):
    got = num.query(KeyConditionExpression=Key("p").eq("order"), ConsistentRead=True)
    assert sort_keys(got) == NUMBERS


# --- Limit, Count and ScannedCount ------------------------------------------------------------


# Limit returns the first items in sort order and a LastEvaluatedKey of the last one returned.
def test_query_limit_first_items(num):
    got = num.query(KeyConditionExpression=Key("p").eq("big"), Limit=5)
    assert sort_keys(got) == [0, 1, 2, 3, 4]
    assert got["Count"] == 5 and got["ScannedCount"] == 5
    assert got["LastEvaluatedKey"] == {"p": "big", "c": 4}


# With ScanIndexForward=False, Limit returns the last items, highest first.
def test_query_limit_reversed(num):
    got = num.query(KeyConditionExpression=Key("p").eq("big"), Limit=3, ScanIndexForward=False)
    assert sort_keys(got) == [1999, 1998, 1997]
    assert got["LastEvaluatedKey"] == {"p": "big", "c": 1997}


# A query that ends before Limit is reached has no LastEvaluatedKey.
def test_query_no_last_evaluated_key_when_done(num):
    got = num.query(KeyConditionExpression=Key("p").eq("order"), Limit=100)
    assert got["Count"] == len(NUMBERS)
    assert "LastEvaluatedKey" not in got


# A query that reaches its Limit has a LastEvaluatedKey even when nothing follows; the next
# page is then empty and ends the query.
def test_query_limit_reached_exactly(num):
    got = num.query(KeyConditionExpression=Key("p").eq("order"), Limit=len(NUMBERS))
    assert got["Count"] == len(NUMBERS)
    assert got["LastEvaluatedKey"] == {"p": "order", "c": NUMBERS[-1]}
    rest = num.query(KeyConditionExpression=Key("p").eq("order"), Limit=len(NUMBERS),
                     ExclusiveStartKey=got["LastEvaluatedKey"])
    assert rest["Count"] == 0
    assert "LastEvaluatedKey" not in rest


# Limit counts the items read before the filter: ScannedCount is the Limit, Count what matched.
def test_query_limit_counts_before_filter(num):
    got = num.query(KeyConditionExpression=Key("p").eq("big"), FilterExpression=Attr("a").eq(0), Limit=10)
    assert sort_keys(got) == [0, 3, 6, 9]
    assert got["Count"] == 4 and got["ScannedCount"] == 10
    assert got["LastEvaluatedKey"] == {"p": "big", "c": 9}


# A filter that rejects every item read still returns the LastEvaluatedKey of the last one read.
def test_query_limit_filter_matches_nothing(num):
    got = num.query(KeyConditionExpression=Key("p").eq("big"), FilterExpression=Attr("a").eq(7), Limit=4)
    assert got["Items"] == []
    assert got["Count"] == 0 and got["ScannedCount"] == 4
    assert got["LastEvaluatedKey"] == {"p": "big", "c": 3}


# --- FilterExpression, ProjectionExpression, Select -------------------------------------------


# FilterExpression drops non-matching items after the key condition: Count < ScannedCount.
def test_query_filter_expression(num):
    got = num.query(KeyConditionExpression=Key("p").eq("big") & Key("c").lt(30),
                    FilterExpression=Attr("a").eq(1) & Attr("s").begins_with("v2"))
    assert sort_keys(got) == [22, 25, 28]
    assert got["Count"] == 3 and got["ScannedCount"] == 30


# A filter on an attribute the items lack matches nothing but still counts the items read.
def test_query_filter_on_missing_attribute(num):
    got = num.query(KeyConditionExpression=Key("p").eq("order"), FilterExpression=Attr("zz").exists())
    assert got["Items"] == [] and got["Count"] == 0 and got["ScannedCount"] == len(NUMBERS)


# ProjectionExpression returns only the named attributes (keys only if named).
def test_query_projection_expression(num):
    got = num.query(KeyConditionExpression=Key("p").eq("big") & Key("c").lt(3), ProjectionExpression="s, #a",
                    ExpressionAttributeNames={"#a": "a"})
    assert got["Items"] == [{"s": "v0", "a": 0}, {"s": "v1", "a": 1}, {"s": "v2", "a": 2}]


# Items lacking every projected attribute come back as empty items, not dropped.
def test_query_projection_of_missing_attribute(num):
    got = num.query(KeyConditionExpression=Key("p").eq("order") & Key("c").lt(0), ProjectionExpression="zz")
    assert got["Items"] == [{}, {}, {}]


# Select=COUNT returns Count and ScannedCount and no Items.
def test_query_select_count(num):
    got = num.query(KeyConditionExpression=Key("p").eq("big"), Select="COUNT")
    assert "Items" not in got
    assert got["Count"] == BIG_COUNT and got["ScannedCount"] == BIG_COUNT


# Select=COUNT with a filter counts the matching items and the items read.
def test_query_select_count_with_filter(num):
    got = num.query(KeyConditionExpression=Key("p").eq("big"), Select="COUNT", FilterExpression=Attr("a").eq(0))
    assert "Items" not in got
    assert got["Count"] == 667 and got["ScannedCount"] == BIG_COUNT


# Select=SPECIFIC_ATTRIBUTES with a ProjectionExpression is the same as the projection alone.
def test_query_select_specific_attributes(num):
    got = num.query(KeyConditionExpression=Key("p").eq("order") & Key("c").eq(2),
                    Select="SPECIFIC_ATTRIBUTES", ProjectionExpression="a")
    assert got["Items"] == [{"a": 5}]


# --- Paging -----------------------------------------------------------------------------------


# The paginator with PageSize 7 returns every item of a 2,000-item partition exactly once, in order.
def test_query_paginator_page_size(client, tables):
    pages = list(client.get_paginator("query").paginate(
        TableName=tables["num"], KeyConditionExpression="p = :p", ExpressionAttributeValues={":p": {"S": "big"}},
        PaginationConfig={"PageSize": 7}))
    keys = [int(item["c"]["N"]) for page in pages for item in page["Items"]]
    assert keys == list(range(BIG_COUNT))
    assert all(len(page["Items"]) <= 7 for page in pages)
    assert len(pages) >= BIG_COUNT // 7


# Paging backwards with Limit returns every item exactly once, in descending order.
def test_query_paging_reversed(num):
    items, pages = query_all(num, KeyConditionExpression=Key("p").eq("big"), ScanIndexForward=False, Limit=150)
    assert [item["c"] for item in items] == list(reversed(range(BIG_COUNT)))
    assert all(page["Count"] <= 150 for page in pages)


# Paging with a filter: every matching item once, though some pages may be empty.
def test_query_paging_with_filter(num):
    items, _ = query_all(num, KeyConditionExpression=Key("p").eq("big") & Key("c").lt(100),
                         FilterExpression=Attr("a").eq(2), Limit=9)
    assert [item["c"] for item in items] == list(range(2, 100, 3))


# ExclusiveStartKey continues after the given key, which need not be an existing item's.
@pytest.mark.parametrize("start, forward, expected", [
    (Decimal("1000"), True, [1001, 1002, 1003]),
    (Decimal("1000.5"), True, [1001, 1002, 1003]),
    (Decimal("1000"), False, [999, 998, 997]),
], ids=["forward", "between-items", "backward"])
def test_query_exclusive_start_key(num, start, forward, expected):
    got = num.query(KeyConditionExpression=Key("p").eq("big"), ExclusiveStartKey={"p": "big", "c": start},
                    ScanIndexForward=forward, Limit=3)
    assert sort_keys(got) == expected


# ExclusiveStartKey past the last item returns an empty page without LastEvaluatedKey.
def test_query_exclusive_start_key_at_end(num):
    got = num.query(KeyConditionExpression=Key("p").eq("big"), ExclusiveStartKey={"p": "big", "c": 1999})
    assert got["Items"] == [] and got["Count"] == 0
    assert "LastEvaluatedKey" not in got


# A page stops at 1 MB of items with a LastEvaluatedKey; the pages hold every item once, in order.
def test_query_one_megabyte_pages(dynamodb, tables):
    table = dynamodb.Table(tables["large"])
    items, pages = query_all(table, KeyConditionExpression=Key("p").eq("L"))
    assert [item["c"] for item in items] == list(range(LARGE_COUNT))
    assert len(pages) == 3
    for page in pages[:-1]:
        assert LARGE_PAGE[0] <= page["Count"] <= LARGE_PAGE[1]
        assert page["LastEvaluatedKey"] == {"p": "L", "c": page["Items"][-1]["c"]}
    assert "LastEvaluatedKey" not in pages[-1]


# The 1 MB limit counts the items read, also when only their count is returned.
def test_query_one_megabyte_select_count(dynamodb, tables):
    got = dynamodb.Table(tables["large"]).query(KeyConditionExpression=Key("p").eq("L"), Select="COUNT")
    assert LARGE_PAGE[0] <= got["Count"] <= LARGE_PAGE[1]
    assert got["LastEvaluatedKey"] == {"p": "L", "c": got["Count"] - 1}


# The 1 MB limit counts the items read, also when a projection returns only their keys.
def test_query_one_megabyte_projection(dynamodb, tables):
    got = dynamodb.Table(tables["large"]).query(KeyConditionExpression=Key("p").eq("L"), ProjectionExpression="c")
    assert LARGE_PAGE[0] <= got["Count"] <= LARGE_PAGE[1]
    assert got["Items"] == [{"c": i} for i in range(got["Count"])]
    assert "LastEvaluatedKey" in got


# The 1 MB limit applies before the filter: a filter matching nothing still stops at 1 MB read.
@pytest.mark.oracle_deviation(LOCAL_FILTERED_PAGE)
def test_query_one_megabyte_before_filter(dynamodb, tables):
    got = dynamodb.Table(tables["large"]).query(KeyConditionExpression=Key("p").eq("L"),
                                                FilterExpression=Attr("v").eq("no"))
    assert got["Count"] == 0
    assert LARGE_PAGE[0] <= got["ScannedCount"] <= LARGE_PAGE[1]
    assert "LastEvaluatedKey" in got


# --- Errors -----------------------------------------------------------------------------------


def key_error(raw_client, table, expression, values, **params):
    return failure(raw_client.query, TableName=table, KeyConditionExpression=expression,
                   ExpressionAttributeValues=values, **params)


P = {":p": {"S": "big"}}


# A condition on a non-key attribute instead of the sort key is rejected, naming the sort key.
@pytest.mark.oracle_deviation(LOCAL_MISSED_KEY)
def test_query_condition_on_non_key_rejected(raw_client, tables):
    assert key_error(raw_client, tables["num"], "p = :p AND x = :x", {**P, ":x": {"N": "1"}}) == validation(
        "Query condition missed key schema element: c")


# A key condition without the partition key is rejected, naming the partition key.
@pytest.mark.oracle_deviation(LOCAL_MISSED_KEY)
def test_query_missing_partition_key_condition_rejected(raw_client, tables):
    assert key_error(raw_client, tables["num"], "c = :x", {":x": {"N": "1"}}) == validation(
        "Query condition missed key schema element: p")


# OR, NOT, <>, IN and functions other than begins_with are not allowed in a key condition.
@pytest.mark.parametrize("expression, operator", [
    ("p = :p OR c = :x", "OR"),
    ("NOT p = :p", "NOT"),
    ("p = :p AND c <> :x", "<>"),
    ("p = :p AND c IN (:x)", "IN"),
    ("p = :p AND attribute_exists(c)", "attribute_exists"),
])
def test_query_invalid_operator_rejected(raw_client, tables, expression, operator):
    values = {**P, ":x": {"N": "1"}} if ":x" in expression else P
    assert key_error(raw_client, tables["num"], expression, values) == validation(
        f"Invalid operator used in KeyConditionExpression: {operator}")


# Two conditions on one key (even the partition key, even identical ones) are rejected.
@pytest.mark.parametrize("expression", ["p = :p AND c > :x AND c < :y", "p = :p AND p = :p"])
def test_query_two_conditions_on_one_key_rejected(raw_client, tables, expression):
    values = {**P, ":x": {"N": "1"}, ":y": {"N": "5"}} if ":x" in expression else P
    assert key_error(raw_client, tables["num"], expression, values) == validation(
        "KeyConditionExpressions must only contain one condition per key")


# The partition key takes only equality.
def test_query_range_condition_on_partition_key_rejected(raw_client, tables):
    assert key_error(raw_client, tables["num"], "p > :p", P) == validation("Query key condition not supported")


# A sort-key condition on a table without a sort key is rejected.
def test_query_sort_condition_on_hash_only_table_rejected(raw_client, tables):
    assert key_error(raw_client, tables["hash"], "p = :p AND c = :x", {":p": {"S": "h"}, ":x": {"N": "1"}}) == (
        validation("Query key condition not supported"))


# begins_with is not defined on a number operand.
def test_query_begins_with_number_rejected(raw_client, tables):
    assert key_error(raw_client, tables["num"], "p = :p AND begins_with(c, :x)", {**P, ":x": {"N": "1"}}) == (
        validation("Invalid KeyConditionExpression: Incorrect operand type for operator or function; "
                   "operator or function: begins_with, operand type: N"))


# begins_with on a number key with a string operand is a type mismatch with the schema.
def test_query_begins_with_on_number_key_rejected(raw_client, tables):
    assert key_error(raw_client, tables["num"], "p = :p AND begins_with(c, :x)", {**P, ":x": {"S": "1"}}) == (
        validation("One or more parameter values were invalid: Condition parameter type does not match schema type"))


# A value of another type than the key's is rejected, for the sort key and the partition key.
@pytest.mark.parametrize("expression, values", [
    ("p = :p AND c = :x", {**P, ":x": {"S": "1"}}),
    ("p = :p AND c BETWEEN :x AND :y", {**P, ":x": {"S": "1"}, ":y": {"S": "5"}}),
    ("p = :p", {":p": {"N": "1"}}),
], ids=["sort", "between", "partition"])
def test_query_wrong_value_type_rejected(raw_client, tables, expression, values):
    assert key_error(raw_client, tables["num"], expression, values) == validation(
        "One or more parameter values were invalid: Condition parameter type does not match schema type")


# BETWEEN with the bounds reversed is rejected.
def test_query_between_reversed_bounds_rejected(raw_client, tables):
    values = {**P, ":x": {"N": "5"}, ":y": {"N": "1"}}
    assert key_error(raw_client, tables["num"], "p = :p AND c BETWEEN :x AND :y", values) == validation(
        "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to "
        "lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}")


# BETWEEN with bounds of two different types is rejected.
def test_query_between_mixed_types_rejected(raw_client, tables):
    values = {**P, ":x": {"N": "1"}, ":y": {"S": "5"}}
    assert key_error(raw_client, tables["num"], "p = :p AND c BETWEEN :x AND :y", values) == validation(
        "Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper "
        "bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:5}")


# A key attribute in the condition must be a top-level name, not a document path.
@pytest.mark.oracle_deviation(LOCAL_NESTED_KEY)
def test_query_nested_key_path_rejected(raw_client, tables):
    assert key_error(raw_client, tables["num"], "p.x = :p", P) == validation(
        "Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on "
        "nested attributes")


# Query needs KeyConditionExpression (or the classic KeyConditions).
def test_query_missing_key_condition_rejected(raw_client, tables):
    assert failure(raw_client.query, TableName=tables["num"]) == validation(
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.")


# A FilterExpression may not use key attributes.
@pytest.mark.parametrize("key", ["p", "c"])
def test_query_filter_on_key_rejected(raw_client, tables, key):
    assert key_error(raw_client, tables["num"], "p = :p", {**P, ":x": {"S": "big"}},
                     FilterExpression=f"{key} = :x") == validation(
        f"Filter Expression can only contain non-primary key attributes: Primary key attribute: {key}")


# A bad expression value: Query answers the value's text bare, without the "ExpressionAttributeValues
# contains invalid value" wrapper Scan keeps (paritysuite/dynamodb-conformance
# tests/tier3/error-messages/valueLayers.test.ts, four regions, 2026-10-09).
@pytest.mark.oracle_deviation("DynamoDB Local wraps the value's text")
def test_query_invalid_value_rejected_bare(raw_client, tables):
    assert key_error(raw_client, tables["num"], "p = :p", {":p": {"SS": []}}) == validation(
        "One or more parameter values were invalid: An string set  may not be empty")


# Limit must be at least 1; Query words it without the value, in PascalCase
# (nubo-db/dynamodb-conformance tests/tier3/error-messages/query.test.ts, 2026).
@pytest.mark.oracle_deviation(LOCAL_LIMIT)
@pytest.mark.parametrize("limit", [0, -1])
def test_query_limit_below_one_rejected(raw_client, tables, limit):
    assert key_error(raw_client, tables["num"], "p = :p", P, Limit=limit) == validation(
        "1 validation error detected: Value at 'Limit' failed to satisfy constraint: "
        "Member must have value greater than or equal to 1")


# Select=COUNT cannot be combined with a ProjectionExpression; Query's message carries the envelope
# of a constraint violation, Scan's does not (moto's and ExtendDB's tests, verified on DynamoDB).
@pytest.mark.oracle_deviation(LOCAL_SELECT_PREFIX)
def test_query_select_count_with_projection_rejected(raw_client, tables):
    assert key_error(raw_client, tables["num"], "p = :p", P, Select="COUNT", ProjectionExpression="a") == (
        validation("1 validation error detected: Cannot specify the ProjectionExpression when choosing "
                   "to get only the Count"))


# An ExclusiveStartKey lacking a key attribute is rejected.
@pytest.mark.oracle_deviation(LOCAL_START_KEY)
@pytest.mark.parametrize("start", [{"p": {"S": "big"}}, {"c": {"N": "1"}}], ids=["no-sort", "no-partition"])
def test_query_exclusive_start_key_incomplete_rejected(raw_client, tables, start):
    assert key_error(raw_client, tables["num"], "p = :p", P, ExclusiveStartKey=start) == validation(
        "The provided starting key is invalid")


# An ExclusiveStartKey whose sort key has the wrong type is rejected.
@pytest.mark.oracle_deviation(LOCAL_START_KEY)
def test_query_exclusive_start_key_wrong_type_rejected(raw_client, tables):
    start = {"p": {"S": "big"}, "c": {"S": "1"}}
    assert key_error(raw_client, tables["num"], "p = :p", P, ExclusiveStartKey=start) == validation(
        "The provided key element does not match the schema")


# An ExclusiveStartKey in another partition than the condition's is rejected.
@pytest.mark.oracle_deviation(LOCAL_START_KEY)
def test_query_exclusive_start_key_other_partition_rejected(raw_client, tables):
    start = {"p": {"S": "other"}, "c": {"N": "1"}}
    assert key_error(raw_client, tables["num"], "p = :p", P, ExclusiveStartKey=start) == validation(
        "The provided starting key is outside query boundaries based on provided conditions")


# Query on a missing table fails with ResourceNotFoundException.
@pytest.mark.oracle_deviation(LOCAL_MISSING_TABLE)
def test_query_missing_table_rejected(raw_client):
    assert key_error(raw_client, unique_name(), "p = :p", P) == (
        "ResourceNotFoundException", "Requested resource not found", 400)
