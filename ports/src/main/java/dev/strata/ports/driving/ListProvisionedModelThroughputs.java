package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import io.vavr.control.Either;

/** Bedrock's ListProvisionedModelThroughputs. */
public interface ListProvisionedModelThroughputs {

  /**
   * One page of the caller's provisioned throughputs that pass every filter, in creation order
   * (D16). Resuming with {@code nextToken} never repeats an item and never skips one that existed
   * throughout, whatever is created or deleted between pages.
   *
   * <p>Left with {@code ValidationError} (a constraint, or a malformed or foreign {@code
   * nextToken}), or a driven port's failure.
   */
  Either<BedrockError, ProvisionedThroughputPage> listProvisionedModelThroughputs(ListProvisionedModelThroughputsCommand command);
}
