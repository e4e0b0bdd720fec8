package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.Tags;
import io.vavr.control.Either;

/** Bedrock's ListTagsForResource. */
public interface ListTagsForResource {

  /**
   * The tags of a provisioned throughput, in the order their keys were first set.
   *
   * <p>Left with {@code ValidationError}, {@code ResourceNotFound}, or a driven port's failure.
   */
  Either<BedrockError, Tags> listTagsForResource(ListTagsForResourceCommand command);
}
