"""TagResource, UntagResource, ListTagsOfResource on table ARNs, CreateTable's Tags: DynamoDB's
limits, characters and errors (the 2026 probes of /work/notes/control-plane.md), paging, and tags
going with the table."""

import os

import pytest

from conftest import ddblocal_process, failure, unique_name, validation, _session, _config

LOCAL_NO_TAGS = "DynamoDB Local has no tags"
LOCAL_DEVIATION = pytest.mark.oracle_deviation(LOCAL_NO_TAGS)
OWN_BINARY = pytest.mark.skipif(
    bool(os.environ.get("DDBLOCAL_ENDPOINT")), reason="starts its own ddblocal binary"
)


def arn_of(client, name):
    return client.describe_table(TableName=name)["Table"]["TableArn"]


def all_tags(client, arn):
    """Every tag of the resource, following NextToken; also the number of pages."""
    tags, pages, params = [], 0, {"ResourceArn": arn}
    while True:
        page = client.list_tags_of_resource(**params)
        pages += 1
        tags += page["Tags"]
        if "NextToken" not in page:
            return tags, pages
        params["NextToken"] = page["NextToken"]


def as_dict(tags):
    return {tag["Key"]: tag["Value"] for tag in tags}


# TagResource adds tags and replaces the value of a key already there; UntagResource removes keys,
# ignoring those the table does not have.
@LOCAL_DEVIATION
def test_tag_untag_and_list(client, create_table):
    arn = arn_of(client, create_table())
    assert client.list_tags_of_resource(ResourceArn=arn)["Tags"] == []
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "env", "Value": "dev"}, {"Key": "team", "Value": "a"}])
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "env", "Value": "prod"}])
    assert as_dict(all_tags(client, arn)[0]) == {"env": "prod", "team": "a"}
    client.untag_resource(ResourceArn=arn, TagKeys=["team", "absent"])
    assert all_tags(client, arn)[0] == [{"Key": "env", "Value": "prod"}]


# CreateTable's Tags are the new table's; a table made again under the name has none.
@LOCAL_DEVIATION
def test_create_table_tags_go_with_the_table(client, create_table):
    name = create_table(Tags=[{"Key": "owner", "Value": "me"}, {"Key": "empty", "Value": ""}])
    arn = arn_of(client, name)
    assert as_dict(all_tags(client, arn)[0]) == {"owner": "me", "empty": ""}
    client.delete_table(TableName=name)
    create_table(name=name)
    assert client.list_tags_of_resource(ResourceArn=arn)["Tags"] == []


# ListTagsOfResource pages: 50 tags come back on several pages, each once.
@LOCAL_DEVIATION
def test_list_tags_pages(client, create_table):
    arn = arn_of(client, create_table())
    wanted = {f"k{i:02}": f"v{i}" for i in range(50)}
    for start in range(0, 50, 25):
        client.tag_resource(
            ResourceArn=arn, Tags=[{"Key": k, "Value": wanted[k]} for k in sorted(wanted)[start : start + 25]]
        )
    tags, pages = all_tags(client, arn)
    assert as_dict(tags) == wanted and len(tags) == 50 and pages > 1


# At most 50 tags, counted after the merge; the request that would pass the limit changes nothing.
@LOCAL_DEVIATION
def test_tag_limit(client, create_table):
    arn = arn_of(client, create_table())
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": f"k{i}", "Value": "v"} for i in range(50)])
    client.tag_resource(ResourceArn=arn, Tags=[{"Key": "k0", "Value": "new"}])
    assert failure(client.tag_resource, ResourceArn=arn, Tags=[{"Key": "k50", "Value": "v"}]) == validation(
        "Number of Tags exceed the current limit for the provided ResourceArn"
    )
    assert len(all_tags(client, arn)[0]) == 50


# Keys and values: lengths, characters, the reserved aws: prefix, duplicates, an empty list.
@pytest.mark.parametrize(
    "tags, message",
    [
        ([{"Key": "aws:owner", "Value": "x"}], "Tag Key cannot be prefixed with aws:, Key: aws:owner"),
        ([{"Key": "a" * 129, "Value": "x"}], "The Tag Key provided is invalid, Key: " + "a" * 129),
        ([{"Key": "bad#key", "Value": "x"}], "The Tag Key provided is invalid, Key: bad#key"),
        ([{"Key": "", "Value": "x"}], "The Tag Key provided is invalid, Key: "),
        ([{"Key": "k", "Value": "v" * 257}], "The Tag Value provided is invalid, Value: " + "v" * 257),
        (
            [{"Key": "k", "Value": "1"}, {"Key": "k", "Value": "2"}],
            "Duplicate Tag Keys provided as input: Duplicate Tag Key found k",
        ),
        ([], "Atleast one Tag needs to be provided as Input."),
    ],
)
@LOCAL_DEVIATION
def test_tag_rules(raw_client, client, create_table, tags, message):
    arn = arn_of(client, create_table())
    assert failure(raw_client.tag_resource, ResourceArn=arn, Tags=tags) == validation(message)
    assert client.list_tags_of_resource(ResourceArn=arn)["Tags"] == []


# Unicode letters, digits, spaces and _ . : / = + - @ are allowed in keys and values.
@LOCAL_DEVIATION
def test_tag_allowed_characters(client, create_table):
    arn = arn_of(client, create_table())
    tags = [{"Key": "Ünïcode key_.:/=+-@ 1", "Value": "välue _.:/=+-@ 2"}]
    client.tag_resource(ResourceArn=arn, Tags=tags)
    assert all_tags(client, arn)[0] == tags


# UntagResource's own rules.
@LOCAL_DEVIATION
def test_untag_rules(raw_client, client, create_table):
    arn = arn_of(client, create_table())
    assert failure(raw_client.untag_resource, ResourceArn=arn, TagKeys=[]) == validation(
        "Atleast one Tag Key needs to be provided as Input."
    )


# The ARN: not one, not DynamoDB's, an index's, another account's, another region's, no table.
@LOCAL_DEVIATION
def test_resource_arn_errors(raw_client, client, create_table):
    name = create_table()
    arn = arn_of(client, name)
    assert failure(raw_client.list_tags_of_resource, ResourceArn=name) == validation(
        f"One or more parameter values were invalid: ARNs must start with 'arn:': {name}"
    )
    backup_arn = arn + "/backup/01700000000000-abcdef12"
    assert failure(raw_client.list_tags_of_resource, ResourceArn=backup_arn) == validation(
        f"One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: {backup_arn}"
    )
    index_arn = arn + "/index/gsi"
    assert failure(raw_client.tag_resource, ResourceArn=index_arn, Tags=[{"Key": "k", "Value": "v"}]) == validation(
        "One or more parameter values were invalid: Invalid resource arn provided, only table or "
        f"stream is accepted. Provided resource arn: {index_arn}"
    )
    other_account = arn.replace(":000000000000:", ":123456789012:")
    code, _, _ = failure(raw_client.list_tags_of_resource, ResourceArn=other_account)
    assert code == "AccessDeniedException"
    other_region = arn.replace(":us-east-1:", ":eu-west-1:")
    assert failure(raw_client.list_tags_of_resource, ResourceArn=other_region) == validation(
        f"Invalid TableArn: Invalid ResourceArn provided as input {other_region}"
    )
    missing = arn[: arn.rindex("/") + 1] + unique_name()
    assert failure(raw_client.tag_resource, ResourceArn=missing, Tags=[{"Key": "k", "Value": "v"}]) == (
        "ResourceNotFoundException",
        f"Requested resource not found: ResourceArn: {missing} not found",
        400,
    )


# Tags are kept on disk: a restarted server still has them.
@OWN_BINARY
def test_tags_survive_restart(tmp_path):
    data = str(tmp_path / "data")
    name = unique_name()

    def client_on(port):
        return _session().client("dynamodb", endpoint_url=f"http://127.0.0.1:{port}", config=_config(True))

    with ddblocal_process("--data-dir", data) as (_, port):
        client = client_on(port)
        client.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "p", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "p", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
            Tags=[{"Key": "kept", "Value": "yes"}],
        )
    with ddblocal_process("--data-dir", data) as (_, port):
        client = client_on(port)
        arn = arn_of(client, name)
        assert client.list_tags_of_resource(ResourceArn=arn)["Tags"] == [{"Key": "kept", "Value": "yes"}]
