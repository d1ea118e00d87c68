"""BatchExecuteStatement (up to 25 reads or writes, each statement's result or Error in its place,
never all or nothing) and ExecuteTransaction (up to 100 reads or writes, all or nothing,
serializable, ClientRequestToken idempotency, TransactionCanceledException with one reason per
statement in order). Behaviour from the API Reference and the Developer Guide's PartiQL batch
and transaction pages; messages as recorded in /work/notes/partiql.md."""

from concurrent.futures import ThreadPoolExecutor

import pytest
from botocore.exceptions import ClientError

from conftest import failure, make_clients, validation

LOCAL_BATCH_SELECT = ("DynamoDB Local says 'Only single item select is supported'; AWS names "
                      "BatchExecuteStatement and the primary key")
LOCAL_LIST_LIMITS = "DynamoDB Local words the Statements and TransactStatements limits its own way"
LOCAL_CANCELED_KEY = ("DynamoDB Local answers TransactionCanceledException without "
                      "CancellationReasons for a WHERE without the full key")


def S(text):
    return {"S": text}


def N(text):
    return {"N": str(text)}


def statement(text, *parameters):
    request = {"Statement": text}
    if parameters:
        request["Parameters"] = list(parameters)
    return request


def items_of(client, table):
    return sorted(client.scan(TableName=table, ConsistentRead=True)["Items"], key=lambda i: i["p"]["S"])


@pytest.fixture
def table(client, create_table):
    """Partition key p (S); items a (n = 1) and b (n = 2)."""
    name = create_table()
    client.put_item(TableName=name, Item={"p": S("a"), "n": N(1)})
    client.put_item(TableName=name, Item={"p": S("b"), "n": N(2)})
    return name


# ---- BatchExecuteStatement ----


# Reads: each SELECT names one item by its key; a missing item answers its TableName alone; a
# statement that fails answers its Error in its place.
def test_batch_reads(client, table):
    responses = client.batch_execute_statement(Statements=[
        statement(f"SELECT * FROM \"{table}\" WHERE p = 'a'"),
        statement(f"SELECT n FROM \"{table}\" WHERE p = ?", S("b")),
        statement(f"SELECT * FROM \"{table}\" WHERE p = 'missing'"),
        statement("SELECT * FROM \"no_such_table\" WHERE p = 'a'"),
        statement(f"SELECT * FROM \"{table}\" WHERE"),
    ])["Responses"]
    assert responses[0] == {"TableName": table, "Item": {"p": S("a"), "n": N(1)}}
    assert responses[1] == {"TableName": table, "Item": {"n": N(2)}}
    assert responses[2] == {"TableName": table}
    assert responses[3]["Error"]["Code"] == "ResourceNotFound"
    assert responses[4]["Error"]["Code"] == "ValidationError"
    assert responses[4]["Error"]["Message"].startswith("Statement wasn't well formed")


@pytest.mark.oracle_deviation(LOCAL_BATCH_SELECT)
def test_batch_read_must_name_one_item(client, table):
    responses = client.batch_execute_statement(Statements=[
        statement(f"SELECT * FROM \"{table}\" WHERE p = 'a' AND n = 1"),
        statement(f"SELECT * FROM \"{table}\" WHERE n = 1"),
    ])["Responses"]
    for response in responses:
        assert response["Error"] == {
            "Code": "ValidationError",
            "Message": "Select statements within BatchExecuteStatement must specify the primary "
                       "key in the where clause."}


# Writes run one by one: the ones that fail answer their Error, the others are done.
def test_batch_writes_fail_one_by_one(client, table):
    responses = client.batch_execute_statement(Statements=[
        statement(f"INSERT INTO \"{table}\" VALUE {{'p': 'c', 'n': 3}}"),
        statement(f"INSERT INTO \"{table}\" VALUE {{'p': 'a'}}"),
        statement(f"UPDATE \"{table}\" SET n = 20 WHERE p = 'b' AND n = 99"),
        statement(f"UPDATE \"{table}\" SET n = n + 1 WHERE p = ?", S("missing")),
        statement(f"DELETE FROM \"{table}\" WHERE n = 1"),
        statement(f"DELETE FROM \"{table}\" WHERE p = 'never'"),
    ])["Responses"]
    assert responses[0] == {"TableName": table}
    assert responses[1] == {"TableName": table, "Error": {
        "Code": "DuplicateItem", "Message": "Duplicate primary key exists in table"}}
    assert responses[2] == {"TableName": table, "Error": {
        "Code": "ConditionalCheckFailed", "Message": "The conditional request failed"}}
    assert responses[3]["Error"]["Code"] == "ConditionalCheckFailed"
    assert responses[4] == {"Error": {
        "Code": "ValidationError",
        "Message": "Where clause does not contain a mandatory equality on all key attributes"}}
    assert responses[5] == {"TableName": table}
    assert items_of(client, table) == [
        {"p": S("a"), "n": N(1)}, {"p": S("b"), "n": N(2)}, {"p": S("c"), "n": N(3)}]


def test_batch_of_reads_and_writes_is_refused(client, table):
    assert failure(client.batch_execute_statement, Statements=[
        statement(f"INSERT INTO \"{table}\" VALUE {{'p': 'c'}}"),
        statement(f"SELECT * FROM \"{table}\" WHERE p = 'a'"),
    ]) == validation("Read and write requests together in the same batch is not supported.")
    assert items_of(client, table) == [{"p": S("a"), "n": N(1)}, {"p": S("b"), "n": N(2)}]


def test_batch_naming_one_item_twice_is_refused(client, table):
    assert failure(client.batch_execute_statement, Statements=[
        statement(f"UPDATE \"{table}\" SET n = 5 WHERE p = 'a'"),
        statement(f"DELETE FROM \"{table}\" WHERE p = 'a'"),
    ]) == validation("Provided list of item keys contains duplicates")


# ---- ExecuteTransaction ----


# Writes commit together and answer an empty Responses list.
def test_transaction_writes_commit_together(client, table):
    answer = client.execute_transaction(TransactStatements=[
        statement(f"INSERT INTO \"{table}\" VALUE {{'p': 'c', 'n': 3}}"),
        statement(f"UPDATE \"{table}\" SET n = n + 10 WHERE p = ?", S("a")),
        statement(f"DELETE FROM \"{table}\" WHERE p = 'b'"),
    ])
    assert answer["Responses"] == []
    assert items_of(client, table) == [{"p": S("a"), "n": N(11)}, {"p": S("c"), "n": N(3)}]


# One failing statement cancels every one; the reasons come one per statement, in order.
def test_transaction_is_canceled_with_reasons_in_order(client, table):
    with pytest.raises(ClientError) as excinfo:
        client.execute_transaction(TransactStatements=[
            statement(f"UPDATE \"{table}\" SET n = 100 WHERE p = 'a'"),
            statement(f"INSERT INTO \"{table}\" VALUE {{'p': 'b'}}"),
            statement(f"UPDATE \"{table}\" SET n = 1 WHERE p = 'missing'"),
            statement(f"INSERT INTO \"{table}\" VALUE {{'p': 'new'}}"),
            statement(f"EXISTS(SELECT * FROM \"{table}\" WHERE p = 'x' AND n = 1)"),
        ])
    response = excinfo.value.response
    assert response["Error"]["Code"] == "TransactionCanceledException"
    assert [reason["Code"] for reason in response["CancellationReasons"]] == [
        "None", "ValidationError", "ConditionalCheckFailed", "None", "ConditionalCheckFailed"]
    # An INSERT of a key that exists is a ValidationError in a transaction.
    assert response["CancellationReasons"][1]["Message"] == "Duplicate primary key exists in table"
    assert response["Error"]["Message"] == (
        "Transaction cancelled, please refer cancellation reasons for specific reasons [None, "
        "ValidationError, ConditionalCheckFailed, None, ConditionalCheckFailed]")
    assert items_of(client, table) == [{"p": S("a"), "n": N(1)}, {"p": S("b"), "n": N(2)}]


# EXISTS(SELECT ...) is a transaction's condition check on one item.
def test_transaction_exists_is_a_condition_check(client, table):
    client.execute_transaction(TransactStatements=[
        statement(f"EXISTS(SELECT * FROM \"{table}\" WHERE p = 'a' AND n = 1)"),
        statement(f"UPDATE \"{table}\" SET n = 20 WHERE p = 'b'"),
    ])
    assert items_of(client, table)[1] == {"p": S("b"), "n": N(20)}
    assert failure(client.execute_transaction, TransactStatements=[
        statement(f"EXISTS(SELECT * FROM \"{table}\" WHERE p = 'a')"),
    ]) == validation("Validation failed in TransactStatements[0]: EXISTS() must contain a single "
                     "item read with additional condition")


# Reads come from one snapshot: an Item per statement, {} where there is none.
def test_transaction_reads(client, table):
    answer = client.execute_transaction(TransactStatements=[
        statement(f"SELECT * FROM \"{table}\" WHERE p = 'a'"),
        statement(f"SELECT * FROM \"{table}\" WHERE p = 'missing'"),
        statement(f"SELECT n FROM \"{table}\" WHERE p = ?", S("b")),
    ])
    assert answer["Responses"] == [{"Item": {"p": S("a"), "n": N(1)}}, {}, {"Item": {"n": N(2)}}]


TRANSACTION_ERRORS = [
    ([("SELECT * FROM \"{t}\" WHERE p = 'a'"), ("UPDATE \"{t}\" SET n = 1 WHERE p = 'b'")],
     "ExecuteTransaction API does not support both read and write operations in the same request."),
    ([("UPDATE \"{t}\" SET n = 1 WHERE p = 'a'"),
      ("UPDATE \"{t}\" SET n = 1 WHERE p = 'b' RETURNING ALL NEW *")],
     "Validation failed in TransactStatements[1]: RETURNING clause is not supported in "
     "ExecuteTransaction."),
    ([("UPDATE \"{t}\" SET n = 1 WHERE p = 'a'"), ("DELETE FROM \"{t}\" WHERE p = 'a'")],
     "Transaction request cannot include multiple operations on one item"),
    ([("SELECT * FROM \"{t}\" WHERE p = 'a' AND n = 1")],
     "Validation failed in TransactStatements[0]: Select statements within ExecuteTransaction must "
     "specify the primary key in the where clause."),
    ([("UPDATE \"{t}\" SET n = 1 WHERE p = 'a'"), ("UPDATE \"{t}\" SET n = 1 WHERE p = ?")],
     "Validation failed in TransactStatements[1]: Number of parameters in request and statement "
     "don't match."),
]


@pytest.mark.parametrize("statements,message", TRANSACTION_ERRORS,
                         ids=["mixed", "returning", "same-item", "select-not-by-key", "parameters"])
def test_transaction_errors(client, table, statements, message):
    assert failure(client.execute_transaction, TransactStatements=[
        statement(text.format(t=table)) for text in statements]) == validation(message)
    assert items_of(client, table) == [{"p": S("a"), "n": N(1)}, {"p": S("b"), "n": N(2)}]


# What the key schema refuses cancels the transaction, that statement's reason naming it.
@pytest.mark.oracle_deviation(LOCAL_CANCELED_KEY)
def test_transaction_without_the_full_key_is_canceled(client, table):
    with pytest.raises(ClientError) as excinfo:
        client.execute_transaction(TransactStatements=[
            statement(f"UPDATE \"{table}\" SET n = 1 WHERE p = 'a'"),
            statement(f"UPDATE \"{table}\" SET n = 1 WHERE n = 2"),
        ])
    assert excinfo.value.response["CancellationReasons"] == [
        {"Code": "None"},
        {"Code": "ValidationError",
         "Message": "Where clause does not contain a mandatory equality on all key attributes"}]


# A ClientRequestToken makes a transaction run once: its retry succeeds without writing again; a
# different transaction under the same token is refused.
def test_transaction_client_request_token(client, table):
    increment = [statement(f"UPDATE \"{table}\" SET n = n + 1 WHERE p = 'a'")]
    client.execute_transaction(TransactStatements=increment, ClientRequestToken="partiql-token-1")
    assert client.execute_transaction(TransactStatements=increment,
                                      ClientRequestToken="partiql-token-1")["Responses"] == []
    assert items_of(client, table)[0]["n"] == N(2)
    code, _, status = failure(client.execute_transaction, ClientRequestToken="partiql-token-1",
                              TransactStatements=[statement(
                                  f"UPDATE \"{table}\" SET n = n + 5 WHERE p = 'a'")])
    assert (code, status) == ("IdempotentParameterMismatchException", 400)
    assert items_of(client, table)[0]["n"] == N(2)


# Transactions are serializable: concurrent ones on the same items lose no update and always
# leave the two items equal.
def test_concurrent_transactions_are_serializable(endpoint, client, table):
    client.execute_statement(Statement=f"UPDATE \"{table}\" SET n = 0 WHERE p = 'b'")
    client.execute_statement(Statement=f"UPDATE \"{table}\" SET n = 0 WHERE p = 'a'")
    workers, rounds = 4, 15
    clients = make_clients(endpoint, workers)
    transfer = [statement(f"UPDATE \"{table}\" SET n = n + 1 WHERE p = 'a'"),
                statement(f"UPDATE \"{table}\" SET n = n + 1 WHERE p = 'b'")]

    def work(worker):
        done = 0
        for _ in range(rounds):
            try:
                clients[worker].execute_transaction(TransactStatements=transfer)
                done += 1
            except ClientError as err:
                # DynamoDB may cancel a transaction that conflicts with another; it writes nothing.
                assert err.response["Error"]["Code"] == "TransactionCanceledException"
        return done

    with ThreadPoolExecutor(workers) as pool:
        committed = sum(pool.map(work, range(workers)))
    items = items_of(client, table)
    assert items[0]["n"] == items[1]["n"] == N(committed)
    assert committed > 0


# At most 25 statements in a batch, 100 in a transaction (the API's member constraints).
@pytest.mark.oracle_deviation(LOCAL_LIST_LIMITS)
@pytest.mark.parametrize("operation,member,limit", [
    ("batch_execute_statement", "Statements", 25),
    ("execute_transaction", "TransactStatements", 100),
])
def test_too_many_statements_are_refused(raw_client, table, operation, member, limit):
    statements = [statement(f"SELECT * FROM \"{table}\" WHERE p = 'k{i}'") for i in range(limit + 1)]
    code, message, _ = failure(getattr(raw_client, operation), **{member: statements})
    # DynamoDB prints the list itself between the quotes.
    assert code == "ValidationException"
    assert message.startswith("1 validation error detected: Value '")
    path = member[0].lower() + member[1:]
    assert message.endswith(f"' at '{path}' failed to satisfy constraint: Member must have length "
                            f"less than or equal to {limit}")


LOCAL_NO_CAPACITY = "DynamoDB Local reports no ConsumedCapacity on PartiQL batches and transactions"


# BatchExecuteStatement and ExecuteTransaction consume what the calls they stand for consume:
# reads as BatchGetItem and TransactGetItems, writes as PutItem (per table) and
# TransactWriteItems.
@pytest.mark.oracle_deviation(LOCAL_NO_CAPACITY)
def test_consumed_capacity_is_what_the_equivalent_calls_consume(client, create_table):
    table = create_table()
    big = "y" * 5000
    for p in ("a", "b"):
        client.put_item(TableName=table, Item={"p": {"S": p}, "x": {"S": big}})
    keys = [{"p": {"S": "a"}}, {"p": {"S": "b"}}, {"p": {"S": "missing"}}]
    reads = [{"Statement": f"SELECT * FROM \"{table}\" WHERE p = '{key['p']['S']}'"} for key in keys]

    batch = client.batch_execute_statement(Statements=reads, ReturnConsumedCapacity="TOTAL")
    batch_get = client.batch_get_item(RequestItems={table: {"Keys": keys}},
                                      ReturnConsumedCapacity="TOTAL")
    # Two 5 KB items, two 4 KB units each, halved; a missing item costs half a unit.
    assert batch["ConsumedCapacity"] == batch_get["ConsumedCapacity"] == [
        {"TableName": table, "CapacityUnits": 2.5}]

    transaction = client.execute_transaction(TransactStatements=reads,
                                             ReturnConsumedCapacity="TOTAL")
    transact_get = client.transact_get_items(
        TransactItems=[{"Get": {"TableName": table, "Key": key}} for key in keys],
        ReturnConsumedCapacity="TOTAL")
    assert transaction["ConsumedCapacity"] == transact_get["ConsumedCapacity"]
    assert transaction["ConsumedCapacity"][0]["CapacityUnits"] == 10.0

    inserts = [{"Statement": f"INSERT INTO \"{table}\" VALUE {{'p': 'n{i}', 'x': '{big}'}}"}
               for i in range(2)]
    written = client.batch_execute_statement(Statements=inserts, ReturnConsumedCapacity="TOTAL")
    # Two 5 KB items: five 1 KB write units each.
    assert written["ConsumedCapacity"] == [{"TableName": table, "CapacityUnits": 10.0}]

    updates = [{"Statement": f"UPDATE \"{table}\" SET z = 1 WHERE p = '{p}'"} for p in ("a", "b")]
    transaction = client.execute_transaction(TransactStatements=updates,
                                             ReturnConsumedCapacity="TOTAL")
    transact_write = client.transact_write_items(
        TransactItems=[{"Update": {"TableName": table, "Key": {"p": {"S": p}},
                                   "UpdateExpression": "SET z = :one",
                                   "ExpressionAttributeValues": {":one": {"N": "1"}}}}
                       for p in ("a", "b")],
        ReturnConsumedCapacity="TOTAL")
    assert transaction["ConsumedCapacity"] == transact_write["ConsumedCapacity"]
    assert transaction["ConsumedCapacity"][0]["CapacityUnits"] == 20.0
    assert "ConsumedCapacity" not in client.execute_transaction(TransactStatements=reads)
