package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import io.vavr.control.Either;

/** Bedrock's DeleteProvisionedModelThroughput. */
public interface DeleteProvisionedModelThroughput {

  /**
   * Deletes the provisioned throughput and releases its model units (D14); its name and client
   * request token become free. Returns what was deleted.
   *
   * <p>Left with {@code Conflict} while its commitment term runs (D7), {@code ValidationError},
   * {@code ResourceNotFound}, or a driven port's failure.
   */
  Either<BedrockError, ProvisionedThroughput> deleteProvisionedModelThroughput(DeleteProvisionedModelThroughputCommand command);
}
