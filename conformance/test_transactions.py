"""TransactWriteItems and TransactGetItems: all or nothing, CancellationReasons in action order,
one action per item, ClientRequestToken idempotency, snapshot reads. Messages from
/work/notes/messages-batch-txn.md (DynamoDB Local, checked against Alternator's and dynalite's
recordings of the real service)."""

import pytest
from botocore.exceptions import ClientError

from conftest import failure, unique_name, validation

CANCELED = "TransactionCanceledException"


def put(table, item, **extra):
    return {"Put": dict(TableName=table, Item=item, **extra)}


def update(table, key, expression, **extra):
    return {"Update": dict(TableName=table, Key=key, UpdateExpression=expression, **extra)}


def delete(table, key, **extra):
    return {"Delete": dict(TableName=table, Key=key, **extra)}


def check(table, key, condition, **extra):
    return {"ConditionCheck": dict(TableName=table, Key=key, ConditionExpression=condition, **extra)}


def get(table, key, **extra):
    return {"Get": dict(TableName=table, Key=key, **extra)}


def key(p):
    return {"p": {"S": p}}


def items_of(client, table):
    return sorted(client.scan(TableName=table, ConsistentRead=True)["Items"], key=lambda i: i["p"]["S"])


def canceled(call, **params):
    """(message, CancellationReasons) of a transaction that must be canceled."""
    with pytest.raises(ClientError) as excinfo:
        call(**params)
    response = excinfo.value.response
    assert response["Error"]["Code"] == CANCELED
    return response["Error"]["Message"], response["CancellationReasons"]


def test_write_applies_every_action_across_tables(client, create_table):
    first, second = create_table(), create_table()
    client.put_item(TableName=first, Item=dict(key("old"), n={"N": "1"}))
    client.put_item(TableName=first, Item=dict(key("gone"), n={"N": "1"}))
    client.put_item(TableName=second, Item=dict(key("guard"), ok={"BOOL": True}))
    answer = client.transact_write_items(TransactItems=[
        put(first, dict(key("new"), n={"N": "7"}), ConditionExpression="attribute_not_exists(p)"),
        update(first, key("old"), "SET n = n + :one", ExpressionAttributeValues={":one": {"N": "1"}}),
        delete(first, key("gone")),
        check(second, key("guard"), "ok = :yes", ExpressionAttributeValues={":yes": {"BOOL": True}}),
        put(second, dict(key("new"), s={"S": "x"})),
    ])
    assert set(answer) == {"ResponseMetadata"}
    assert items_of(client, first) == [dict(key("new"), n={"N": "7"}), dict(key("old"), n={"N": "2"})]
    assert items_of(client, second) == [dict(key("guard"), ok={"BOOL": True}),
                                       dict(key("new"), s={"S": "x"})]


def test_failed_condition_cancels_everything_with_reasons_in_order(client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item=dict(key("a"), n={"N": "1"}))
    client.put_item(TableName=table, Item=dict(key("b"), n={"N": "1"}))
    before = items_of(client, table)
    message, reasons = canceled(client.transact_write_items, TransactItems=[
        put(table, dict(key("c"), n={"N": "3"})),
        update(table, key("a"), "SET n = :two", ConditionExpression="n = :two",
               ExpressionAttributeValues={":two": {"N": "2"}}),
        delete(table, key("b")),
        check(table, key("zz"), "attribute_exists(p)"),
    ])
    assert message == ("Transaction cancelled, please refer cancellation reasons for specific "
                       "reasons [None, ConditionalCheckFailed, None, ConditionalCheckFailed]")
    assert [reason["Code"] for reason in reasons] == ["None", "ConditionalCheckFailed", "None",
                                                       "ConditionalCheckFailed"]
    assert reasons[0] == {"Code": "None"}
    assert reasons[1]["Message"].startswith("The conditional request failed")
    assert "Item" not in reasons[1]
    assert items_of(client, table) == before


def test_all_old_returns_the_item_in_the_reason(client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item=dict(key("a"), n={"N": "1"}))
    _, reasons = canceled(client.transact_write_items, TransactItems=[
        check(table, key("a"), "n = :two", ExpressionAttributeValues={":two": {"N": "2"}},
              ReturnValuesOnConditionCheckFailure="ALL_OLD"),
        # A missing item has nothing to return.
        delete(table, key("missing"), ConditionExpression="attribute_exists(p)",
               ReturnValuesOnConditionCheckFailure="ALL_OLD"),
    ])
    assert reasons[0]["Item"] == dict(key("a"), n={"N": "1"})
    assert reasons[1]["Code"] == "ConditionalCheckFailed" and "Item" not in reasons[1]


# An update that cannot apply cancels the transaction with a ValidationError reason (the
# reason codes of the API Reference's TransactWriteItems page).
def test_item_too_large_after_update_is_a_validation_error_reason(client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item=dict(key("big"), s={"S": "x" * 300_000}))
    _, reasons = canceled(client.transact_write_items, TransactItems=[
        put(table, key("other")),
        update(table, key("big"), "SET t = :t", ExpressionAttributeValues={":t": {"S": "y" * 200_000}}),
    ])
    assert reasons[0] == {"Code": "None"}
    assert reasons[1] == {"Code": "ValidationError",
                          "Message": "Item size to update has exceeded the maximum allowed size"}
    assert client.get_item(TableName=table, Key=key("other")).get("Item") is None


def test_key_of_wrong_type_is_a_validation_error_reason(client, create_table):
    table = create_table()
    _, reasons = canceled(client.transact_write_items, TransactItems=[
        put(table, key("ok")),
        put(table, {"p": {"N": "1"}}),
    ])
    assert reasons[0] == {"Code": "None"}
    assert reasons[1]["Code"] == "ValidationError"
    assert "Type mismatch for key" in reasons[1]["Message"]


# An empty string key fails the whole request, not one action (the same text in eu-west-2,
# us-east-1, ap-southeast-2, eu-central-1: paritysuite/dynamodb-conformance PR #60, 2026;
# /work/notes/messages-2026.md B21).
EMPTY_KEY = ("One or more parameter values are not valid. The AttributeValue for a key attribute "
             "cannot contain an empty string value. Key: p")


@pytest.mark.parametrize("action", [
    lambda t: put(t, key("")),
    lambda t: update(t, key(""), "SET n = :v", ExpressionAttributeValues={":v": {"N": "1"}}),
    lambda t: delete(t, key("")),
    lambda t: check(t, key(""), "attribute_exists(p)"),
])
def test_empty_string_key_fails_the_whole_request(client, create_table, action):
    table = create_table()
    assert failure(client.transact_write_items,
                   TransactItems=[put(table, key("a")), action(table)]) == validation(EMPTY_KEY)
    assert client.get_item(TableName=table, Key=key("a")).get("Item") is None


# DynamoDB checks every action's input before the one-item rule (/work/notes/messages-2026.md,
# "Validation order" 11).
@pytest.mark.oracle_deviation("DynamoDB Local applies the one-item rule first")
def test_empty_string_key_is_checked_before_the_one_item_rule(client, create_table):
    table = create_table()
    assert failure(client.transact_write_items,
                   TransactItems=[put(table, key("a")), put(table, key("a")), put(table, key(""))]) == \
        validation(EMPTY_KEY)


def test_updating_a_key_attribute_is_a_validation_error_reason(client, create_table):
    table = create_table()
    _, reasons = canceled(client.transact_write_items, TransactItems=[
        update(table, key("a"), "SET p = :v", ExpressionAttributeValues={":v": {"S": "b"}}),
    ])
    assert reasons == [{"Code": "ValidationError", "Message": (
        "One or more parameter values were invalid: Cannot update attribute p. "
        "This attribute is part of the key")}]


@pytest.mark.parametrize("second", [
    lambda t: put(t, key("a")),
    lambda t: update(t, key("a"), "SET n = :v", ExpressionAttributeValues={":v": {"N": "1"}}),
    lambda t: delete(t, key("a")),
    lambda t: check(t, key("a"), "attribute_exists(p)"),
])
def test_two_actions_on_one_item_are_refused(client, create_table, second):
    table = create_table()
    assert failure(client.transact_write_items,
                   TransactItems=[put(table, dict(key("a"), n={"N": "0"})), second(table)]) == \
        validation("Transaction request cannot include multiple operations on one item")
    assert items_of(client, table) == []


def test_one_key_in_two_tables_is_two_items(client, create_table):
    first, second = create_table(), create_table()
    client.transact_write_items(TransactItems=[put(first, key("a")), put(second, key("a"))])
    assert items_of(client, first) == items_of(client, second) == [key("a")]


def test_missing_table_is_resource_not_found(client, create_table):
    table = create_table()
    code, _, status = failure(client.transact_write_items,
                              TransactItems=[put(table, key("a")), put("no_such_table", key("a"))])
    assert (code, status) == ("ResourceNotFoundException", 400)
    assert items_of(client, table) == []


@pytest.mark.oracle_deviation("DynamoDB Local omits the '1 validation error detected' prefix")
@pytest.mark.parametrize("items, message", [
    (None, "Value null at 'transactItems' failed to satisfy constraint: Member must not be null"),
    ([], "Value '[]' at 'transactItems' failed to satisfy constraint: "
         "Member must have length greater than or equal to 1"),
])
def test_transact_items_must_be_a_non_empty_list(raw_client, items, message):
    params = {} if items is None else {"TransactItems": items}
    assert failure(raw_client.transact_write_items, **params) == \
        validation("1 validation error detected: " + message)


def test_more_than_100_actions_are_refused(raw_client, create_table):
    table = create_table()
    code, message, _ = failure(raw_client.transact_write_items,
                               TransactItems=[put(table, key(str(i))) for i in range(101)])
    assert code == "ValidationException"
    assert "Member must have length less than or equal to 100" in message


def test_100_actions_are_accepted(client, create_table):
    table = create_table()
    client.transact_write_items(TransactItems=[put(table, key(f"{i:03}")) for i in range(100)])
    assert len(items_of(client, table)) == 100


@pytest.mark.oracle_deviation("DynamoDB Local omits the '1 validation error detected' prefix")
def test_missing_members_are_listed_together(raw_client, create_table):
    table = create_table()
    message = failure(raw_client.transact_write_items, TransactItems=[
        {"Put": {"TableName": table}},
        {"ConditionCheck": {"TableName": table, "Key": key("a")}},
    ])
    assert message == validation(
        "2 validation errors detected: "
        "Value null at 'transactItems.1.member.put.item' failed to satisfy constraint: "
        "Member must not be null; "
        "Value null at 'transactItems.2.member.conditionCheck.conditionExpression' failed to "
        "satisfy constraint: Member must not be null")


def test_an_element_with_two_actions_is_refused(raw_client, create_table):
    table = create_table()
    element = dict(put(table, key("a")), **delete(table, key("b")))
    assert failure(raw_client.transact_write_items, TransactItems=[element]) == \
        validation("TransactItems can only contain one of Check, Put, Update or Delete")


def test_an_element_without_action_is_refused(raw_client):
    assert failure(raw_client.transact_write_items, TransactItems=[{}]) == validation(
        "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request")


def test_payload_over_4_mb_is_refused(client, create_table):
    table = create_table()
    # Eleven items of 400,001 bytes each (name "s" plus 400,000 characters, key "p" plus 4).
    actions = [put(table, {"p": {"S": f"k{i:03}"}, "s": {"S": "x" * 399_995}}) for i in range(11)]
    assert failure(client.transact_write_items, TransactItems=actions) == validation(
        "Transaction payload size cannot exceed 4MB. Payload Size: 4400011")


def test_expression_errors_refuse_the_whole_request(client, create_table):
    table = create_table()
    assert failure(client.transact_write_items, TransactItems=[
        put(table, key("a")),
        check(table, key("b"), "attribute_exists(p)", ExpressionAttributeValues={":u": {"N": "1"}}),
    ]) == validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {:u}")


def test_same_token_and_request_writes_once(client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item=dict(key("c"), n={"N": "0"}))
    increment = [update(table, key("c"), "ADD n :one", ExpressionAttributeValues={":one": {"N": "1"}})]
    token = unique_name("token")  # tokens live for 10 minutes, across tests
    for _ in range(3):
        client.transact_write_items(TransactItems=increment, ClientRequestToken=token)
    assert client.get_item(TableName=table, Key=key("c"))["Item"]["n"] == {"N": "1"}
    # A new token is a new request.
    client.transact_write_items(TransactItems=increment, ClientRequestToken=unique_name("token"))
    assert client.get_item(TableName=table, Key=key("c"))["Item"]["n"] == {"N": "2"}


def test_same_token_with_another_request_is_a_mismatch(client, create_table):
    table = create_table()
    token = unique_name("token")
    client.transact_write_items(TransactItems=[put(table, key("a"))], ClientRequestToken=token)
    code, _, status = failure(client.transact_write_items,
                              TransactItems=[put(table, key("b"))], ClientRequestToken=token)
    assert (code, status) == ("IdempotentParameterMismatchException", 400)
    assert items_of(client, table) == [key("a")]


def test_canceled_request_is_not_remembered_by_its_token(client, create_table):
    table = create_table()
    guarded = [put(table, key("a"), ConditionExpression="attribute_exists(p)")]
    token = unique_name("token")
    canceled(client.transact_write_items, TransactItems=guarded, ClientRequestToken=token)
    client.put_item(TableName=table, Item=dict(key("a"), n={"N": "1"}))
    client.transact_write_items(TransactItems=guarded, ClientRequestToken=token)
    assert items_of(client, table) == [key("a")]


@pytest.mark.oracle_deviation("DynamoDB Local omits the prefix and the quotes around the value")
def test_token_longer_than_36_characters_is_refused(raw_client, create_table):
    table = create_table()
    token = "t" * 37
    assert failure(raw_client.transact_write_items, TransactItems=[put(table, key("a"))],
                   ClientRequestToken=token) == validation(
        f"1 validation error detected: Value '{token}' at 'clientRequestToken' failed to satisfy "
        "constraint: Member must have length less than or equal to 36")


def test_get_reads_items_in_order_with_projection(client, create_table):
    first, second = create_table(), create_table()
    client.put_item(TableName=first, Item=dict(key("a"), n={"N": "1"}, m={"M": {"x": {"S": "y"}}}))
    client.put_item(TableName=second, Item=dict(key("a"), s={"S": "t"}))
    answer = client.transact_get_items(TransactItems=[
        get(second, key("a")),
        get(first, key("missing")),
        get(first, key("a"), ProjectionExpression="#m.x", ExpressionAttributeNames={"#m": "m"}),
        get(second, key("a2"), ProjectionExpression="s"),
    ])
    assert answer["Responses"] == [
        {"Item": dict(key("a"), s={"S": "t"})},
        {},
        {"Item": {"m": {"M": {"x": {"S": "y"}}}}},
        {},
    ]


def test_get_with_no_projected_attribute_answers_an_empty_item(client, create_table):
    table = create_table()
    client.put_item(TableName=table, Item=key("a"))
    answer = client.transact_get_items(TransactItems=[get(table, key("a"), ProjectionExpression="n")])
    assert answer["Responses"] == [{"Item": {}}]


def test_two_gets_of_one_item_are_refused(client, create_table):
    table = create_table()
    assert failure(client.transact_get_items,
                   TransactItems=[get(table, key("a")), get(table, key("a"))]) == \
        validation("Transaction request cannot include multiple operations on one item")


def test_get_of_missing_table_is_resource_not_found(client):
    code, _, _ = failure(client.transact_get_items, TransactItems=[get("no_such_table", key("a"))])
    assert code == "ResourceNotFoundException"


@pytest.mark.oracle_deviation("DynamoDB Local says 'Member must not be null' at 'transactItems'")
def test_get_element_without_get_is_refused(raw_client, create_table):
    table = create_table()
    assert failure(raw_client.transact_get_items,
                   TransactItems=[get(table, key("a")), {}]) == validation(
        "1 validation error detected: Value null at 'transactItems.2.member.get' failed to "
        "satisfy constraint: Member must not be null")
