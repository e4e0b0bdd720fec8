package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import io.vavr.control.Either;

/** Bedrock's GetProvisionedModelThroughput. */
public interface GetProvisionedModelThroughput {

  /**
   * The provisioned throughput with this name or ARN, as of now: a pending status may move on as
   * the transition policy decides (D9); a read counts as one observation.
   *
   * <p>Left with {@code ValidationError} (bad identifier), {@code ResourceNotFound} (unknown, or of
   * another account or region, D15), or a driven port's failure.
   */
  Either<BedrockError, ProvisionedThroughput> getProvisionedModelThroughput(GetProvisionedModelThroughputCommand command);
}
