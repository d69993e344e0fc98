"""The interop client for Huawei's Python SDK (huaweicloudsdkdli), used as shipped: it reads a JSON
list of operations on stdin and prints one JSON answer per operation, in wire names, for
scripts/interop/run.mjs to compare with raw HTTP."""
import json
import os
import sys

from huaweicloudsdkcore.exceptions.exceptions import SdkException, ServiceResponseException
from huaweicloudsdkdli.v1 import model

# snippet:start python
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkdli.v1 import DliClient, ListEnhancedConnectionsRequest, ShowEnhancedConnectionRequest

credentials = BasicCredentials(
    os.environ["HUAWEICLOUD_SDK_AK"],
    os.environ["HUAWEICLOUD_SDK_SK"],
    os.environ["HUAWEICLOUD_SDK_PROJECT_ID"],
).with_security_token(os.environ.get("HUAWEICLOUD_SDK_SECURITY_TOKEN"))  # temporary keys only
client = (
    DliClient.new_builder()
    .with_credentials(credentials)
    .with_endpoints([os.environ["DLI_ENDPOINT"]])  # the URL dli-mock prints
    .build()
)
# snippet:end python


def wire(value):
    """A model as the wire names it (attribute_map), nulls left out."""
    if isinstance(value, list):
        return [wire(item) for item in value]
    if hasattr(value, "openapi_types"):
        return {
            value.attribute_map[name]: wire(getattr(value, name))
            for name in value.openapi_types
            if getattr(value, name) is not None
        }
    return value


def wire_names(model_class):
    return [model_class.attribute_map[name] for name in model_class.openapi_types]


def run(op):
    kind = op["op"]
    if kind == "list":
        request = ListEnhancedConnectionsRequest(
            limit=op.get("limit"), offset=op.get("offset"), status=op.get("status"), name=op.get("name"), tags=op.get("tags")
        )
        return wire(client.list_enhanced_connections(request))
    if kind == "walk":
        connections, pages, offset = [], 0, 0
        while True:
            page = client.list_enhanced_connections(ListEnhancedConnectionsRequest(limit=op["limit"], offset=offset))
            pages += 1
            if not page.connections:
                return {"pages": pages, "connections": connections}
            connections += wire(page.connections)
            offset += len(page.connections)
    if kind == "show":
        return wire(client.show_enhanced_connection(ShowEnhancedConnectionRequest(connection_id=op["id"])))
    if kind == "fields":
        return {
            "list": wire_names(model.ListEnhancedConnectionsResponse),
            "connection": wire_names(model.EnhancedConnection),
            "resource": wire_names(model.EnhancedConnectionResource),
            "host": wire_names(model.EnhancedConnectionHost),
            "show": wire_names(model.ShowEnhancedConnectionResponse),
        }
    raise ValueError(f"unknown operation {kind}")


def main():
    answers = []
    for op in json.load(sys.stdin):
        try:
            answers.append({"body": run(op)})
        except ServiceResponseException as e:
            answers.append({"error": {"status": e.status_code, "code": e.error_code, "message": e.error_msg, "requestId": e.request_id}})
        except SdkException as e:
            answers.append({"error": {"message": str(e)}})
    json.dump(answers, sys.stdout)
    print()


main()
