package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.Tags;
import io.vavr.control.Either;

/** Bedrock's TagResource. */
public interface TagResource {

  /**
   * Sets tags on a provisioned throughput; an existing key takes the new value. Returns all its
   * tags after the call. Timestamps are not changed.
   *
   * <p>Left with {@code ValidationError} (an ARN outside {@code TaggableResourcesArn}, more than 200
   * tags, repeated or {@code aws:} keys: D4, D6), {@code TooManyTags} (more than 50 on the
   * resource, D5; nothing changed), {@code ResourceNotFound} (a valid ARN of nothing Strata holds
   * for this account and region), or a driven port's failure.
   */
  Either<BedrockError, Tags> tagResource(TagResourceCommand command);
}
