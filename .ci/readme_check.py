"""Runs the README's boto3 example against the server of the README's first command.

    readme_check.py write   runs the example as written (a new data folder: it must succeed)
    readme_check.py read    runs it again after a restart: as the README says, create_table
                            fails with ResourceInUseException and the item is still there
"""

import pathlib
import re
import sys

import boto3
from botocore.exceptions import ClientError

README = pathlib.Path(__file__).resolve().parent.parent / "README.md"


def example():
    text = README.read_text()
    section = text.split("## Use it from boto3", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.S)
    if not match:
        sys.exit("README.md: no python example under '## Use it from boto3'")
    return match.group(1)


def main(mode):
    code = example()
    if mode == "write":
        exec(compile(code, "README example", "exec"), {})
        return
    try:
        exec(compile(code, "README example", "exec"), {})
    except ClientError as error:
        if error.response["Error"]["Code"] != "ResourceInUseException":
            raise
    else:
        sys.exit("the example ran twice without ResourceInUseException")
    client = boto3.client(
        "dynamodb",
        endpoint_url="http://localhost:8000",
        region_name="us-east-1",
        aws_access_key_id="local",
        aws_secret_access_key="local",
    )
    item = client.get_item(
        TableName="users", Key={"username": {"S": "janedoe"}, "last_name": {"S": "Doe"}}
    ).get("Item")
    if item != {"username": {"S": "janedoe"}, "last_name": {"S": "Doe"}, "age": {"N": "25"}}:
        sys.exit(f"after a restart the example's item is {item}")
    print("README example: the item persisted across a restart")


if __name__ == "__main__":
    main(sys.argv[1])
