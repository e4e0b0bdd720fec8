package dev.strata.adapters.aws;

import static dev.strata.ports.contract.Fixtures.HOME;
import static dev.strata.ports.contract.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.ports.contract.Fixtures;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/** No SDK exception crosses a port: each becomes the BedrockError its kind calls for. */
class DynamoDbErrorsTest {
  @RegisterExtension static final DynamoDbLocal DYNAMO_DB = new DynamoDbLocal();

  private static DynamoDbException service(int status, String code) {
    return (DynamoDbException)
        DynamoDbException.builder()
            .statusCode(status)
            .message(code + " from the service")
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build())
            .build();
  }

  @Test
  void throttling_and_exceeded_provisioned_throughput_are_throttling() {
    assertInstanceOf(
        BedrockError.Throttling.class,
        DynamoDbErrors.toBedrockError(ProvisionedThroughputExceededException.builder().message("slow down").build()));
    assertInstanceOf(
        BedrockError.Throttling.class,
        DynamoDbErrors.toBedrockError(RequestLimitExceededException.builder().message("slow down").build()));
    assertInstanceOf(BedrockError.Throttling.class, DynamoDbErrors.toBedrockError(service(400, "ThrottlingException")));
  }

  @Test
  void access_denied_is_access_denied() {
    assertInstanceOf(BedrockError.AccessDenied.class, DynamoDbErrors.toBedrockError(service(400, "AccessDeniedException")));
    assertInstanceOf(BedrockError.AccessDenied.class, DynamoDbErrors.toBedrockError(service(403, "Forbidden")));
  }

  @Test
  void other_service_and_client_errors_and_timeouts_are_internal_server_errors() {
    assertInstanceOf(
        BedrockError.InternalServerError.class, DynamoDbErrors.toBedrockError(service(500, "InternalServerError")));
    assertInstanceOf(
        BedrockError.InternalServerError.class, DynamoDbErrors.toBedrockError(SdkClientException.create("no route")));
    assertInstanceOf(
        BedrockError.InternalServerError.class,
        DynamoDbErrors.toBedrockError(ApiCallTimeoutException.create(1_000)));
  }

  @Test
  void a_missing_table_is_an_internal_server_error_from_every_port_call() {
    DynamoDbStrataTable missing = new DynamoDbStrataTable(DYNAMO_DB.client(), "no-such-table");
    DynamoDbProvisionedThroughputs repository = new DynamoDbProvisionedThroughputs(missing);

    assertInstanceOf(BedrockError.InternalServerError.class, repository.findById(HOME, id(1)).getLeft());
    assertInstanceOf(
        BedrockError.InternalServerError.class,
        repository.insert(Fixtures.provisioned(HOME, id(1), "pt-1", "token-1"), 10).getLeft());
    assertInstanceOf(
        BedrockError.InternalServerError.class,
        repository.unitsHeld(HOME, QuotaKey.noCommitmentBaseModels()).getLeft());
  }
}
