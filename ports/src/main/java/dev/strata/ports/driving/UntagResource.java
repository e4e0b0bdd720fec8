package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.Tags;
import io.vavr.control.Either;

/** Bedrock's UntagResource. */
public interface UntagResource {

  /**
   * Removes the tags with the given keys from a provisioned throughput; keys it does not have are
   * ignored. Returns its tags after the call.
   *
   * <p>Left with {@code ValidationError} (bad ARN or keys, {@code aws:} keys: D6), {@code
   * ResourceNotFound}, or a driven port's failure.
   */
  Either<BedrockError, Tags> untagResource(UntagResourceCommand command);
}
