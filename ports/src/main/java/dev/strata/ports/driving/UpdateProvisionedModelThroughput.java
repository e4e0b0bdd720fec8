package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import io.vavr.control.Either;

/** Bedrock's UpdateProvisionedModelThroughput. */
public interface UpdateProvisionedModelThroughput {

  /**
   * Renames the provisioned throughput and/or moves it to another model; it passes through {@code
   * Updating}, with {@code desiredModelArn} ahead of {@code modelArn} until the update completes
   * (D9). Returns the provisioned throughput as stored after the call.
   *
   * <p>Left with {@code ValidationError} (a constraint, the new name in use (D1), {@code Creating}
   * or {@code Updating} (D10), a model change D11 forbids), {@code ResourceNotFound} (the
   * provisioned throughput or the desired model), or a driven port's failure.
   */
  Either<BedrockError, ProvisionedThroughput> updateProvisionedModelThroughput(UpdateProvisionedModelThroughputCommand command);
}
