"""Faults, quotas and custom models through the control API, with boto3 as the Bedrock client.
Prints one line per check; the JUnit test compares them."""
import sys

from control_api import Strata

CREATE = "CreateProvisionedModelThroughput"
strata = Strata(sys.argv[1])
patient, impatient = strata.bedrock(attempts=3), strata.bedrock(attempts=1)


def count():
    return len(impatient.list_provisioned_model_throughputs()["provisionedModelSummaries"])


# Two throttles on Create are ridden out by the standard retry mode: one PT results.
print(strata.control("POST", "faults", {"operation": CREATE, "error": "ThrottlingException", "count": 2}))
print(strata.control("GET", "faults"))
created = patient.create_provisioned_model_throughput(
    provisionedModelName="ridden-out", modelId="amazon.nova-lite-v1:0:24k", modelUnits=1)
print("retries", created["ResponseMetadata"]["RetryAttempts"], "stored", count())

# An injected InternalServerException changes nothing.
print(strata.control("POST", "faults", {"operation": "*", "error": "InternalServerException", "count": 1}))
try:
    impatient.create_provisioned_model_throughput(
        provisionedModelName="never", modelId="amazon.nova-lite-v1:0:24k", modelUnits=1)
except impatient.exceptions.InternalServerException as e:
    print(e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"], "stored", count())

# A probability fault stays armed until DELETE clears it.
print(strata.control("POST", "faults", {"operation": "GetFoundationModel", "error": "AccessDeniedException",
                                         "probability": 1, "latencyMs": 10}))
try:
    impatient.get_foundation_model(modelIdentifier="amazon.nova-lite-v1:0:24k")
except impatient.exceptions.AccessDeniedException as e:
    print(e.response["ResponseMetadata"]["HTTPStatusCode"], e.response["Error"]["Code"])
print(strata.control("DELETE", "faults"))
print(strata.control("GET", "faults"))
print(impatient.get_foundation_model(modelIdentifier="amazon.nova-lite-v1:0:24k")["modelDetails"]["modelId"])

# Bad faults are refused naming the member, and arm nothing.
for bad in ({"operation": "CreateWidget", "error": "ThrottlingException", "count": 1},
            {"operation": "GetProvisionedModelThroughput", "error": "ConflictException", "count": 1},
            {"operation": CREATE, "error": "ThrottlingException", "count": "two"}):
    status, answer = strata.control("POST", "faults", bad)
    print(status, answer["message"][:answer["message"].index(" failed")])
print(strata.control("GET", "faults"))

# Quotas: lowering below usage keeps the PT and refuses the next Create.
status, quotas = strata.control("PUT", "quotas", {"limits": {"L-FE44174A": 0}})
print(status, [(q["ledger"], q["limit"], q["used"]) for q in quotas["quotas"]])
try:
    impatient.create_provisioned_model_throughput(
        provisionedModelName="over", modelId="amazon.nova-lite-v1:0:24k", modelUnits=1)
except impatient.exceptions.ServiceQuotaExceededException as e:
    print(e.response["Error"]["Code"], "stored", count())
print(strata.control("PUT", "quotas", {"limits": {"L-FE44174A": 1000, "L-XXXX": -1}})[1]["message"])
print(strata.control("GET", "quotas?account=123456789012&region=us-east-1")[1]["quotas"][0])

# A custom model registered over HTTP is served by GetCustomModel and can be provisioned.
status, model = strata.control("POST", "custom-models", {
    "modelName": "my-tuned", "baseModelIdentifier": "amazon.titan-text-express-v1:0:8k"})
print(status, model["modelName"], model["modelStatus"])
got = impatient.get_custom_model(modelIdentifier="my-tuned")
print(got["modelArn"] == model["modelArn"], got["baseModelArn"])
arn = impatient.create_provisioned_model_throughput(
    provisionedModelName="tuned-pt", modelId="my-tuned", modelUnits=1)["provisionedModelArn"]
print(impatient.get_provisioned_model_throughput(provisionedModelId=arn)["modelArn"] == model["modelArn"])
status, answer = strata.control("POST", "custom-models", {"modelName": "bad name", "baseModelIdentifier": "x"})
print(status, answer["message"][:answer["message"].index(":")])
print(strata.control("DELETE", "custom-models", {"modelName": "my-tuned"}))
