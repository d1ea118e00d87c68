"""The classic (pre-2014) conditions: Expected with ConditionalOperator on PutItem, UpdateItem and
DeleteItem, and ScanFilter, in both the Exists/Value and the ComparisonOperator/AttributeValueList
forms; every ComparisonOperator with DynamoDB's rules for its values; the errors of a malformed
condition; the same condition as a ConditionExpression or FilterExpression twin giving the same
answer. Texts: /work/notes/messages-classic.md."""

import json

import pytest
from boto3.dynamodb.types import TypeDeserializer
from botocore.exceptions import ClientError

from conftest import (
    ITEM_WRITE_ENVELOPE,
    failure,
    item_write_validation,
    scoped_table,
    validation,
    wire,
)
from test_protocol import post

CONDITION_FAILED = ("ConditionalCheckFailedException", "The conditional request failed", 400)
INVALID = "One or more parameter values were invalid: "
OPERATORS = ("[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, "
             "CONTAINS]")
LOCAL_ENUMS = "DynamoDB Local checks ComparisonOperator and ConditionalOperator its own way"
LOCAL_NUMBER = "DynamoDB Local says 'A value provided cannot be converted into a number'"

ITEM = {
    "p": "k",
    "s": "hello",
    "n": 5,
    "b": b"hi there",
    "ss": {"a", "b"},
    "ns": {1, 2},
    "l": [1, "a", [2]],
    "m": {"x": 1},
    "t": True,
    "z": None,
    "x.y": "literal",
    "x": {"y": "nested"},
}
ITEM_WIRE = {name: wire(value) for name, value in ITEM.items()}


@pytest.fixture(scope="module")
def table(client, raw_client):
    """A table holding ITEM for the module; conditions are checked by re-putting the same item,
    so a write that happens changes nothing."""
    with scoped_table(client, raw_client, "classic", KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
                      AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}]) as name:
        client.put_item(TableName=name, Item=ITEM_WIRE)
        yield name


def condition(op, values):
    """An Expected or ScanFilter entry; values are Python values."""
    return {"ComparisonOperator": op, "AttributeValueList": [wire(v) for v in values]}


def put_holds(client, table, **params):
    """True when PutItem of ITEM with these parameters writes, False when its condition fails."""
    try:
        client.put_item(TableName=table, Item=ITEM_WIRE, **params)
        return True
    except ClientError as err:
        if err.response["Error"]["Code"] == "ConditionalCheckFailedException":
            return False
        raise


def scan_finds(client, table, **params):
    """True when a Scan with these parameters returns ITEM."""
    return client.scan(TableName=table, **params)["Count"] == 1


def expected_holds(client, table, expected, **params):
    return put_holds(client, table, Expected=expected, **params)


def stored(client, table):
    return client.get_item(TableName=table, Key={"p": {"S": "k"}}, ConsistentRead=True).get("Item")


def unchanged(client, table):
    """True when the table still holds ITEM as it was (sets in any order)."""
    item = stored(client, table)
    return {name: TypeDeserializer().deserialize(value) for name, value in item.items()} == ITEM


# --- Every operator, against every type ------------------------------------------------------

# (operator, values, attribute, whether it holds for ITEM): DynamoDB's comparison rules; values
# of another type are unequal and unordered, never an error.
TRUTHS = [
    ("EQ", [5], "n", True), ("EQ", ["5"], "n", False), ("EQ", [{"b", "a"}], "ss", True),
    ("EQ", [[1, "a", [2]]], "l", True), ("EQ", [{"x": 1}], "m", True), ("EQ", [None], "z", True),
    ("EQ", [True], "t", True), ("EQ", [5], "missing", False),
    ("NE", [6], "n", True), ("NE", [5], "n", False), ("NE", ["5"], "n", True),
    ("NE", [5], "missing", True),
    ("LT", [6], "n", True), ("LT", [5], "n", False), ("LT", ["help"], "s", True),
    ("LE", [5], "n", True), ("LE", [b"hi"], "b", False), ("LE", ["5"], "n", False),
    ("GT", [4], "n", True), ("GT", ["hello"], "s", False), ("GT", [b"a"], "b", True),
    ("GE", [5], "n", True), ("GE", [6], "n", False), ("GE", [1], "missing", False),
    ("NOT_NULL", [], "z", True), ("NOT_NULL", [], "missing", False),
    ("NULL", [], "missing", True), ("NULL", [], "z", False),
    ("CONTAINS", ["ell"], "s", True), ("CONTAINS", [2], "ns", True), ("CONTAINS", ["a"], "l", True),
    ("CONTAINS", [b"here"], "b", True), ("CONTAINS", [5], "n", False), ("CONTAINS", [True], "t", False),
    ("CONTAINS", ["a"], "missing", False),
    ("NOT_CONTAINS", ["dog"], "s", True), ("NOT_CONTAINS", ["a"], "ss", False),
    ("NOT_CONTAINS", [3], "l", True), ("NOT_CONTAINS", [5], "n", True),
    ("NOT_CONTAINS", ["a"], "missing", False),
    ("BEGINS_WITH", ["hel"], "s", True), ("BEGINS_WITH", [b"hi"], "b", True),
    ("BEGINS_WITH", ["5"], "n", False), ("BEGINS_WITH", ["x"], "missing", False),
    ("IN", [1, 5, 7], "n", True), ("IN", [1, 2], "n", False), ("IN", [1], "ns", False),
    ("IN", ["hello", "x"], "s", True),
    ("BETWEEN", [1, 5], "n", True), ("BETWEEN", [6, 9], "n", False), ("BETWEEN", ["a", "z"], "s", True),
    ("BETWEEN", [1, 9], "s", False), ("BETWEEN", [b"a", b"z"], "b", True),
]


@pytest.mark.parametrize("op, values, attribute, holds", TRUTHS)
def test_expected_operator(client, table, op, values, attribute, holds):
    assert expected_holds(client, table, {attribute: condition(op, values)}) is holds


@pytest.mark.parametrize("op, values, attribute, holds", TRUTHS)
def test_scan_filter_operator(client, table, op, values, attribute, holds):
    assert scan_finds(client, table, ScanFilter={attribute: condition(op, values)}) is holds


# A classic attribute name is one top-level attribute: "x.y" is not a path.
def test_classic_names_are_top_level(client, table):
    assert expected_holds(client, table, {"x.y": {"Value": {"S": "literal"}}})
    assert scan_finds(client, table, ScanFilter={"x.y": condition("EQ", ["literal"])})
    assert not scan_finds(client, table, ScanFilter={"x.y": condition("EQ", ["nested"])})


# --- The same condition as an expression ------------------------------------------------------

def twin_expression(op, count):
    """The ConditionExpression that means what `op` means (for an attribute that exists)."""
    values = [f":v{i}" for i in range(count)]
    if op == "IN":
        return f"#a IN ({', '.join(values)})"
    return {
        "EQ": "#a = :v0", "NE": "#a <> :v0", "LT": "#a < :v0", "LE": "#a <= :v0", "GT": "#a > :v0",
        "GE": "#a >= :v0", "NOT_NULL": "attribute_exists(#a)", "NULL": "attribute_not_exists(#a)",
        "CONTAINS": "contains(#a, :v0)", "NOT_CONTAINS": "NOT contains(#a, :v0)",
        "BEGINS_WITH": "begins_with(#a, :v0)", "BETWEEN": "#a BETWEEN :v0 AND :v1",
    }[op]


def twin_params(op, values, attribute, member):
    params = {member: twin_expression(op, len(values)), "ExpressionAttributeNames": {"#a": attribute}}
    if values:
        params["ExpressionAttributeValues"] = {f":v{i}": wire(v) for i, v in enumerate(values)}
    return params


# NOT_CONTAINS's twin holds for a missing attribute where NOT_CONTAINS does not (tested below).
TWINS = [case[:3] for case in TRUTHS if not (case[0] == "NOT_CONTAINS" and case[2] == "missing")]


@pytest.mark.parametrize("op, values, attribute", TWINS)
def test_expected_and_condition_expression_agree(client, table, op, values, attribute):
    classic = expected_holds(client, table, {attribute: condition(op, values)})
    expression = put_holds(client, table, **twin_params(op, values, attribute, "ConditionExpression"))
    assert classic is expression


@pytest.mark.parametrize("op, values, attribute", TWINS)
def test_scan_filter_and_filter_expression_agree(client, table, op, values, attribute):
    classic = client.scan(TableName=table, ScanFilter={attribute: condition(op, values)})
    expression = client.scan(TableName=table, **twin_params(op, values, attribute, "FilterExpression"))
    assert classic["Items"] == expression["Items"]
    assert classic["ScannedCount"] == expression["ScannedCount"]


# NOT_CONTAINS fails for a missing attribute (and so does CONTAINS), where NOT contains(a, :v)
# holds; NE holds for it, as <> does (Alternator's test_expected.py, recorded on DynamoDB).
def test_not_contains_on_a_missing_attribute_is_false(client, table):
    assert not expected_holds(client, table, {"missing": condition("NOT_CONTAINS", ["a"])})
    assert put_holds(client, table, **twin_params("NOT_CONTAINS", ["a"], "missing", "ConditionExpression"))
    assert not scan_finds(client, table, ScanFilter={"missing": condition("NOT_CONTAINS", ["a"])})


# --- The Exists / Value form ---------------------------------------------------------------------

@pytest.mark.parametrize("expected, holds", [
    ({"n": {"Value": {"N": "5"}}}, True),
    ({"n": {"Value": {"N": "6"}}}, False),
    ({"n": {"Exists": True, "Value": {"N": "5"}}}, True),
    ({"missing": {"Value": {"N": "5"}}}, False),
    ({"missing": {"Exists": False}}, True),
    ({"n": {"Exists": False}}, False),
    ({"p": {"Exists": False}}, False),
    ({"n": {"ComparisonOperator": "GE", "Value": {"N": "5"}}}, True),
    ({"ss": {"Value": {"SS": ["b", "a"]}}}, True),
    ({"m": {"Value": {"M": {"x": {"N": "1"}}}}}, True),
    ({}, True),
], ids=["value", "other-value", "exists-true", "missing-value", "exists-false", "exists-false-present",
        "key-exists-false", "operator-with-value", "set-any-order", "map", "empty"])
def test_expected_value_and_exists(client, table, expected, holds):
    assert expected_holds(client, table, expected) is holds


# Exists false on the key is how a classic client writes "only if absent".
def test_expected_exists_false_on_a_missing_item(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}}, Expected={"p": {"Exists": False}})
    got = failure(client.put_item, TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}},
                  Expected={"p": {"Exists": False}})
    assert got == CONDITION_FAILED
    assert stored(client, name) == {"p": {"S": "k"}}


# --- ConditionalOperator -------------------------------------------------------------------------

# AND (the default) needs every condition, OR one of them.
@pytest.mark.parametrize("operator, expected, holds", [
    (None, {"n": {"Value": {"N": "5"}}, "missing": {"Exists": False}}, True),
    ("AND", {"n": {"Value": {"N": "5"}}, "missing": {"Exists": False}}, True),
    ("AND", {"n": {"Value": {"N": "6"}}, "missing": {"Exists": False}}, False),
    ("OR", {"n": {"Value": {"N": "6"}}, "missing": {"Exists": False}}, True),
    ("OR", {"n": {"Value": {"N": "6"}}, "s": {"Exists": False}}, False),
])
def test_conditional_operator(client, table, operator, expected, holds):
    extra = {"ConditionalOperator": operator} if operator else {}
    assert expected_holds(client, table, expected, **extra) is holds
    scan_filter = {"n": condition("EQ", [6]), "s": condition("EQ", ["hello"])}
    assert scan_finds(client, table, ScanFilter=scan_filter, ConditionalOperator="OR")
    assert not scan_finds(client, table, ScanFilter=scan_filter, ConditionalOperator="AND")


# ConditionalOperator needs two or more conditions to join (ExtendDB's tests, verified on DynamoDB).
@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("params, message", [
    ({"ConditionalOperator": "AND"}, "ConditionalOperator cannot be used without Filter or Expected"),
    ({"ConditionalOperator": "OR", "Expected": {}},
     "ConditionalOperator cannot be used without Filter or Expected"),
    ({"ConditionalOperator": "OR", "Expected": {"n": {"Exists": False}}},
     "ConditionalOperator can only be used when Filter or Expected has two or more elements"),
])
def test_conditional_operator_needs_conditions(raw_client, table, params, message):
    assert failure(raw_client.put_item, TableName=table, Item=ITEM_WIRE, **params) == item_write_validation(message)
    assert failure(raw_client.delete_item, TableName=table, Key={"p": {"S": "k"}},
                   **params) == item_write_validation(message)


def test_conditional_operator_needs_a_filter(raw_client, table):
    assert failure(raw_client.scan, TableName=table, ConditionalOperator="AND") == validation(
        "ConditionalOperator cannot be used without Filter or Expected")
    assert failure(raw_client.scan, TableName=table, ConditionalOperator="OR",
                   ScanFilter={"n": condition("NULL", [])}) == validation(
        "ConditionalOperator can only be used when Filter or Expected has two or more elements")


# --- DeleteItem and UpdateItem ---------------------------------------------------------------------

def test_delete_item_expected(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    got = failure(client.delete_item, TableName=name, Key={"p": {"S": "k"}},
                  Expected={"a": {"Value": {"N": "2"}}})
    assert got == CONDITION_FAILED
    client.delete_item(TableName=name, Key={"p": {"S": "k"}},
                       Expected={"a": condition("IN", [1, 2]), "b": condition("NULL", [])})
    assert stored(client, name) is None


def test_update_item_expected(client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    got = failure(client.update_item, TableName=name, Key={"p": {"S": "k"}},
                  AttributeUpdates={"b": {"Value": {"N": "1"}}}, Expected={"a": condition("GT", [1])})
    assert got == CONDITION_FAILED
    client.update_item(TableName=name, Key={"p": {"S": "k"}}, AttributeUpdates={"b": {"Value": {"N": "1"}}},
                       Expected={"a": condition("LE", [1])})
    assert stored(client, name) == {"p": {"S": "k"}, "a": {"N": "1"}, "b": {"N": "1"}}


# A failed classic condition returns the item on request, as ConditionExpression's does.
def test_expected_failure_returns_the_old_item(endpoint, client, create_table):
    name = create_table()
    client.put_item(TableName=name, Item={"p": {"S": "k"}, "a": {"N": "1"}})
    body = {"TableName": name, "Key": {"p": {"S": "k"}}, "Expected": {"a": {"Value": {"N": "2"}}},
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}
    response = post(endpoint, json.dumps(body).encode(), target="DynamoDB_20120810.DeleteItem")
    assert response.status == 400
    assert response.json()["Item"] == {"p": {"S": "k"}, "a": {"N": "1"}}


# --- Malformed conditions ---------------------------------------------------------------------------

# The shape of an Expected entry, then its values, then the values against the operator; texts
# from dynalite's and Alternator's tests (recorded on DynamoDB) and DynamoDB Local.
EXPECTED_ERRORS = [
    ({"a": {}}, INVALID + "Value must be provided when Exists is null for Attribute: a"),
    ({"a": {"Exists": True}}, INVALID + "Value must be provided when Exists is true for Attribute: a"),
    ({"a": {"Exists": False, "Value": {"N": "1"}}},
     INVALID + "Value cannot be used when Exists is false for Attribute: a"),
    ({"a": {"Value": {"N": "1"}, "AttributeValueList": [{"N": "1"}]}},
     INVALID + "Value and AttributeValueList cannot be used together for Attribute: a"),
    ({"a": {"ComparisonOperator": "EQ", "Exists": True, "AttributeValueList": [{"N": "1"}]}},
     INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: a"),
    ({"a": {"ComparisonOperator": "EQ"}},
     INVALID + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a"),
    ({"a": {"AttributeValueList": [{"N": "1"}]}},
     INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a"),
    ({"a": {"Value": {}}},
     "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"),
    ({"a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"SS": []}]}},
     INVALID + "An string set  may not be empty"),
    ({"a": {"ComparisonOperator": "NULL", "Value": {"N": "1"}}},
     INVALID + "Invalid number of argument(s) for the NULL ComparisonOperator"),
    ({"": {"Exists": False}}, "Empty attribute name"),
]


@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("expected, message", EXPECTED_ERRORS)
def test_expected_errors(raw_client, table, expected, message):
    assert failure(raw_client.put_item, TableName=table, Item={**ITEM_WIRE, "new": {"S": "x"}},
                   Expected=expected) == item_write_validation(message)
    assert failure(raw_client.update_item, TableName=table, Key={"p": {"S": "k"}},
                   AttributeUpdates={"new": {"Value": {"S": "x"}}}, Expected=expected) == item_write_validation(message)
    assert unchanged(raw_client, table)


# How many values each operator takes, of which types; the same rules hold in Expected and in
# the filters (DynamoDB Local over every operator, type and count; dynalite's tests).
ARGUMENT_ERRORS = [
    ("EQ", [], "Invalid number of argument(s) for the EQ ComparisonOperator"),
    ("NE", [1, 2], "Invalid number of argument(s) for the NE ComparisonOperator"),
    ("NOT_NULL", [1], "Invalid number of argument(s) for the NOT_NULL ComparisonOperator"),
    ("IN", [], "Invalid number of argument(s) for the IN ComparisonOperator"),
    ("BETWEEN", [1], "Invalid number of argument(s) for the BETWEEN ComparisonOperator"),
    ("BETWEEN", [1, 2, 3], "Invalid number of argument(s) for the BETWEEN ComparisonOperator"),
    ("IN", [1, "a"], "AttributeValues inside AttributeValueList must be of same type"),
    ("BETWEEN", [1, "z"], "AttributeValues inside AttributeValueList must be of same type"),
    ("LT", [True], "ComparisonOperator LT is not valid for BOOL AttributeValue type"),
    ("GE", [{"a"}], "ComparisonOperator GE is not valid for SS AttributeValue type"),
    ("GT", [[1]], "ComparisonOperator GT is not valid for L AttributeValue type"),
    ("LE", [None], "ComparisonOperator LE is not valid for NULL AttributeValue type"),
    ("IN", [{"x": 1}], "ComparisonOperator IN is not valid for M AttributeValue type"),
    ("CONTAINS", [{1}], "ComparisonOperator CONTAINS is not valid for NS AttributeValue type"),
    ("NOT_CONTAINS", [[1]], "ComparisonOperator NOT_CONTAINS is not valid for L AttributeValue type"),
    ("BEGINS_WITH", [1], "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type"),
    ("BETWEEN", [True, False], "ComparisonOperator BETWEEN is not valid for BOOL AttributeValue type"),
]


@ITEM_WRITE_ENVELOPE
@pytest.mark.parametrize("op, values, detail", ARGUMENT_ERRORS)
def test_argument_errors(raw_client, table, op, values, detail):
    entry = {"a": condition(op, values)}
    assert failure(raw_client.put_item, TableName=table, Item=ITEM_WIRE,
                   Expected=entry) == item_write_validation(INVALID + detail)
    # Scan keeps the bare text (the older wording).
    assert failure(raw_client.scan, TableName=table, ScanFilter=entry) == validation(INVALID + detail)


@ITEM_WRITE_ENVELOPE
def test_between_bounds_out_of_order(raw_client, table):
    message = "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"
    for values in ([9, 1], ["z", "a"], [b"z", b"a"]):
        entry = {"a": condition("BETWEEN", values)}
        assert failure(raw_client.put_item, TableName=table, Item=ITEM_WIRE,
                       Expected=entry) == item_write_validation(message)
        assert failure(raw_client.scan, TableName=table, ScanFilter=entry) == validation(message)


# A value in a condition is checked as any attribute value is (dynalite's tests).
@pytest.mark.oracle_deviation(LOCAL_NUMBER)
def test_condition_values_are_checked(raw_client, table):
    assert failure(raw_client.scan, TableName=table, ScanFilter={
        "a": {"ComparisonOperator": "EQ", "AttributeValueList": [{"N": "x"}]}}) == validation(
        "The parameter cannot be converted to a numeric value: x")


# The enums of the API model come first, with the other member constraints.
@pytest.mark.oracle_deviation(LOCAL_ENUMS)
def test_operator_enums(raw_client, table):
    assert failure(raw_client.put_item, TableName=table, Item=ITEM_WIRE,
                   Expected={"a": {"ComparisonOperator": "eq", "Value": {"N": "1"}}}) == validation(
        "1 validation error detected: Value 'eq' at 'expected.a.member.comparisonOperator' failed to "
        "satisfy constraint: Member must satisfy enum value set: " + OPERATORS)
    assert failure(raw_client.scan, TableName=table, ScanFilter={"a": {}, "b": condition("NULL", [])},
                   ConditionalOperator="XOR") == validation(
        "2 validation errors detected: Value null at 'scanFilter.a.member.comparisonOperator' failed "
        "to satisfy constraint: Member must not be null; Value 'XOR' at 'conditionalOperator' failed "
        "to satisfy constraint: Member must satisfy enum value set: [OR, AND]")


# --- Mixing with expressions ----------------------------------------------------------------------

# ExtendDB's tests, verified on DynamoDB: every classic member on one side, every expression on
# the other, each in DynamoDB's order.
@ITEM_WRITE_ENVELOPE
def test_classic_and_expression_members_do_not_mix(raw_client, table):
    assert failure(raw_client.put_item, TableName=table, Item=ITEM_WIRE,
                   Expected={"n": condition("EQ", [5]), "s": condition("NULL", [])}, ConditionalOperator="AND",
                   ConditionExpression="attribute_exists(p)") == item_write_validation(
        "Can not use both expression and non-expression parameters in the same request: "
        "Non-expression parameters: {Expected, ConditionalOperator} Expression parameters: "
        "{ConditionExpression}")
    assert failure(raw_client.scan, TableName=table, ConditionalOperator="AND",
                   FilterExpression="n = :v", ExpressionAttributeValues={":v": {"N": "5"}}) == validation(
        "Can not use both expression and non-expression parameters in the same request: "
        "Non-expression parameters: {ConditionalOperator} Expression parameters: {FilterExpression}")


@ITEM_WRITE_ENVELOPE
def test_placeholder_maps_need_an_expression(raw_client, table):
    assert failure(raw_client.put_item, TableName=table, Item=ITEM_WIRE,
                   Expected={"n": {"Value": {"N": "5"}}},
                   ExpressionAttributeValues={":v": {"N": "1"}}) == item_write_validation(
        "ExpressionAttributeValues can only be specified when using expressions")


# A transaction's actions take expressions only: DynamoDB ignores an Expected there, as any member
# its shape lacks.
def test_transactions_ignore_expected(endpoint, client, create_table):
    name = create_table()
    body = {"TransactItems": [{"Put": {"TableName": name, "Item": {"p": {"S": "k"}},
                                       "Expected": {"p": {"Value": {"S": "nope"}}}}}]}
    response = post(endpoint, json.dumps(body).encode(), target="DynamoDB_20120810.TransactWriteItems")
    assert response.status == 200
    assert stored(client, name) == {"p": {"S": "k"}}
