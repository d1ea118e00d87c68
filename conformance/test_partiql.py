"""ExecuteStatement: PartiQL's SELECT (Query when the WHERE fixes the partition key, else Scan;
projections, nested paths, the index form, ORDER BY, Limit and NextToken), INSERT, UPDATE (SET
with arithmetic, list_append, set_add, set_delete; REMOVE; RETURNING), DELETE, parameters, and
DynamoDB's errors. Behaviour from the Developer Guide's PartiQL pages; messages as recorded in
/work/notes/partiql.md (DynamoDB Local 1.25.1 and answers recorded from AWS)."""

import json

import pytest

from conftest import failure, unique_name, validation
from test_protocol import post

LOCAL_SYNTAX = "DynamoDB Local puts the statement after 'can't be processed:', AWS a detail"
LOCAL_NEXT_TOKEN = "DynamoDB Local answers an empty page for another statement's NextToken"
LOCAL_ORDER_BY = ("DynamoDB Local orders by the sort key across several partition keys; AWS "
                  "refuses it")
LOCAL_ORDER_BY_PARTITION = "DynamoDB Local keeps the IN list's order under ORDER BY the partition key"
LOCAL_DUPLICATE_ITEM = ("DynamoDB Local names the error DuplicateItem; the API model and the "
                        "Developer Guide name it DuplicateItemException")
LOCAL_CAPACITY = "DynamoDB Local does not validate ReturnConsumedCapacity on ExecuteStatement"
LOCAL_DESCENDING_LIMIT = "DynamoDB Local fails with InternalFailure on ORDER BY DESC with a Limit"
LOCAL_OVERLAP = "DynamoDB Local returns the union of overlapping sort key ranges"
LOCAL_NUMBER_PATH = "DynamoDB Local leaves ' under root' off its number messages"
LOCAL_PARAMETERS = "DynamoDB Local accepts an empty Parameters list"
LOCAL_MISSING_TABLE = "DynamoDB Local says 'Cannot do operations on a non-existent table'"

MALFORMED = "Statement wasn't well formed, can't be processed: "
INCOMPLETE_KEY = "Where clause does not contain a mandatory equality on all key attributes"


def run(client, statement, **params):
    """The Items of ExecuteStatement (one page)."""
    return client.execute_statement(Statement=statement, **params)["Items"]


def all_pages(client, statement, **params):
    """Every item of a SELECT, following NextToken; also the pages."""
    items, pages = [], []
    while True:
        page = client.execute_statement(Statement=statement, **params)
        pages.append(page)
        items += page["Items"]
        if "NextToken" not in page:
            return items, pages
        params["NextToken"] = page["NextToken"]


def sets_sorted(item):
    """The item with its sets' members in order: DynamoDB returns a set's members in any order."""
    return {name: {kind: sorted(v) if kind in ("SS", "NS", "BS") else v for kind, v in value.items()}
            for name, value in item.items()}


def keys_of(items, key="p"):
    return sorted(next(iter(item[key].values())) for item in items)


@pytest.fixture
def music(client, create_table):
    """A table with Artist (S) and SongTitle (S) keys, as in the Developer Guide."""
    table = create_table(hash=("Artist", "S"), range=("SongTitle", "S"))
    return table


@pytest.fixture
def numbered(client, create_table):
    """Partition key p (S), sort key s (N): partitions k0..k3 with s 0..4, v = 10 * i + s."""
    table = create_table(hash=("p", "S"), range=("s", "N"))
    for i in range(4):
        for s in range(5):
            client.put_item(TableName=table, Item={"p": {"S": f"k{i}"}, "s": {"N": str(s)},
                                                   "v": {"N": str(10 * i + s)}})
    return table


# ---- SELECT ----


# The Developer Guide's first example: equality on the partition key reads one partition.
def test_select_by_partition_key(client, music):
    client.put_item(TableName=music, Item={"Artist": {"S": "Acme Band"},
                                           "SongTitle": {"S": "PartiQL Rocks"}, "Year": {"N": "2021"}})
    client.put_item(TableName=music, Item={"Artist": {"S": "Other"}, "SongTitle": {"S": "x"}})
    items = run(client, f"SELECT * FROM \"{music}\" WHERE Artist = 'Acme Band'")
    assert items == [{"Artist": {"S": "Acme Band"}, "SongTitle": {"S": "PartiQL Rocks"},
                      "Year": {"N": "2021"}}]
    assert run(client, f"SELECT * FROM {music} WHERE Artist = 'Nobody'") == []


# INSERT writes every DynamoDB type PartiQL can spell; SELECT reads it back as written.
def test_insert_and_select_every_literal_type(client, create_table):
    table = create_table()
    run(client, f"INSERT INTO \"{table}\" VALUE {{'p': 'a', 'n': -1.50, 'e': 1e2, 'b': TRUE, "
                f"'f': false, 'z': NULL, 's': 'it''s', 'l': [1, 'two', [3]], "
                f"'m': {{'k': 'v', 'inner': {{'d': 5}}}}, 'ss': <<'y', 'x'>>, 'ns': <<3, 1>>}}")
    item = run(client, f"SELECT * FROM \"{table}\" WHERE p = 'a'")[0]
    assert sets_sorted(item) == {
        "p": {"S": "a"}, "n": {"N": "-1.5"}, "e": {"N": "100"}, "b": {"BOOL": True},
        "f": {"BOOL": False}, "z": {"NULL": True}, "s": {"S": "it's"},
        "l": {"L": [{"N": "1"}, {"S": "two"}, {"L": [{"N": "3"}]}]},
        "m": {"M": {"k": {"S": "v"}, "inner": {"M": {"d": {"N": "5"}}}}},
        "ss": {"SS": ["x", "y"]}, "ns": {"NS": ["1", "3"]},
    }


# "If the DynamoDB table already has an item with the same primary key ... DuplicateItemException"
# (Developer Guide, PartiQL insert statements); the item stays as it was.
@pytest.mark.oracle_deviation(LOCAL_DUPLICATE_ITEM)
def test_insert_of_an_existing_key_is_duplicate_item(client, create_table):
    table = create_table()
    run(client, f"INSERT INTO \"{table}\" VALUE {{'p': 'a', 'v': 1}}")
    assert failure(client.execute_statement,
                   Statement=f"INSERT INTO \"{table}\" VALUE {{'p': 'a', 'v': 2}}") == (
        "DuplicateItemException", "Duplicate primary key exists in table", 400)
    assert client.get_item(TableName=table, Key={"p": {"S": "a"}})["Item"]["v"] == {"N": "1"}


# A SELECT list returns each path's value under its last name ("k" for m.k, "l[1]" for l[1]);
# attributes an item lacks are left out.
def test_select_list_of_nested_paths(client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item={
        "p": {"S": "a"}, "x": {"N": "1"}, "m": {"M": {"k": {"S": "v"}, "n": {"M": {"d": {"N": "5"}}}}},
        "l": {"L": [{"N": "1"}, {"S": "two"}]}})
    items = run(client, f"SELECT x, m.n.d, l[1], \"m\".\"k\", absent FROM \"{table}\" WHERE p = 'a'")
    assert items == [{"x": {"N": "1"}, "d": {"N": "5"}, "l[1]": {"S": "two"}, "k": {"S": "v"}}]


WHERE_CASES = [
    ("p = 'a'", ["a"]),
    ("'a' = p OR p = 'c'", ["a", "c"]),
    ("p IN ['a', 'b']", ["a", "b"]),
    ("p IN ('a', 'zz')", ["a"]),
    ("x <> 1", ["b", "c"]),
    ("x > 1 AND x <= 3", ["b", "c"]),
    ("x BETWEEN 2 AND 3", ["b", "c"]),
    ("x IN [1, 3]", ["a", "c"]),
    ("y IS MISSING", ["b", "c"]),
    ("y IS NOT MISSING", ["a"]),
    ("z IS NULL", ["b"]),
    ("z IS NOT NULL", ["a", "c"]),
    ("l IS LIST AND m IS TUPLE AND b IS BOOLEAN", ["a"]),
    ("begins_with(t, 'ab')", ["a", "b"]),
    ("NOT begins_with(t, 'ab')", ["c"]),
    ("contains(t, 'c')", ["b", "c"]),
    ("contains(ss, 'q')", ["a"]),
    ("attribute_type(x, 'N') AND size(t) = 3", ["b", "c"]),
    ("attribute_exists(y)", ["a"]),
    ("m.k = 'v' AND l[0] = 1", ["a"]),
    ("NOT (x = 1 OR x = 2)", ["c"]),
]


# The WHERE clause's operators and functions (Developer Guide: PartiQL operators and functions).
@pytest.mark.parametrize("where,expected", WHERE_CASES, ids=[c[0] for c in WHERE_CASES])
def test_where_operators_and_functions(client, create_table, where, expected):
    table = create_table()
    client.put_item(TableName=table, Item={
        "p": {"S": "a"}, "x": {"N": "1"}, "y": {"S": "here"}, "t": {"S": "ab"}, "z": {"S": "not null"},
        "l": {"L": [{"N": "1"}]}, "m": {"M": {"k": {"S": "v"}}}, "b": {"BOOL": True},
        "ss": {"SS": ["q", "r"]}})
    client.put_item(TableName=table, Item={"p": {"S": "b"}, "x": {"N": "2"}, "t": {"S": "abc"},
                                           "z": {"NULL": True}})
    client.put_item(TableName=table, Item={"p": {"S": "c"}, "x": {"N": "3"}, "t": {"S": "xyc"}})
    assert keys_of(run(client, f"SELECT * FROM \"{table}\" WHERE {where}")) == expected


# A SELECT whose WHERE fixes the partition key reads it in sort key order (a Query); ORDER BY the
# sort key DESC reverses it; the rest of the WHERE filters.
def test_select_one_partition_in_sort_key_order(client, numbered):
    items = run(client, f"SELECT s FROM \"{numbered}\" WHERE p = 'k2' AND s >= 1 AND v <> 23")
    assert items == [{"s": {"N": "1"}}, {"s": {"N": "2"}}, {"s": {"N": "4"}}]
    items = run(client, f"SELECT * FROM \"{numbered}\" WHERE p = 'k2' AND s < 3 ORDER BY s DESC")
    assert [item["s"] for item in items] == [{"N": "2"}, {"N": "1"}, {"N": "0"}]


# IN on the partition key reads each partition; ORDER BY the partition key orders them.
@pytest.mark.oracle_deviation(LOCAL_ORDER_BY_PARTITION)
def test_order_by_the_partition_key_over_several_partitions(client, numbered):
    items = run(client, f"SELECT p, s FROM \"{numbered}\" WHERE p IN ['k1', 'k3'] AND s < 2 "
                        "ORDER BY p DESC")
    assert [(i["p"]["S"], i["s"]["N"]) for i in items] == [
        ("k3", "0"), ("k3", "1"), ("k1", "0"), ("k1", "1")]


# Limit counts the items read; NextToken continues exactly where the page stopped, for a Query,
# for several partitions and for a Scan.
@pytest.mark.parametrize("where,count", [
    ("WHERE p = 'k1'", 5),
    ("WHERE p IN ['k0', 'k2', 'k3']", 15),
    ("WHERE v > 11", 13),
    ("", 20),
])
def test_limit_and_next_token_page_through_every_item(client, numbered, where, count):
    statement = f"SELECT v FROM \"{numbered}\" {where}"
    items, pages = all_pages(client, statement, Limit=2)
    assert len(items) == count
    assert len({item["v"]["N"] for item in items}) == count
    assert all(len(page["Items"]) <= 2 for page in pages)
    if where.startswith("WHERE p ="):
        assert items == run(client, statement)


@pytest.mark.oracle_deviation(LOCAL_DESCENDING_LIMIT)
def test_limit_pages_a_descending_query(client, numbered):
    items, pages = all_pages(client, f"SELECT * FROM \"{numbered}\" WHERE p = 'k0' ORDER BY s DESC",
                             Limit=2)
    assert [i["s"]["N"] for i in items] == ["4", "3", "2", "1", "0"]
    assert len(pages) >= 3


def test_next_token_that_is_not_one_is_refused(client, numbered):
    assert failure(client.execute_statement, Statement=f"SELECT * FROM \"{numbered}\"",
                   NextToken="garbage") == validation("Invalid NextToken")


@pytest.mark.oracle_deviation(LOCAL_NEXT_TOKEN)
def test_next_token_of_another_statement_is_refused(client, numbered):
    token = client.execute_statement(Statement=f"SELECT * FROM \"{numbered}\"", Limit=1)["NextToken"]
    assert failure(client.execute_statement, Statement=f"SELECT v FROM \"{numbered}\"",
                   NextToken=token) == validation("NextToken does not match request")


# "table"."index" reads a secondary index; its key conditions make a Query of the index.
def test_select_from_an_index(client, create_table):
    table = unique_name("pqidx")
    create_table.track(table)
    client.create_table(
        TableName=table, BillingMode="PAY_PER_REQUEST",
        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}, {"AttributeName": "s", "KeyType": "RANGE"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"},
                              {"AttributeName": "s", "AttributeType": "N"},
                              {"AttributeName": "g", "AttributeType": "S"}],
        GlobalSecondaryIndexes=[{"IndexName": "by_g", "KeySchema": [
            {"AttributeName": "g", "KeyType": "HASH"}, {"AttributeName": "s", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "ALL"}}])
    client.get_waiter("table_exists").wait(TableName=table, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    for i in range(6):
        client.put_item(TableName=table, Item={"p": {"S": f"k{i}"}, "s": {"N": str(i)},
                                               "g": {"S": "even" if i % 2 == 0 else "odd"}})
    items = run(client, f"SELECT * FROM \"{table}\".\"by_g\" WHERE g = 'odd' ORDER BY s DESC")
    assert [item["p"] for item in items] == [{"S": "k5"}, {"S": "k3"}, {"S": "k1"}]
    assert failure(client.execute_statement,
                   Statement=f"SELECT * FROM \"{table}\".\"nope\" WHERE g = 'odd'") == validation(
        "The table does not have the specified index: nope")
    assert failure(client.execute_statement, Statement=f"SELECT * FROM \"{table}\".\"by_g\" "
                   "WHERE g = 'odd'", ConsistentRead=True)[0] == "ValidationException"
    assert failure(client.execute_statement, Statement=f"UPDATE \"{table}\".\"by_g\" SET a = 1 "
                   "WHERE p = 'k1' AND s = 1") == validation("This operation is not supported on an index")


# ---- UPDATE and DELETE ----


def test_update_set_forms(client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "n": {"N": "5"}, "l": {"L": [{"N": "1"}]},
                                           "ss": {"SS": ["a", "b"]}, "m": {"M": {"k": {"S": "v"}}}})
    run(client, f"UPDATE \"{table}\" SET n = n + 2, d = 10 - n SET l = list_append(l, [2]) "
                f"SET ss = set_add(ss, <<'c'>>) REMOVE m.k SET m.j = ? WHERE p = 'a'",
        Parameters=[{"BOOL": True}])
    run(client, f"UPDATE \"{table}\" SET ss = set_delete(ss, <<'a'>>) WHERE p = 'a'")
    assert sets_sorted(client.get_item(TableName=table, Key={"p": {"S": "a"}})["Item"]) == {
        "p": {"S": "a"}, "n": {"N": "7"}, "d": {"N": "5"}, "l": {"L": [{"N": "1"}, {"N": "2"}]},
        "ss": {"SS": ["b", "c"]}, "m": {"M": {"j": {"BOOL": True}}}}


# set_delete of every member removes the attribute.
def test_set_delete_of_every_member_removes_the_attribute(client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "ns": {"NS": ["1", "2"]}})
    run(client, f"UPDATE \"{table}\" SET ns = set_delete(ns, <<1, 2>>) WHERE p = 'a'")
    assert client.get_item(TableName=table, Key={"p": {"S": "a"}})["Item"] == {"p": {"S": "a"}}


RETURNING = [
    ("ALL OLD", {"p": {"S": "a"}, "n": {"N": "1"}, "o": {"S": "x"}}),
    ("MODIFIED OLD", {"n": {"N": "1"}}),
    ("ALL NEW", {"p": {"S": "a"}, "n": {"N": "2"}, "o": {"S": "x"}}),
    ("MODIFIED NEW", {"n": {"N": "2"}}),
]


@pytest.mark.parametrize("returning,expected", RETURNING, ids=[r[0] for r in RETURNING])
def test_update_returning(client, create_table, returning, expected):
    table = create_table()
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "n": {"N": "1"}, "o": {"S": "x"}})
    assert run(client, f"UPDATE \"{table}\" SET n = n + 1 WHERE p = 'a' RETURNING {returning} *") == [
        expected]


# "If the WHERE clause of the UPDATE statement does not evaluate to true for any item ...
# ConditionalCheckFailedException" (Developer Guide): a key with no item, or a further
# condition that does not hold, changes nothing.
def test_update_needs_the_item_and_its_condition(client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "n": {"N": "1"}})
    ccf = ("ConditionalCheckFailedException", "The conditional request failed", 400)
    assert failure(client.execute_statement,
                   Statement=f"UPDATE \"{table}\" SET n = 9 WHERE p = 'missing'") == ccf
    assert "Item" not in client.get_item(TableName=table, Key={"p": {"S": "missing"}})
    assert failure(client.execute_statement,
                   Statement=f"UPDATE \"{table}\" SET n = 9 WHERE p = 'a' AND n > 1") == ccf
    run(client, f"UPDATE \"{table}\" SET n = 9 WHERE p = 'a' AND n = 1 AND x IS MISSING")
    assert client.get_item(TableName=table, Key={"p": {"S": "a"}})["Item"]["n"] == {"N": "9"}


# The FROM-first form of UPDATE: FROM table WHERE key SET ... REMOVE ...
def test_update_from_first_form(client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "b": {"S": "x"}})
    run(client, f"FROM \"{table}\" WHERE p = ? SET c = ? REMOVE b", Parameters=[{"S": "a"}, {"N": "7"}])
    assert client.get_item(TableName=table, Key={"p": {"S": "a"}})["Item"] == {
        "p": {"S": "a"}, "c": {"N": "7"}}


# DELETE of a key with no item succeeds; a condition that fails is ConditionalCheckFailed;
# RETURNING ALL OLD * returns the deleted item.
def test_delete_forms(client, create_table):
    table = create_table(hash=("p", "S"), range=("s", "N"))
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "s": {"N": "1"}, "v": {"N": "1"}})
    assert run(client, f"DELETE FROM \"{table}\" WHERE p = 'zz' AND s = 1") == []
    assert failure(client.execute_statement,
                   Statement=f"DELETE FROM \"{table}\" WHERE p = 'a' AND s = 1 AND v = 2")[0] == (
        "ConditionalCheckFailedException")
    assert run(client, f"DELETE FROM \"{table}\" WHERE \"p\" = 'a' AND \"s\" = 1 "
                       "RETURNING ALL OLD *") == [{"p": {"S": "a"}, "s": {"N": "1"}, "v": {"N": "1"}}]
    assert client.scan(TableName=table)["Items"] == []


# ReturnValuesOnConditionCheckFailure ALL_OLD: the failed condition's error carries the item.
# (boto3 1.26 predates the member on ExecuteStatement, so the request is sent by hand.)
def test_return_values_on_condition_check_failure(endpoint, client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item={"p": {"S": "a"}, "n": {"N": "1"}})
    body = {"Statement": f"UPDATE \"{table}\" SET n = 2 WHERE p = 'a' AND n = 5",
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}
    response = post(endpoint, json.dumps(body).encode(), target="DynamoDB_20120810.ExecuteStatement")
    assert response.status == 400
    answer = response.json()
    assert answer["__type"].endswith("#ConditionalCheckFailedException")
    assert answer["Item"] == {"p": {"S": "a"}, "n": {"N": "1"}}


# ---- parameters ----


def test_parameters_bind_in_order(client, create_table):
    table = create_table(hash=("p", "S"), range=("s", "N"))
    run(client, f"INSERT INTO \"{table}\" VALUE {{'p': ?, 's': ?, 'v': ?}}",
        Parameters=[{"S": "a"}, {"N": "1"}, {"SS": ["x"]}])
    items = run(client, f"SELECT v FROM \"{table}\" WHERE p = ? AND s = ?",
                Parameters=[{"S": "a"}, {"N": "1"}, {"S": "extra values are ignored"}])
    assert items == [{"v": {"SS": ["x"]}}]
    assert failure(client.execute_statement, Statement=f"SELECT * FROM \"{table}\" WHERE p = ?") == (
        validation("Number of parameters in request and statement don't match."))


@pytest.mark.oracle_deviation(LOCAL_PARAMETERS)
def test_empty_parameters_are_refused(raw_client, create_table):
    table = create_table()
    assert failure(raw_client.execute_statement, Statement=f"SELECT * FROM \"{table}\"",
                   Parameters=[]) == validation(
        "1 validation error detected: Value '[]' at 'parameters' failed to satisfy constraint: "
        "Member must have length greater than or equal to 1")


# ---- errors ----


# A write names one item by its full key in the WHERE; DynamoDB never turns it into a scan.
@pytest.mark.parametrize("statement", [
    "UPDATE \"{t}\" SET v = 1 WHERE p = 'k1'",
    "UPDATE \"{t}\" SET v = 1 WHERE p = 'k1' AND s > 1",
    "UPDATE \"{t}\" SET v = 1 WHERE v = 11",
    "DELETE FROM \"{t}\" WHERE p = 'k1' OR s = 1",
    "DELETE FROM \"{t}\" WHERE p IN ['k1'] AND s = 1",
    "DELETE FROM \"{t}\"",
])
def test_write_without_the_full_key_is_refused(client, numbered, statement):
    before = client.scan(TableName=numbered)["Items"]
    assert failure(client.execute_statement, Statement=statement.format(t=numbered)) == validation(
        INCOMPLETE_KEY)
    assert sorted(map(str, client.scan(TableName=numbered)["Items"])) == sorted(map(str, before))


ERRORS = [
    ("DELETE FROM \"{t}\" WHERE p = 'k1' AND p = 'k2' AND s = 1",
     "Multiple conditions on same key p. Only single item Update/Insert/Delete are supported"),
    ("SELECT * FROM \"{t}\" WHERE p = 1",
     "Key attribute's data type should match its data type in table's schema: Key p"),
    ("INSERT INTO \"{t}\" VALUE {{'p': 'k9'}}", "Key attribute should be present in the item: Key s"),
    ("UPDATE \"{t}\" SET s = 5 WHERE p = 'k1' AND s = 1",
     "One or more parameter values were invalid: Cannot update attribute s. This attribute is part "
     "of the key"),
    ("DELETE FROM \"{t}\" WHERE p = 'k1' AND s = 1 RETURNING ALL NEW *",
     "Invalid returning clause: RETURNING ALL NEW *. Only RETURNING ALL OLD * is allowed in DELETE "
     "statements."),
    ("INSERT INTO \"{t}\" VALUE {{'p': 'k9', 's': 1}} RETURNING ALL OLD *",
     "RETURNING is not supported in INSERT"),
    ("SELECT * FROM \"{t}\" x WHERE p = 'k1'", "Aliasing is not supported"),
    ("SELECT * FROM \"{t}\" WHERE p = 'k1' GROUP BY v", "Unsupported clause: GROUP BY"),
    ("SELECT * FROM \"{t}\" WHERE p LIKE 'k%'",
     "Unsupported operator in Condition Expression. Operator: like"),
    ("SELECT * FROM \"{t}\" WHERE v = 1 + 1",
     "Unsupported operator in Condition Expression. Operator: +"),
    ("SELECT p, p FROM \"{t}\"", "Duplicate identifiers in select clause: p"),
    ("SELECT VALUE p FROM \"{t}\"", "Select projection doesn't support value or pivot keywords"),
    ("SELECT * FROM \"{t}\" ORDER BY p", "Must have WHERE clause in the statement when using ORDER "
                                        "BY clause."),
    ("SELECT * FROM \"{t}\" WHERE p = 'k1' ORDER BY v",
     "Variable reference v in ORDER BY clause must be part of the primary key"),
    ("SELECT * FROM \"{t}\" WHERE v = 11 ORDER BY p",
     "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY "
     "clause."),
    ("SELECT * FROM \"{t}\" WHERE v = MISSING", "MISSING must be compared using IS operator"),
    ("SELECT * FROM \"{t}\" WHERE v < true",
     "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL"),
    ("SELECT * FROM \"{t}\" WHERE v IS INT",
     "Unsupported data type for IS operator: INTEGER. Supported data types are [MISSING, NULL, "
     "BOOLEAN, BLOB, STRING, NUMERIC, STRUCT, TUPLE, LIST] at 1:{c}:2"),
    ("SELECT * FROM \"tb\"", "Table name should be within the length [3, 255] and only contain "
                             "'a-z', 'A-Z', '0-9', '-', '_', '.'."),
    ("INSERT INTO \"{t}\" VALUE {{'p': 'k9', 's': 1, 'e': <<>>}}",
     "Empty bags are not supported at 1:{bag}:2"),
    ("SELECT * FROM \"{t}\" WHERE begins_with(p)",
     "Incorrect number of operands for operator or function; operator or function: begins_with, "
     "number of operands: 1"),
    ("UPDATE \"{t}\" SET v = v * 2 WHERE p = 'k1' AND s = 1",
     "Unsupported operator in Update Expression. Operator: *"),
    ("EXISTS(SELECT * FROM \"{t}\" WHERE p = 'k1' AND s = 1 AND v = 1)",
     "EXISTS can only be used in ExecuteTransaction write requests."),
    ("CREATE TABLE x", "Unsupported operation: CreateTable"),
]


@pytest.mark.parametrize("statement,message", ERRORS, ids=[e[0][:60] for e in ERRORS])
def test_statement_errors(client, numbered, statement, message):
    text = statement.format(t=numbered)
    # Positions are columns from 1: of IS, of <<.
    message = message.format(c=text.find(" IS ") + 2, bag=text.find("<<") + 1)
    assert failure(client.execute_statement, Statement=text) == validation(message)


# Syntax errors: AWS names what it could not read (recorded against AWS).
@pytest.mark.oracle_deviation(LOCAL_SYNTAX)
@pytest.mark.parametrize("statement,detail", [
    ("SELECT * FROM \"{t}\" WHERE p = 'k1' foo", "Unexpected token after expression"),
    ("SELECT * FROM \"{t}\" WHERE", "Unexpected term"),
    ("SELECT * FROM \"{t}\" WHERE p = 'k1' AND", "Missing right-hand side expression of infix operator"),
    ("SELECT * FROM \"{t}\" WHERE ORDER BY p", "Unexpected keyword"),
    ("SELECT * FROM \"{t}\" WHERE IS NULL", "Unexpected operator"),
    ("SELECT * FROM \"{t}\" WHERE p = 'k1' AND x IS FOO", "Expected type name"),
    ("DELETE FROM", "Expected identifier for simple path"),
    ("SLECT * FROM \"{t}\"", "Expected data manipulation"),
    # What the lexer cannot read gets nothing after the colon.
    ("SELECT * FROM \"{t}\" WHERE p = 'k1' # note", ""),
    ("SELECT * FROM \"{t}\" WHERE p = 'k1' /* note", ""),
])
def test_syntax_errors(client, numbered, statement, detail):
    assert failure(client.execute_statement, Statement=statement.format(t=numbered)) == validation(
        MALFORMED + detail)


# Messages DynamoDB Local words otherwise, or answers it does not give.
@pytest.mark.parametrize("statement,message", [
    pytest.param("INSERT INTO \"{t}\" VALUE {{'p': 'k9', 's': 1, 'm': {{'x': 1e126}}}}",
                 "Number overflow. Attempting to store a number with magnitude larger than "
                 "supported range under root.x",
                 marks=pytest.mark.oracle_deviation(LOCAL_NUMBER_PATH), id="number-path"),
    pytest.param("SELECT * FROM \"{t}\" WHERE p = 'k1' AND v = 11 OR p = 'k1' AND s = 2",
                 "Overlapping conditions with range keys are not supported in where clause",
                 marks=pytest.mark.oracle_deviation(LOCAL_OVERLAP), id="overlapping-ranges"),
    pytest.param("SELECT * FROM \"{t}\" WHERE p IN ['k1', 'k2'] ORDER BY s",
                 "Must have hash key in ORDER BY clause when more than one hash key condition "
                 "specified in WHERE clause.",
                 marks=pytest.mark.oracle_deviation(LOCAL_ORDER_BY), id="order-by-sort-key"),
])
def test_statement_errors_dynamodb_local_words_otherwise(client, numbered, statement, message):
    assert failure(client.execute_statement, Statement=statement.format(t=numbered)) == validation(
        message)


@pytest.mark.oracle_deviation(LOCAL_MISSING_TABLE)
def test_unknown_table(client):
    assert failure(client.execute_statement, Statement="SELECT * FROM \"no_such_table\"") == (
        "ResourceNotFoundException", "Requested resource not found", 400)


def test_request_members_are_validated(raw_client):
    assert failure(raw_client.execute_statement, Statement="SELECT * FROM \"tbl\"", Limit=0) == (
        validation("1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: "
                   "Member must have value greater than or equal to 1"))


@pytest.mark.oracle_deviation(LOCAL_CAPACITY)
def test_return_consumed_capacity_is_validated(raw_client):
    assert failure(raw_client.execute_statement, Statement="SELECT * FROM \"tbl\"",
                   ReturnConsumedCapacity="SOME") == validation(
        "1 validation error detected: Value 'SOME' at 'returnConsumedCapacity' failed to satisfy "
        "constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]")


LOCAL_NO_CAPACITY = "DynamoDB Local reports no ConsumedCapacity on ExecuteStatement"


# ExecuteStatement reports what the read or write it runs as consumes (AWS answers ConsumedCapacity
# whenever asked): a SELECT by the full key as the Query of that key, an INSERT as PutItem.
@pytest.mark.oracle_deviation(LOCAL_NO_CAPACITY)
def test_consumed_capacity_is_what_the_equivalent_call_consumes(client, create_table):
    table = create_table()
    big = {"p": {"S": "big"}, "x": {"S": "y" * 5000}}
    put = client.put_item(TableName=table, Item=big, ReturnConsumedCapacity="TOTAL")
    query = client.query(TableName=table, KeyConditionExpression="p = :p",
                         ExpressionAttributeValues={":p": {"S": "big"}},
                         ReturnConsumedCapacity="TOTAL")
    select = client.execute_statement(Statement=f"SELECT * FROM \"{table}\" WHERE p = 'big'",
                                      ReturnConsumedCapacity="TOTAL")
    # 5 KB: two 4 KB read units, halved for an eventually consistent read.
    assert select["ConsumedCapacity"] == query["ConsumedCapacity"] == {
        "TableName": table, "CapacityUnits": 1.0}
    strong = client.execute_statement(Statement=f"SELECT * FROM \"{table}\" WHERE p = 'big'",
                                      ConsistentRead=True, ReturnConsumedCapacity="INDEXES")
    assert strong["ConsumedCapacity"] == {"TableName": table, "CapacityUnits": 2.0,
                                          "Table": {"CapacityUnits": 2.0}}
    client.delete_item(TableName=table, Key={"p": {"S": "big"}})
    insert = client.execute_statement(
        Statement=f"INSERT INTO \"{table}\" VALUE {{'p': 'big', 'x': '{'y' * 5000}'}}",
        ReturnConsumedCapacity="TOTAL")
    # 5 KB: five 1 KB write units.
    assert insert["ConsumedCapacity"] == put["ConsumedCapacity"] == {
        "TableName": table, "CapacityUnits": 5.0}
    assert "ConsumedCapacity" not in client.execute_statement(
        Statement=f"SELECT * FROM \"{table}\" WHERE p = 'big'")
