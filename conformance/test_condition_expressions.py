"""ConditionExpression on PutItem, DeleteItem and UpdateItem: writes that happen or are refused,
ReturnValuesOnConditionCheckFailure, DynamoDB's comparison and type rules, the functions, document
paths and placeholders, boto3's condition builders, and the validation errors of the expression
language."""

import json
import re
from decimal import Decimal

import pytest
from boto3.dynamodb.conditions import Attr
from botocore.exceptions import ClientError

from conftest import (
    ITEM_WRITE_ENVELOPE,
    error_of,
    failure,
    item_write_validation,
    unique_name,
    validation,
    wire,
)
from test_protocol import post

CONDITION_FAILED = ("ConditionalCheckFailedException", "The conditional request failed", 400)
MAX_EXPRESSION_BYTES = 4096


def wire_item(item):
    return {name: wire(value) for name, value in item.items()}


def expression_params(condition, values=None, names=None):
    """ConditionExpression parameters; values are Python values, serialized here."""
    params = {"ConditionExpression": condition}
    if values is not None:
        params["ExpressionAttributeValues"] = {k: wire(v) for k, v in values.items()}
    if names is not None:
        params["ExpressionAttributeNames"] = names
    return params


def braced_set(message, prefix):
    """The members of the '{a, b}' tail of message, which must start with prefix; DynamoDB lists
    them in no fixed order."""
    assert message.startswith(prefix + "{") and message.endswith("}"), message
    return {member.strip() for member in message[len(prefix) + 1:-1].split(",")}


# --- A fixed item that the evaluation tests check conditions against --------------------------

EVAL_ITEM = {
    "p": "eval",
    "n": 10,
    "s": "cat",
    "b": b"\x7f",
    "t": True,
    "z": None,
    "ss": {"dog", "cat"},
    "ns": {1, 2},
    "bs": {b"a", b"b"},
    "l": ["a", 1, {"k": "v"}, ["x"]],
    "m": {"x": 1, "y": ["a", "b"], "mid": {"deep": "v"}},
    "hi": "\uffff",
    "clef": "\U0001d11e",
    "two": 2,
    "twenty": 20,
    "x.y": "literal",
    "x": {"y": "nested"},
    "and": "reserved",
    "a": {"b": [0, {"c": "deep"}]},
}
EVAL_WIRE = wire_item(EVAL_ITEM)


@pytest.fixture(scope="module")
def eval_table(client, raw_client):
    """A table holding EVAL_ITEM for the whole module; conditions are checked by re-putting the
    same item, so a passing condition changes nothing."""
    name = unique_name("cond")
    client.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    client.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    client.put_item(TableName=name, Item=EVAL_WIRE)
    yield name
    raw_client.delete_table(TableName=name)


def holds(client, table, condition, values=None, names=None):
    """True if the condition holds for EVAL_ITEM, False if DynamoDB reports it failed."""
    try:
        client.put_item(TableName=table, Item=EVAL_WIRE, **expression_params(condition, values, names))
        return True
    except ClientError as err:
        if err.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise


def condition_error(raw_client, table, condition, values=None, names=None):
    return failure(raw_client.put_item, TableName=table, Item=EVAL_WIRE,
                   **expression_params(condition, values, names))


# --- Writes happen only when the condition holds ----------------------------------------------


def stored(client, table, key="k"):
    return client.get_item(TableName=table, Key={"p": {"S": key}}).get("Item")


# PutItem with a true condition replaces the item.
def test_put_item_condition_true_writes(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "2"}},
                    **expression_params("a = :old", {":old": 1}))
    assert stored(client, name) == {"p": {"S": "k"}, "a": {"N": "2"}}


# PutItem with a false condition fails with ConditionalCheckFailedException and writes nothing.
def test_put_item_condition_false_rejected(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    got = failure(client.put_item, TableName=name, Item={"p": {"S": "k"}, "a": {"N": "3"}},
                  **expression_params("a = :old", {":old": 2}))
    assert got == CONDITION_FAILED
    assert stored(client, name) == {"p": {"S": "k"}, "a": {"N": "1"}}


# DeleteItem with a true condition deletes the item.
def test_delete_item_condition_true_deletes(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    client.delete_item(TableName=name, Key={"p": {"S": "k"}}, **expression_params("a = :old", {":old": 1}))
    assert "Item" not in client.get_item(TableName=name, Key={"p": {"S": "k"}})


# DeleteItem with a false condition fails and keeps the item.
def test_delete_item_condition_false_rejected(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    got = failure(client.delete_item, TableName=name, Key={"p": {"S": "k"}},
                  **expression_params("a = :old", {":old": 2}))
    assert got == CONDITION_FAILED
    assert stored(client, name) == {"p": {"S": "k"}, "a": {"N": "1"}}


# UpdateItem with a true condition applies the update.
def test_update_item_condition_true_updates(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    client.update_item(TableName=name, Key={"p": {"S": "k"}}, UpdateExpression="SET b = :new",
                       **expression_params("a = :old", {":old": 1, ":new": "x"}))
    assert client.get_item(TableName=name, Key={"p": {"S": "k"}})["Item"] == {
        "p": {"S": "k"}, "a": {"N": "1"}, "b": {"S": "x"}}


# UpdateItem with a false condition fails and leaves the item unchanged.
def test_update_item_condition_false_rejected(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    got = failure(client.update_item, TableName=name, Key={"p": {"S": "k"}}, UpdateExpression="SET b = :new",
                  **expression_params("a = :old", {":old": 2, ":new": "x"}))
    assert got == CONDITION_FAILED
    assert stored(client, name) == {"p": {"S": "k"}, "a": {"N": "1"}}


# attribute_not_exists on the key is the create-only-if-absent idiom: the second put fails.
def test_put_item_attribute_not_exists_creates_once(client, create_table):
    name = create_table()
    condition = expression_params("attribute_not_exists(p)")
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "v": {"S": "first"}}, **condition)
    got = failure(client.put_item, TableName=name, Item={"p": {"S": "k"}, "v": {"S": "second"}}, **condition)
    assert got == CONDITION_FAILED
    assert client.get_item(TableName=name, Key={"p": {"S": "k"}})["Item"]["v"] == {"S": "first"}


# Against a missing item every attribute is absent: attribute_exists fails, <> holds.
def test_condition_on_missing_item(client, create_table):
    name = create_table()
    key = {"p": {"S": "absent"}}
    got = failure(client.update_item, TableName=name, Key=key, UpdateExpression="SET a = :v",
                  **expression_params("attribute_exists(p)", {":v": 1}))
    assert got == CONDITION_FAILED
    assert "Item" not in client.get_item(TableName=name, Key=key)
    client.update_item(TableName=name, Key=key, UpdateExpression="SET a = :v",
                       **expression_params("p <> :k", {":v": 1, ":k": "absent"}))
    assert client.get_item(TableName=name, Key=key)["Item"] == {"p": {"S": "absent"}, "a": {"N": "1"}}


# DeleteItem of a missing item: attribute_exists fails, attribute_not_exists succeeds.
def test_delete_item_condition_on_missing_item(client, create_table):
    name = create_table()
    key = {"p": {"S": "absent"}}
    assert failure(client.delete_item, TableName=name, Key=key,
                   **expression_params("attribute_exists(p)")) == CONDITION_FAILED
    client.delete_item(TableName=name, Key=key, **expression_params("attribute_not_exists(p)"))


# A condition may test the key attributes, here the sort key.
def test_condition_on_sort_key(client, create_table):
    name = create_table(hash=("p", "S"), range=("c", "N"))
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "c": {"N": "5"}})
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "c": {"N": "5"}, "v": {"S": "x"}},
                    **expression_params("c BETWEEN :lo AND :hi", {":lo": 1, ":hi": 5}))
    got = failure(client.put_item, TableName=name, Item={"p": {"S": "k"}, "c": {"N": "5"}},
                  **expression_params("c > :v", {":v": 5}))
    assert got == CONDITION_FAILED


# --- ReturnValuesOnConditionCheckFailure ------------------------------------------------------
# boto3 returns the old item in e.response['Item']; the installed botocore predates the parameter,
# so these tests speak signed JSON directly.


def call_json(endpoint, operation, body):
    response = post(endpoint, json.dumps(body).encode(), target=f"DynamoDB_20120810.{operation}")
    return response.status, response.json()


def error_type_and_message_tail(body):
    """(type after '#', message) of a JSON error body; the message key is 'message' or 'Message'."""
    return body["__type"].rsplit("#", 1)[-1], body.get("message", body.get("Message"))


RVOCCF_REQUESTS = {
    "PutItem": {"Item": {"p": {"S": "k"}, "a": {"N": "9"}}},
    "DeleteItem": {"Key": {"p": {"S": "k"}}},
    "UpdateItem": {"Key": {"p": {"S": "k"}}, "UpdateExpression": "SET b = :v"},
}


def rvoccf_body(table, operation, condition_value, return_values=None):
    body = {"TableName": table, "ConditionExpression": "a = :v",
            "ExpressionAttributeValues": {":v": {"N": condition_value}}, **RVOCCF_REQUESTS[operation]}
    if return_values is not None:
        body["ReturnValuesOnConditionCheckFailure"] = return_values
    return body


# ALL_OLD puts the item as it was into the ConditionalCheckFailedException.
@pytest.mark.parametrize("operation", sorted(RVOCCF_REQUESTS))
def test_return_values_on_condition_failure_all_old(endpoint, client, create_table, operation):
    name = create_table()
    old = {"p": {"S": "k"}, "a": {"N": "1"}, "m": {"M": {"x": {"SS": ["y"]}}}}
    client.put_item(TableName=name, Item=old)
    status, body = call_json(endpoint, operation, rvoccf_body(name, operation, "2", "ALL_OLD"))
    assert status == 400
    assert body["__type"].endswith("#ConditionalCheckFailedException")
    assert body["Item"] == old
    assert client.get_item(TableName=name, Key={"p": {"S": "k"}})["Item"] == old


# NONE, or no ReturnValuesOnConditionCheckFailure, returns no item with the failure.
@pytest.mark.parametrize("return_values", ["NONE", None])
@pytest.mark.parametrize("operation", sorted(RVOCCF_REQUESTS))
def test_return_values_on_condition_failure_none(endpoint, client, create_table, operation, return_values):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    status, body = call_json(endpoint, operation, rvoccf_body(name, operation, "2", return_values))
    assert status == 400
    assert error_type_and_message_tail(body) == (
        "ConditionalCheckFailedException", "The conditional request failed")
    assert "Item" not in body


# ALL_OLD with a missing item returns no item with the failure.
@pytest.mark.parametrize("operation", sorted(RVOCCF_REQUESTS))
def test_return_values_on_condition_failure_missing_item(endpoint, eval_table, operation):
    status, body = call_json(endpoint, operation, rvoccf_body(eval_table, operation, "2", "ALL_OLD"))
    assert status == 400
    assert body["__type"].endswith("#ConditionalCheckFailedException")
    assert "Item" not in body


# A write whose condition holds returns neither Item nor Attributes despite ALL_OLD.
@pytest.mark.parametrize("operation", sorted(RVOCCF_REQUESTS))
def test_return_values_on_condition_failure_success_returns_nothing(endpoint, client, create_table,
                                                                    operation):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    status, body = call_json(endpoint, operation, rvoccf_body(name, operation, "1", "ALL_OLD"))
    assert status == 200
    assert "Item" not in body and "Attributes" not in body


# Only ALL_OLD and NONE are valid values.
@pytest.mark.parametrize("value", ["ALL_NEW", "UPDATED_OLD", "UPDATED_NEW", "all_old", "DUMMY"])
@pytest.mark.parametrize("operation", sorted(RVOCCF_REQUESTS))
def test_return_values_on_condition_failure_invalid_value_rejected(endpoint, eval_table, operation, value):
    status, body = call_json(endpoint, operation, rvoccf_body(eval_table, operation, "2", value))
    assert status == 400
    assert error_type_and_message_tail(body) == (
        "ValidationException",
        f"1 validation error detected: Value '{value}' at 'returnValuesOnConditionCheckFailure' failed "
        "to satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]")


# --- Comparisons ------------------------------------------------------------------------------


# = holds between equal values of each of the ten types.
@pytest.mark.parametrize("attr", ["n", "s", "b", "t", "z", "ss", "ns", "bs", "l", "m"])
def test_condition_equal_each_type(client, eval_table, attr):
    assert holds(client, eval_table, "#a = :v", {":v": EVAL_ITEM[attr]}, {"#a": attr})
    assert not holds(client, eval_table, "#a <> :v", {":v": EVAL_ITEM[attr]}, {"#a": attr})


# Values of different types are never equal (and always <>), even when they look alike.
@pytest.mark.parametrize(
    "attr, value",
    [("n", "10"), ("s", b"cat"), ("b", "\x7f"), ("t", 1), ("z", False), ("ss", ["cat", "dog"]),
     ("ss", {b"cat", b"dog"}), ("ns", {"1", "2"}), ("l", {"0": "a"}), ("m", ["x"])],
)
def test_condition_different_types_not_equal(client, eval_table, attr, value):
    assert not holds(client, eval_table, "#a = :v", {":v": value}, {"#a": attr})
    assert holds(client, eval_table, "#a <> :v", {":v": value}, {"#a": attr})


# Equality is by value: numbers by magnitude, sets in any order, maps by content.
@pytest.mark.parametrize(
    "condition, value",
    [("n = :v", Decimal("1E+1")), ("n = :v", Decimal("10.000")), ("ss = :v", {"cat", "dog"}),
     ("m = :v", {"mid": {"deep": "v"}, "y": ["a", "b"], "x": Decimal("1.0")})],
)
def test_condition_equality_by_value(client, eval_table, condition, value):
    assert holds(client, eval_table, condition, {":v": value})


# Same type, different value: = is false and <> is true; lists compare in order.
@pytest.mark.parametrize("attr, value", [("n", 11), ("s", "Cat"), ("t", False), ("l", ["x"]),
                                         ("m.y", ["b", "a"]), ("ss", {"dog"})])
def test_condition_same_type_unequal(client, eval_table, attr, value):
    path = ".".join(f"#{part}" for part in attr.split("."))
    names = {f"#{part}": part for part in attr.split(".")}
    assert not holds(client, eval_table, f"{path} = :v", {":v": value}, names)
    assert holds(client, eval_table, f"{path} <> :v", {":v": value}, names)


# A missing attribute equals nothing, not even another missing one, and is <> everything.
@pytest.mark.parametrize(
    "condition, values, expected",
    [("zz = :v", {":v": 1}, False), ("zz <> :v", {":v": 1}, True), ("zz = yy", None, False),
     ("zz <> yy", None, True), ("zz < :v", {":v": 1}, False), ("zz >= :v", {":v": 1}, False),
     ("zz < yy", None, False), ("NOT zz < :v", {":v": 1}, True)],
)
def test_condition_missing_attribute(client, eval_table, condition, values, expected):
    assert holds(client, eval_table, condition, values) is expected


# <, <=, >, >= order numbers by value, strings and binaries by unsigned bytes.
@pytest.mark.parametrize(
    "condition, value, expected",
    [("n < :v", 11, True), ("n < :v", 10, False), ("n <= :v", 10, True), ("n > :v", 9, True),
     ("n >= :v", Decimal("10.5"), False), ("n > :v", -100, True), ("n < :v", Decimal("1e2"), True),
     ("s < :v", "dog", True), ("s < :v", "cat", False), ("s <= :v", "cat", True),
     ("s > :v", "Cat", True), ("s > :v", "cats", False), ("s >= :v", "ca", True),
     ("b < :v", b"\x80", True), ("b > :v", b"\x00", True), ("b >= :v", b"\x7f\x00", False),
     ("b <= :v", b"\x7f", True)],
)
def test_condition_ordering(client, eval_table, condition, value, expected):
    assert holds(client, eval_table, condition, {":v": value}) is expected


# Strings order by UTF-8 bytes: U+FFFF sorts before U+1D11E (UTF-16 would say the opposite).
def test_condition_string_order_is_utf8(client, eval_table):
    assert holds(client, eval_table, "hi < clef")
    assert not holds(client, eval_table, "clef < hi")


# Ordering values of different types is false, not an error.
@pytest.mark.parametrize("condition, value",
                         [("n < :v", "11"), ("s > :v", 5), ("b < :v", "\x80"), (":v < n", "1")])
def test_condition_ordering_different_types_false(client, eval_table, condition, value):
    assert not holds(client, eval_table, condition, {":v": value})


# An item attribute of an unorderable type (list, set, map, bool) makes the comparison false.
@pytest.mark.parametrize("attr", ["l", "ss", "m", "t", "z"])
def test_condition_ordering_unorderable_attribute_false(client, eval_table, attr):
    assert not holds(client, eval_table, "#a < :v", {":v": 1}, {"#a": attr})
    assert not holds(client, eval_table, ":v <= #a", {":v": 1}, {"#a": attr})


# An unorderable value in the expression itself is a validation error naming operator and type.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize(
    "condition, value, operator, type_name",
    [("n < :v", [1], "<", "L"), ("n <= :v", {1}, "<=", "NS"), ("n > :v", True, ">", "BOOL"),
     ("n >= :v", None, ">=", "NULL"), (":v > n", {"k": 1}, ">", "M"), ("n < :v", {"a"}, "<", "SS")],
)
def test_condition_ordering_unorderable_value_rejected(raw_client, eval_table, condition, value, operator,
                                                        type_name):
    assert condition_error(raw_client, eval_table, condition, {":v": value}) == item_write_validation(
        "Invalid ConditionExpression: Incorrect operand type for operator or function; "
        f"operator or function: {operator}, operand type: {type_name}")


# --- BETWEEN and IN ---------------------------------------------------------------------------


# BETWEEN includes both bounds and works for numbers, strings and binaries.
@pytest.mark.parametrize(
    "condition, lo, hi, expected",
    [("n BETWEEN :lo AND :hi", 5, 10, True), ("n BETWEEN :lo AND :hi", 10, 20, True),
     ("n BETWEEN :lo AND :hi", 11, 20, False), ("n BETWEEN :lo AND :hi", 1, 9, False),
     ("s BETWEEN :lo AND :hi", "a", "d", True), ("s BETWEEN :lo AND :hi", "cat", "cat", True),
     ("s BETWEEN :lo AND :hi", "dog", "zebra", False), ("b BETWEEN :lo AND :hi", b"\x00", b"\x80", True),
     ("b BETWEEN :lo AND :hi", b"\x80", b"\xff", False), ("n between :lo and :hi", 9, 11, True),
     ("n BETWEEN :lo AND :hi", "0", "z", False), ("zz BETWEEN :lo AND :hi", 1, 2, False)],
)
def test_condition_between(client, eval_table, condition, lo, hi, expected):
    assert holds(client, eval_table, condition, {":lo": lo, ":hi": hi}) is expected


# BETWEEN bounds may come from the item; then wrong order or types only make it false.
def test_condition_between_item_bounds(client, eval_table):
    assert holds(client, eval_table, "n BETWEEN two AND twenty")
    assert not holds(client, eval_table, "n BETWEEN twenty AND two")
    assert not holds(client, eval_table, "n BETWEEN two AND s")


# Constant BETWEEN bounds must be ordered, of one type, and orderable.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize(
    "lo, hi, message",
    [(2, 1, "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
            "lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}"),
     ("b", "a", "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                "lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}"),
     (2, "1", "The BETWEEN operator requires same data type for lower and upper bounds; "
              "lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {S:1}"),
     ([1], [2], "Incorrect operand type for operator or function; operator or function: BETWEEN, "
                "operand type: L")],
    ids=["numbers-reversed", "strings-reversed", "mixed-types", "lists"],
)
def test_condition_between_bad_bounds_rejected(raw_client, eval_table, lo, hi, message):
    got = condition_error(raw_client, eval_table, "n BETWEEN :lo AND :hi", {":lo": lo, ":hi": hi})
    assert got == item_write_validation("Invalid ConditionExpression: " + message)


# IN holds when the value equals any listed one; the list may mix types.
@pytest.mark.parametrize(
    "condition, values, expected",
    [("n IN (:a, :b)", {":a": 1, ":b": 10}, True), ("n IN (:a, :b)", {":a": 1, ":b": 2}, False),
     ("n IN (:a, :b)", {":a": "dog", ":b": 10}, True), ("n IN (:a)", {":a": "10"}, False),
     ("zz IN (:a)", {":a": 1}, False), ("ss in (:a, :b)", {":a": "dog", ":b": {"cat", "dog"}}, True),
     ("n IN (two, twenty, :a)", {":a": 10}, True)],
    ids=["match", "no-match", "mixed-types", "other-type", "missing", "set", "item-attributes"],
)
def test_condition_in(client, eval_table, condition, values, expected):
    assert holds(client, eval_table, condition, values) is expected


# IN takes a long list of values (99 here: the documented limit is 100 operands, and whether the
# left operand counts is unclear).
def test_condition_in_99_values(client, eval_table):
    values = {f":v{i}": i for i in range(99)}
    assert holds(client, eval_table, f"n IN ({', '.join(values)})", values)
    values = {f":v{i}": i + 11 for i in range(99)}
    assert not holds(client, eval_table, f"n IN ({', '.join(values)})", values)


# IN with 101 values in its list is rejected.
@ITEM_WRITE_ENVELOPE
def test_condition_in_101_values_rejected(raw_client, eval_table):
    values = {f":v{i}": i for i in range(101)}
    assert condition_error(raw_client, eval_table, f"n IN ({', '.join(values)})", values) == item_write_validation(
        "Invalid ConditionExpression: The IN operator is provided with too many operands; "
        "number of operands: 101")


# --- AND, OR, NOT, precedence and parentheses -------------------------------------------------


# AND, OR and NOT combine conditions; NOT binds tighter than AND, AND tighter than OR.
@pytest.mark.parametrize(
    "condition, expected",
    [("n = :ten AND s = :cat", True), ("n = :ten AND s = :dog", False),
     ("n = :one OR s = :cat", True), ("n = :one OR s = :dog", False),
     ("NOT n = :one", True), ("NOT n = :ten", False), ("NOT NOT n = :ten", True),
     ("n = :ten OR n = :one AND s = :dog", True), ("(n = :ten OR n = :one) AND s = :dog", False),
     ("NOT n = :ten AND n = :one", False), ("NOT (n = :ten AND n = :one)", True),
     ("NOT n = :ten OR n = :ten", True), ("NOT (n = :ten OR n = :ten)", False),
     ("n BETWEEN :one AND :ten AND s = :cat", True),
     ("(n = :one OR n = :ten) AND (s = :dog OR (s = :cat AND NOT n = :one))", True),
     ("n = :ten aNd s = :cat", True), ("n = :one Or s = :cat", True), ("nOt n = :one", True)],
)
def test_condition_logic_and_precedence(client, eval_table, condition, expected):
    values = {":one": 1, ":ten": 10, ":cat": "cat", ":dog": "dog"}
    used = {k: v for k, v in values.items() if re.search(re.escape(k) + r"\b", condition)}
    assert holds(client, eval_table, condition, used) is expected


# Parentheses around a whole condition are allowed, doubled ones are not.
@ITEM_WRITE_ENVELOPE
def test_condition_redundant_parentheses_rejected(client, raw_client, eval_table):
    assert holds(client, eval_table, "(n = :v)", {":v": 10})
    assert condition_error(raw_client, eval_table, "((n = :v))", {":v": 10}) == item_write_validation(
        "Invalid ConditionExpression: The expression has redundant parentheses;")


# --- Functions --------------------------------------------------------------------------------


# attribute_exists / attribute_not_exists test top-level and nested paths.
@pytest.mark.parametrize(
    "path, exists",
    [("n", True), ("zz", False), ("z", True), ("m.mid.deep", True), ("m.y[1]", True), ("m.y[2]", False),
     ("m.x.deep", False), ("l[2].k", True), ("l[3][0]", True), ("m.zz.deep", False), ("l[0].k", False),
     ("m[0]", False)],
)
def test_condition_attribute_exists(client, eval_table, path, exists):
    assert holds(client, eval_table, f"attribute_exists({path})") is exists
    assert holds(client, eval_table, f"attribute_not_exists({path})") is not exists


# attribute_type matches each of the ten type names exactly.
@pytest.mark.parametrize(
    "attr, type_name",
    [("n", "N"), ("s", "S"), ("b", "B"), ("t", "BOOL"), ("z", "NULL"), ("ss", "SS"), ("ns", "NS"),
     ("bs", "BS"), ("l", "L"), ("m", "M")],
)
def test_condition_attribute_type(client, eval_table, attr, type_name):
    assert holds(client, eval_table, "attribute_type(#a, :t)", {":t": type_name}, {"#a": attr})
    other = "S" if type_name != "S" else "N"
    assert not holds(client, eval_table, "attribute_type(#a, :t)", {":t": other}, {"#a": attr})


# attribute_type of a missing attribute is false (so NOT of it is true).
def test_condition_attribute_type_missing(client, eval_table):
    assert not holds(client, eval_table, "attribute_type(zz, :t)", {":t": "N"})
    assert holds(client, eval_table, "NOT attribute_type(zz, :t)", {":t": "N"})


# begins_with on strings and binaries; on other attribute types it is just false.
@pytest.mark.parametrize(
    "condition, value, expected",
    [("begins_with(s, :v)", "ca", True), ("begins_with(s, :v)", "cat", True),
     ("begins_with(s, :v)", "cats", False), ("begins_with(s, :v)", "Ca", False),
     ("begins_with(b, :v)", b"\x7f", True), ("begins_with(s, :v)", b"ca", False),
     ("begins_with(n, :v)", "1", False), ("begins_with(zz, :v)", "a", False),
     ("begins_with(:v, s)", "catalog", True)],
)
def test_condition_begins_with(client, eval_table, condition, value, expected):
    assert holds(client, eval_table, condition, {":v": value}) is expected


# contains: substring of a string or binary, member of a set, element of a list (of any type).
@pytest.mark.parametrize(
    "path, value, expected",
    [("s", "at", True), ("s", "dog", False), ("b", b"\x7f", True), ("ss", "dog", True), ("ss", "cow", False),
     ("ns", 2, True), ("ns", "2", False), ("bs", b"a", True), ("l", "a", True), ("l", 1, True),
     ("l", {"k": "v"}, True), ("l", ["x"], True), ("l", "b", False), ("m.y", "b", True), ("n", 1, False),
     ("zz", "a", False)],
)
def test_condition_contains(client, eval_table, path, value, expected):
    assert holds(client, eval_table, f"contains({path}, :v)", {":v": value}) is expected


# size is string length, binary length, or the number of set, list or map members.
@pytest.mark.parametrize("path, size", [("s", 3), ("b", 1), ("ss", 2), ("ns", 2), ("bs", 2), ("l", 4),
                                        ("m", 3), ("m.y", 2), ("l[2]", 1)])
def test_condition_size(client, eval_table, path, size):
    assert holds(client, eval_table, f"size({path}) = :v", {":v": size})
    assert holds(client, eval_table, f"size({path}) < :v", {":v": size + 1})
    assert not holds(client, eval_table, f"size({path}) > :v", {":v": size})


# size of a number, boolean, null or missing attribute makes the comparison false.
@pytest.mark.parametrize("path", ["n", "t", "z", "zz"])
def test_condition_size_undefined_false(client, eval_table, path):
    assert not holds(client, eval_table, f"size({path}) >= :v", {":v": 0})
    assert holds(client, eval_table, f"NOT size({path}) >= :v", {":v": 0})


# size may be compared with another size or applied to a value; compared to a string it is false.
def test_condition_size_operands(client, eval_table):
    assert holds(client, eval_table, "size(ss) = size(ns)")
    assert holds(client, eval_table, "size(:v) = :five", {":v": "hello", ":five": 5})
    assert not holds(client, eval_table, "size(s) = :v", {":v": "3"})


# --- Paths and placeholders -------------------------------------------------------------------


# Document paths reach into maps and lists, written directly or through #name placeholders.
@pytest.mark.parametrize(
    "condition, names",
    [("m.y[1] = :v", None), ("#a.#b[1] = :v", {"#a": "m", "#b": "y"}), ("#a.y[1] = :v", {"#a": "m"})],
)
def test_condition_nested_path(client, eval_table, condition, names):
    assert holds(client, eval_table, condition, {":v": "b"}, names)


# Paths like a.b[1].c and l[3][0] mix map keys and list indexes.
def test_condition_mixed_path(client, eval_table):
    assert holds(client, eval_table, "a.b[1].c = :v AND l[3][0] = :w", {":v": "deep", ":w": "x"})
    assert not holds(client, eval_table, "a.b[0].c = :v", {":v": "deep"})


# A placeholder is one path element: '#n' for 'x.y' is the top-level attribute named 'x.y'.
def test_condition_placeholder_with_dot_is_literal(client, eval_table):
    assert holds(client, eval_table, "#n = :v", {":v": "literal"}, {"#n": "x.y"})
    assert holds(client, eval_table, "x.y = :v", {":v": "nested"})


# A reserved word used as an attribute name needs a placeholder.
@ITEM_WRITE_ENVELOPE
def test_condition_placeholder_for_reserved_word(client, raw_client, eval_table):
    assert holds(client, eval_table, "#and = :v", {":v": "reserved"}, {"#and": "and"})
    assert condition_error(raw_client, eval_table, "Name = :v", {":v": 1}) == item_write_validation(
        "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Name")


# A path may nest 32 levels; 33 is rejected.
@ITEM_WRITE_ENVELOPE
def test_condition_path_nesting_limit(client, raw_client, eval_table):
    assert not holds(client, eval_table, "m." + ".".join(["x"] * 31) + " = :v", {":v": 1})
    too_deep = "m." + ".".join(["x"] * 32) + " = :v"
    assert condition_error(raw_client, eval_table, too_deep, {":v": 1}) == item_write_validation(
        "Invalid ConditionExpression: The document path has too many nesting levels; nesting levels: 33")


# A list index past the end is just absent; an index too large to represent is rejected.
@ITEM_WRITE_ENVELOPE
def test_condition_list_index_range(client, raw_client, eval_table):
    assert not holds(client, eval_table, "attribute_exists(l[100000000])")
    assert condition_error(raw_client, eval_table, "attribute_exists(l[99999999999])") == item_write_validation(
        "Invalid ConditionExpression: List index is not within the allowable range; index: [99999999999]")


# --- boto3 condition builders -----------------------------------------------------------------

USER = {
    "username": "janedoe",
    "first_name": "Jane",
    "last_name": "Doe",
    "age": 25,
    "account_type": "standard_user",
    "address": {"road": "1 Jefferson Street", "city": "Los Angeles", "state": "CA", "zipcode": 90001},
}


@pytest.fixture
def users(dynamodb, create_table):
    table = dynamodb.Table(create_table(hash=("username", "S")))
    table.put_item(Item=USER)
    return table


def condition_failed(call, **params):
    with pytest.raises(ClientError) as excinfo:
        call(**params)
    return error_of(excinfo) == CONDITION_FAILED


# Attr('age').lt(27) holds for Jane (25) and fails once she is 30.
def test_boto3_attr_lt(users):
    users.update_item(Key={"username": "janedoe"}, UpdateExpression="SET age = :a",
                      ConditionExpression=Attr("age").lt(27), ExpressionAttributeValues={":a": 30})
    assert condition_failed(users.update_item, Key={"username": "janedoe"}, UpdateExpression="SET age = :a",
                            ConditionExpression=Attr("age").lt(27), ExpressionAttributeValues={":a": 31})
    assert users.get_item(Key={"username": "janedoe"})["Item"]["age"] == 30


# begins_with('J') & eq('super_user') needs both parts to hold.
def test_boto3_attr_and(users):
    condition = Attr("first_name").begins_with("J") & Attr("account_type").eq("super_user")
    assert condition_failed(users.delete_item, Key={"username": "janedoe"}, ConditionExpression=condition)
    users.update_item(Key={"username": "janedoe"}, UpdateExpression="SET account_type = :t",
                      ExpressionAttributeValues={":t": "super_user"})
    users.delete_item(Key={"username": "janedoe"}, ConditionExpression=condition)
    assert "Item" not in users.get_item(Key={"username": "janedoe"})


# Attr('address.state') is the nested path address -> state (boto3 sends #n0.#n1), not an
# attribute named 'address.state'.
def test_boto3_attr_nested_path(users):
    users.put_item(Item=dict(USER, **{"address.state": "NY"}),
                   ConditionExpression=Attr("address.state").eq("CA"))
    assert condition_failed(users.put_item, Item=USER, ConditionExpression=Attr("address.state").eq("NY"))


# The other builders: exists, not_exists, between, is_in, contains, size, attribute_type, |, ~.
@pytest.mark.parametrize(
    "condition, expected",
    [(Attr("age").exists(), True), (Attr("nickname").not_exists(), True), (Attr("age").between(20, 25), True),
     (Attr("age").is_in([1, 2]), False), (Attr("first_name").contains("an"), True),
     (Attr("address").size().eq(4), True), (Attr("age").attribute_type("S"), False),
     (Attr("age").eq(1) | Attr("last_name").ne("Smith"), True), (~Attr("age").gte(18), False),
     (Attr("address.zipcode").gt(90000) & ~Attr("address.city").begins_with("San"), True)],
)
def test_boto3_attr_builders(users, condition, expected):
    if expected:
        users.put_item(Item=USER, ConditionExpression=condition)
    else:
        assert condition_failed(users.put_item, Item=USER, ConditionExpression=condition)


# --- Errors -----------------------------------------------------------------------------------


# Syntax errors name the offending token and its neighbourhood.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize(
    "condition, values, token, near",
    [("n = ", None, "<EOF>", "= "), ("n == :v", {":v": 1}, "=", "== :v"),
     ("n = :v AND", {":v": 1}, "<EOF>", "AND"),
     ("(n = :v", {":v": 1}, "<EOF>", ":v"), ("n", None, "<EOF>", "n"), (":v", {":v": 1}, "<EOF>", ":v"),
     ("n = :v s", {":v": 1}, "s", ":v s"), ("_n = :v", {":v": 1}, "_", "_n"),
     ("n = :v)", {":v": 1}, ")", ":v)"),
     ("n < s < :v", {":v": 1}, "<", "s < :v"), ("n IN ()", None, ")", "()"),
     ("attribute_exists()", None, ")", "()"), ("l[:v] = :v", {":v": 1}, ":v", "[:v]"),
     ("l[-1] = :v", {":v": 1}, "-", "[-1"), ("n BETWEEN :v", {":v": 1}, "<EOF>", ":v")],
)
def test_condition_syntax_error(raw_client, eval_table, condition, values, token, near):
    assert condition_error(raw_client, eval_table, condition, values) == item_write_validation(
        f'Invalid ConditionExpression: Syntax error; token: "{token}", near: "{near}"')


# An empty ConditionExpression is rejected.
@ITEM_WRITE_ENVELOPE
def test_condition_empty_rejected(raw_client, eval_table):
    assert condition_error(raw_client, eval_table, "") == item_write_validation(
        "Invalid ConditionExpression: The expression can not be empty;")


# Reserved words are rejected wherever a path element would be, naming the word as written.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("condition, word", [("Name = :v", "Name"), ("m.data = :v", "data"),
                                              ("attribute_exists(views)", "views")])
def test_condition_reserved_word_rejected(raw_client, eval_table, condition, word):
    values = {":v": 1} if ":v" in condition else None
    assert condition_error(raw_client, eval_table, condition, values) == item_write_validation(
        f"Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: {word}")


# A #name not defined in ExpressionAttributeNames is rejected (names are case sensitive).
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize(
    "condition, names, undefined",
    [("#x = :v", None, "#x"), ("#x = :v", {"#y": "n"}, "#x"), ("#x = :v AND #X = :v", {"#x": "n"}, "#X")],
    ids=["no-names", "other-name", "case"],
)
def test_condition_undefined_name_rejected(raw_client, eval_table, condition, names, undefined):
    assert condition_error(raw_client, eval_table, condition, {":v": 1}, names) == item_write_validation(
        "Invalid ConditionExpression: An expression attribute name used in the document path is not defined; "
        f"attribute name: {undefined}")


# A :value not defined in ExpressionAttributeValues is rejected.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("values", [None, {":v": 1}])
def test_condition_undefined_value_rejected(raw_client, eval_table, values):
    condition = "n = :w" if values is None else "n = :v OR n = :w"
    assert condition_error(raw_client, eval_table, condition, values) == item_write_validation(
        "Invalid ConditionExpression: An expression attribute value used in expression is not defined; "
        "attribute value: :w")


# Every ExpressionAttributeValues entry must be used.
@ITEM_WRITE_ENVELOPE
def test_condition_unused_value_rejected(raw_client, eval_table):
    assert condition_error(raw_client, eval_table, "n = :v", {":v": 1, ":u": 2}) == item_write_validation(
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:u}")


# Every ExpressionAttributeNames entry must be used.
@ITEM_WRITE_ENVELOPE
def test_condition_unused_name_rejected(raw_client, eval_table):
    got = condition_error(raw_client, eval_table, "#m = :v", {":v": 1}, {"#m": "n", "#u": "s"})
    assert got == item_write_validation(
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#u}")


# Several unused entries are all listed (in no fixed order).
@ITEM_WRITE_ENVELOPE
def test_condition_several_unused_rejected(raw_client, eval_table):
    prefix = "1 validation error detected: Value provided in ExpressionAttributeValues unused in expressions: keys: "
    code, message, status = condition_error(raw_client, eval_table, "n = :v", {":v": 1, ":u": 2, ":t": 3})
    assert (code, status) == ("ValidationException", 400)
    assert braced_set(message, prefix) == {":u", ":t"}
    prefix = "1 validation error detected: Value provided in ExpressionAttributeNames unused in expressions: keys: "
    code, message, status = condition_error(raw_client, eval_table, "#m = :v", {":v": 1},
                                            {"#m": "n", "#u": "s", "#t": "s"})
    assert (code, status) == ("ValidationException", 400)
    assert braced_set(message, prefix) == {"#u", "#t"}


# Placeholders used only in a branch that short-circuits still count as used.
def test_condition_short_circuit_placeholders_used(client, eval_table):
    assert holds(client, eval_table, "#a = :ten OR #b = :other", {":ten": 10, ":other": 5},
                 {"#a": "n", "#b": "s"})


# Unknown function names are rejected; function names are case sensitive.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("condition, function",
                         [("foo(n)", "foo"), ("ATTRIBUTE_EXISTS(n)", "ATTRIBUTE_EXISTS"),
                          ("dog(n) = :v", "dog"), ("Size(s) = :v", "Size")])
def test_condition_invalid_function_rejected(raw_client, eval_table, condition, function):
    values = {":v": 1} if ":v" in condition else None
    assert condition_error(raw_client, eval_table, condition, values) == item_write_validation(
        f"Invalid ConditionExpression: Invalid function name; function: {function}")


# The update functions if_not_exists and list_append are not allowed in conditions.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("condition, function", [("if_not_exists(n, :v) = :v", "if_not_exists"),
                                                  ("list_append(l, :v) = :v", "list_append")])
def test_condition_update_function_rejected(raw_client, eval_table, condition, function):
    assert condition_error(raw_client, eval_table, condition, {":v": [1]}) == item_write_validation(
        "Invalid ConditionExpression: The function is not allowed in a condition expression; "
        f"function: {function}")


# size() is not a condition by itself, and the boolean functions cannot be compared.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("condition, values, function",
                         [("size(s)", None, "size"),
                          ("attribute_exists(n) = :v", {":v": True}, "attribute_exists"),
                          ("begins_with(s, :v) = :w", {":v": "c", ":w": True}, "begins_with"),
                          ("n BETWEEN :v AND attribute_exists(s)", {":v": 1}, "attribute_exists")])
def test_condition_function_misused_rejected(raw_client, eval_table, condition, values, function):
    assert condition_error(raw_client, eval_table, condition, values) == item_write_validation(
        "Invalid ConditionExpression: The function is not allowed to be used this way in an expression; "
        f"function: {function}")


# Functions check their number of operands.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize(
    "condition, values, function, count",
    [("attribute_exists(n, s)", None, "attribute_exists", 2), ("attribute_not_exists(n, s)", None,
                                                               "attribute_not_exists", 2),
     ("attribute_type(n)", None, "attribute_type", 1), ("begins_with(s)", None, "begins_with", 1),
     ("begins_with(s, :v, :w)", {":v": "a", ":w": "b"}, "begins_with", 3),
     ("contains(s)", None, "contains", 1),
     ("size(n, s) = :v", {":v": 1}, "size", 2)],
)
def test_condition_operand_count_rejected(raw_client, eval_table, condition, values, function, count):
    assert condition_error(raw_client, eval_table, condition, values) == item_write_validation(
        "Invalid ConditionExpression: Incorrect number of operands for operator or function; "
        f"operator or function: {function}, number of operands: {count}")


# attribute_exists and attribute_not_exists need a document path, not a value.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("function", ["attribute_exists", "attribute_not_exists"])
def test_condition_function_requires_path(raw_client, eval_table, function):
    assert condition_error(raw_client, eval_table, f"{function}(:v)", {":v": 1}) == item_write_validation(
        "Invalid ConditionExpression: Operator or function requires a document path; "
        f"operator or function: {function}")


# Expression values of the wrong type for a function are rejected, naming the type.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize(
    "condition, value, function, type_name",
    [("begins_with(s, :v)", 1, "begins_with", "N"), ("begins_with(:v, s)", 1, "begins_with", "N"),
     ("begins_with(s, :v)", ["a"], "begins_with", "L"), ("size(:v) = n", 3, "size", "N"),
     ("size(:v) = n", True, "size", "BOOL"), ("attribute_type(n, :v)", 1, "attribute_type", "N")],
)
def test_condition_function_operand_type_rejected(raw_client, eval_table, condition, value, function,
                                                   type_name):
    assert condition_error(raw_client, eval_table, condition, {":v": value}) == item_write_validation(
        "Invalid ConditionExpression: Incorrect operand type for operator or function; "
        f"operator or function: {function}, operand type: {type_name}")


# attribute_type rejects type names outside the ten (they are case sensitive).
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("type_name", ["DOG", "n", "STRING"])
def test_condition_attribute_type_unknown_rejected(raw_client, eval_table, type_name):
    prefix = ("1 validation error detected: Invalid ConditionExpression: Invalid attribute type name "
              f"found; type: {type_name}, valid types: ")
    code, message, status = condition_error(raw_client, eval_table, "attribute_type(n, :t)",
                                            {":t": type_name})
    assert (code, status) == ("ValidationException", 400)
    assert braced_set(message, prefix) == {"N", "S", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M"}


# The first operand of a comparison or function must differ from the others.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize(
    "condition, values, operator, operand",
    [("n = n", None, "=", "[n]"), ("n <> n", None, "<>", "[n]"), ("n < n", None, "<", "[n]"),
     ("m.x = m.x", None, "=", "[m, x]"), ("n BETWEEN n AND :v", {":v": 1}, "BETWEEN", "[n]"),
     ("contains(s, s)", None, "contains", "[s]"), ("begins_with(s, s)", None, "begins_with", "[s]"),
     ("#a = n", None, "=", "[n]"), ("s IN (two, s)", None, "IN", "[s]")],
)
def test_condition_same_operand_twice_rejected(raw_client, eval_table, condition, values, operator, operand):
    names = {"#a": "n"} if "#a" in condition else None
    assert condition_error(raw_client, eval_table, condition, values, names) == item_write_validation(
        "Invalid ConditionExpression: The first operand must be distinct from the remaining operands "
        f"for this operator or function; operator: {operator}, first operand: {operand}")


# The same :value on both sides is fine.
def test_condition_same_value_twice_allowed(client, eval_table):
    assert holds(client, eval_table, ":v = :v", {":v": 1})


# A ConditionExpression may be 4096 bytes long; 4097 is rejected, naming the size.
@ITEM_WRITE_ENVELOPE
def test_condition_length_limit(client, raw_client, eval_table):
    condition = "n = :v"
    assert holds(client, eval_table, condition + " " * (MAX_EXPRESSION_BYTES - len(condition)), {":v": 10})
    for length in (MAX_EXPRESSION_BYTES + 1, 10000):
        padded = condition + " " * (length - len(condition))
        assert condition_error(raw_client, eval_table, padded, {":v": 10}) == item_write_validation(
            "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; "
            f"expression size: {length}")


# A ConditionExpression may contain at most 300 operators.
@ITEM_WRITE_ENVELOPE
def test_condition_operator_limit(client, raw_client, eval_table):
    assert holds(client, eval_table, "n < twenty" + " OR n < twenty" * 149)
    assert condition_error(raw_client, eval_table, "n < twenty" + " OR n < twenty" * 150) == item_write_validation(
        "Invalid ConditionExpression: The expression contains too many operators; operator count: 301")


# Empty ExpressionAttributeNames / ExpressionAttributeValues maps are rejected.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("member", ["ExpressionAttributeNames", "ExpressionAttributeValues"])
def test_condition_empty_maps_rejected(raw_client, eval_table, member):
    got = failure(raw_client.put_item, TableName=eval_table, Item=EVAL_WIRE,
                  ConditionExpression="attribute_exists(n)", **{member: {}})
    assert got == item_write_validation(f"{member} must not be empty")


# Placeholder keys must start with '#' or ':'.
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("member, key, value", [("ExpressionAttributeNames", "n", "n"),
                                                ("ExpressionAttributeValues", "v", {"N": "1"})])
def test_condition_invalid_placeholder_key_rejected(raw_client, eval_table, member, key, value):
    got = failure(raw_client.put_item, TableName=eval_table, Item=EVAL_WIRE,
                  ConditionExpression="attribute_exists(n)", **{member: {key: value}})
    assert got == item_write_validation(f'{member} contains invalid key: Syntax error; key: "{key}"')


# Expression values are validated like item values: PutItem, UpdateItem, DeleteItem and Query
# answer the value's text as is, Scan and the transactions wrap it, naming the key
# (paritysuite/dynamodb-conformance tests/tier3/error-messages/valueLayers.test.ts, 2026-10-09).
@ITEM_WRITE_ENVELOPE
def test_condition_invalid_value_rejected(raw_client, eval_table):
    got = failure(raw_client.put_item, TableName=eval_table, Item=EVAL_WIRE, ConditionExpression="ss = :v",
                  ExpressionAttributeValues={":v": {"SS": []}})
    assert got == item_write_validation("One or more parameter values were invalid: An string set  may not be empty")


def test_filter_invalid_value_rejected_in_the_older_wording(raw_client, eval_table):
    got = failure(raw_client.scan, TableName=eval_table, FilterExpression="ss = :v",
                  ExpressionAttributeValues={":v": {"SS": []}})
    assert got == validation("ExpressionAttributeValues contains invalid value: One or more parameter "
                             "values were invalid: An string set  may not be empty for key :v")


# ExpressionAttributeNames / Values without any expression are rejected; since 2026 without naming
# the missing ConditionExpression (us-east-1 since 2026-08, nubo-db/dynamodb-conformance
# captures/2026-08-12-wording-drift.json).
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize(
    "operation, params, message",
    [("put_item", {"ExpressionAttributeNames": {"#a": "a"}},
      "ExpressionAttributeNames can only be specified when using expressions"),
     ("put_item", {"ExpressionAttributeValues": {":a": {"N": "1"}}},
      "ExpressionAttributeValues can only be specified when using expressions"),
     ("delete_item", {"ExpressionAttributeNames": {"#a": "a"}},
      "ExpressionAttributeNames can only be specified when using expressions"),
     ("delete_item", {"ExpressionAttributeValues": {":a": {"N": "1"}}},
      "ExpressionAttributeValues can only be specified when using expressions")],
)
def test_condition_placeholders_without_expression_rejected(raw_client, eval_table, operation, params,
                                                            message):
    target = {"Item": EVAL_WIRE} if operation == "put_item" else {"Key": {"p": {"S": "eval"}}}
    got = failure(getattr(raw_client, operation), TableName=eval_table, **target, **params)
    assert got == item_write_validation(message)


# ConditionExpression cannot be combined with the classic Expected parameter.
@ITEM_WRITE_ENVELOPE
def test_condition_with_expected_rejected(raw_client, eval_table):
    got = failure(raw_client.put_item, TableName=eval_table, Item=EVAL_WIRE,
                  ConditionExpression="attribute_exists(n)",
                  Expected={"n": {"Exists": True, "Value": {"N": "10"}}})
    assert got == item_write_validation(
        "Can not use both expression and non-expression parameters in the same request: "
        "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}")
