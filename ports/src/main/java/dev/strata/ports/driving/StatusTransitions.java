package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import io.vavr.control.Either;

/**
 * Drives pending status transitions by hand, for tests that run a manual transition policy (D9).
 * Not a Bedrock operation.
 */
public interface StatusTransitions {

  /**
   * Moves a {@code Creating} or {@code Updating} provisioned throughput to {@code InService}.
   * Left with {@code ValidationError} when nothing is pending, or {@code ResourceNotFound}.
   */
  Either<BedrockError, ProvisionedThroughput> completeTransition(String provisionedModelId);

  /** Moves a pending provisioned throughput to {@code Failed} with {@code failureMessage}. */
  Either<BedrockError, ProvisionedThroughput> failTransition(
      String provisionedModelId, String failureMessage);
}
