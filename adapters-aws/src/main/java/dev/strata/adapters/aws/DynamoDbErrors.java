package dev.strata.adapters.aws;

import dev.strata.domain.BedrockError;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/**
 * The one place where DynamoDB calls become port answers: every exception the SDK (or a malformed
 * stored item) throws is caught and mapped to a {@link BedrockError}, so none crosses a port.
 * Throttling and exceeded provisioned throughput become Throttling; access denied becomes
 * AccessDenied; every other service or client error, and every timeout, InternalServerError.
 */
final class DynamoDbErrors {
  private DynamoDbErrors() {}

  /** What {@code call} answers, or its exception as a {@link BedrockError}. */
  static <T> Either<BedrockError, T> attempt(Supplier<Either<BedrockError, T>> call) {
    return Try.of(call::get).fold(failure -> Either.left(toBedrockError(failure)), answer -> answer);
  }

  static BedrockError toBedrockError(Throwable failure) {
    if (failure instanceof AwsServiceException service) {
      String code =
          service.awsErrorDetails() == null ? "" : String.valueOf(service.awsErrorDetails().errorCode());
      if (service.isThrottlingException()
          || service instanceof ProvisionedThroughputExceededException
          || service instanceof RequestLimitExceededException) {
        return new BedrockError.Throttling("Rate exceeded: " + service.getMessage());
      }
      if (service.statusCode() == 403
          || code.equals("AccessDeniedException")
          || code.equals("UnrecognizedClientException")) {
        return new BedrockError.AccessDenied(service.getMessage());
      }
      return new BedrockError.InternalServerError("The state store failed: " + service.getMessage());
    }
    return new BedrockError.InternalServerError(
        "The state store failed: " + failure.getClass().getSimpleName() + ": " + failure.getMessage());
  }
}
