package dev.strata.ports.driving;

import dev.strata.domain.ProvisionedModelIdentifier;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Ends a pending transition in {@code Failed} (D9); not a Bedrock operation.
 *
 * @param provisionedModelId the name or the ARN (D15)
 * @param failureMessage what Get then shows as {@code failureMessage}; shape {@code ErrorMessage},
 *     at most 2048 characters
 */
public record FailTransitionCommand(
    @NotNull @AwsPattern(ProvisionedModelIdentifier.PATTERN) String provisionedModelId,
    @NotNull @Size(max = FailTransitionCommand.MAX_FAILURE_MESSAGE) String failureMessage) {

  /** Shape {@code ErrorMessage}: at most 2048 characters. */
  public static final int MAX_FAILURE_MESSAGE = 2048;
}
