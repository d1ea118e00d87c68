"""Concurrent writers: single-item updates are atomic (no lost increments), conditional writes
are decided one at a time (exactly one create-if-absent wins per key) and transactions are
serializable (transfers never show half done)."""

import random
import threading

from botocore.exceptions import ClientError

from conftest import make_clients

THREADS = 8
INCREMENTS_PER_THREAD = 1000
RACE_KEYS = 50


def run_threads(targets):
    """Runs each callable on its own thread; re-raises the first exception any of them raised."""
    errors = []

    def guarded(target):
        try:
            target()
        except Exception as err:  # reported on the main thread below
            errors.append(err)

    threads = [threading.Thread(target=guarded, args=(target,)) for target in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


# 8 threads x 1,000 increments of one item (half SET c = c + :one, half ADD c :one) lose none.
def test_concurrent_increments_are_atomic(endpoint, client, create_table):
    name = create_table()
    key = {"p": {"S": "counter"}}
    client.put_item(TableName=name, Item=dict(key, c={"N": "0"}))
    one = {":one": {"N": "1"}}
    expressions = ["SET c = c + :one", "ADD c :one"]

    def incrementer(thread_client, expression):
        def run():
            for _ in range(INCREMENTS_PER_THREAD):
                thread_client.update_item(TableName=name, Key=key, UpdateExpression=expression,
                                          ExpressionAttributeValues=one)
        return run

    clients = make_clients(endpoint, THREADS)
    run_threads([incrementer(c, expressions[i % 2]) for i, c in enumerate(clients)])
    item = client.get_item(TableName=name, Key=key, ConsistentRead=True)["Item"]
    assert item == dict(key, c={"N": str(THREADS * INCREMENTS_PER_THREAD)})


# 8 threads racing to create each of 50 keys with attribute_not_exists(p): exactly one wins per
# key, the others get ConditionalCheckFailedException, and the stored item is the winner's.
def test_concurrent_conditional_puts_one_winner(endpoint, client, create_table):
    name = create_table()
    clients = make_clients(endpoint, THREADS)
    barrier = threading.Barrier(THREADS)
    wins = [[] for _ in range(RACE_KEYS)]
    lock = threading.Lock()

    def racer(thread_client, writer):
        def run():
            for key_index in range(RACE_KEYS):
                barrier.wait(timeout=60)
                item = {"p": {"S": f"key{key_index}"}, "writer": {"N": str(writer)}}
                try:
                    thread_client.put_item(TableName=name, Item=item,
                                           ConditionExpression="attribute_not_exists(p)")
                except ClientError as err:
                    if err.response["Error"]["Code"] != "ConditionalCheckFailedException":
                        raise
                    continue
                with lock:
                    wins[key_index].append(writer)
        return run

    run_threads([racer(c, writer) for writer, c in enumerate(clients)])
    for key_index, winners in enumerate(wins):
        assert len(winners) == 1, (key_index, winners)
        key = {"p": {"S": f"key{key_index}"}}
        stored = client.get_item(TableName=name, Key=key, ConsistentRead=True)["Item"]
        assert stored["writer"] == {"N": str(winners[0])}


# Concurrent conditional updates on a version attribute: each version is claimed exactly once.
def test_concurrent_optimistic_versioning(endpoint, client, create_table):
    name = create_table()
    key = {"p": {"S": "versioned"}}
    client.put_item(TableName=name, Item=dict(key, version={"N": "0"}))
    attempts_per_thread = 50
    claimed = []
    lock = threading.Lock()

    def claimer(thread_client, writer):
        def run():
            for _ in range(attempts_per_thread):
                current = thread_client.get_item(
                    TableName=name, Key=key, ConsistentRead=True)["Item"]["version"]
                following = {"N": str(int(current["N"]) + 1)}
                try:
                    thread_client.update_item(
                        TableName=name, Key=key, UpdateExpression="SET version = :next, writer = :w",
                        ConditionExpression="version = :current",
                        ExpressionAttributeValues={":current": current, ":next": following,
                                                   ":w": {"N": str(writer)}})
                except ClientError as err:
                    if err.response["Error"]["Code"] != "ConditionalCheckFailedException":
                        raise
                    continue
                with lock:
                    claimed.append(int(following["N"]))
        return run

    clients = make_clients(endpoint, THREADS)
    run_threads([claimer(c, writer) for writer, c in enumerate(clients)])
    final = client.get_item(TableName=name, Key=key, ConsistentRead=True)["Item"]["version"]["N"]
    assert int(final) > 0
    assert sorted(claimed) == list(range(1, int(final) + 1))


# Transfers between accounts with TransactWriteItems, while readers take TransactGetItems
# snapshots: the total never changes, no snapshot sees half a transfer, no balance goes
# negative, and every transfer that succeeded is in the final balances.
def test_transfers_are_serializable(endpoint, client, create_table):
    name = create_table()
    accounts, opening, writers, readers = 10, 100, 6, 2
    transfers_per_writer = 150
    for account in range(accounts):
        client.put_item(TableName=name, Item={"p": {"S": f"acct{account}"}, "b": {"N": str(opening)}})
    done = threading.Event()
    moved = [0] * accounts  # net change per account from committed transfers
    lock = threading.Lock()

    def writer(thread_client, seed):
        def run():
            rng = random.Random(seed)
            for _ in range(transfers_per_writer):
                source, target = rng.sample(range(accounts), 2)
                amount = {"N": str(rng.randint(1, 30))}
                try:
                    thread_client.transact_write_items(TransactItems=[
                        {"Update": {"TableName": name, "Key": {"p": {"S": f"acct{source}"}},
                                    "UpdateExpression": "SET b = b - :a",
                                    "ConditionExpression": "b >= :a",
                                    "ExpressionAttributeValues": {":a": amount}}},
                        {"Update": {"TableName": name, "Key": {"p": {"S": f"acct{target}"}},
                                    "UpdateExpression": "ADD b :a",
                                    "ExpressionAttributeValues": {":a": amount}}},
                    ])
                except ClientError as err:
                    if err.response["Error"]["Code"] != "TransactionCanceledException":
                        raise
                    continue
                with lock:
                    moved[source] -= int(amount["N"])
                    moved[target] += int(amount["N"])
        return run

    snapshots = []

    def reader(thread_client):
        def run():
            gets = [{"Get": {"TableName": name, "Key": {"p": {"S": f"acct{a}"}}}}
                    for a in range(accounts)]
            while not done.is_set():
                responses = thread_client.transact_get_items(TransactItems=gets)["Responses"]
                balances = [int(r["Item"]["b"]["N"]) for r in responses]
                assert sum(balances) == accounts * opening, balances
                assert min(balances) >= 0, balances
                snapshots.append(balances)
        return run

    clients = make_clients(endpoint, writers + readers)
    write_threads = [writer(c, seed) for seed, c in enumerate(clients[:writers])]

    def writers_then_stop():
        try:
            run_threads(write_threads)
        finally:
            done.set()

    run_threads([writers_then_stop] + [reader(c) for c in clients[writers:]])
    assert snapshots
    final = client.scan(TableName=name, ConsistentRead=True)["Items"]
    balances = {item["p"]["S"]: int(item["b"]["N"]) for item in final}
    assert balances == {f"acct{a}": opening + moved[a] for a in range(accounts)}
