package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.TagKey;
import dev.strata.domain.Tags;
import dev.strata.ports.driving.RequestTag;
import dev.strata.ports.driving.TagResourceCommand;
import dev.strata.ports.driving.UntagResourceCommand;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.Optional;
import java.util.function.Function;

/**
 * Tagging: TagResource, UntagResource and ListTagsForResource on a provisioned throughput's ARN
 * (D4-D6, D15). Tag changes are optimistic writes that leave {@code lastModifiedTime} alone (D18).
 */
final class TaggingUseCase {
  private final Locator locator;
  private final OptimisticWrites writes;

  TaggingUseCase(Locator locator, OptimisticWrites writes) {
    this.locator = locator;
    this.writes = writes;
  }

  Either<BedrockError, Tags> tag(ResourceScope scope, TagResourceCommand c) {
    return retag(
        scope,
        c.resourceARN(),
        current ->
            current
                .tags()
                .withValid(
                    List.ofAll(c.tags()).map(RequestTag::toTag),
                    Optional.of(current.provisionedModelArn().value())));
  }

  Either<BedrockError, Tags> untag(ResourceScope scope, UntagResourceCommand c) {
    return retag(
        scope,
        c.resourceARN(),
        current -> Either.right(current.tags().withoutValid(List.ofAll(c.tagKeys()).map(TagKey::of))));
  }

  Either<BedrockError, Tags> tags(ResourceScope scope, String resourceArn) {
    return locator.locateArn(scope, resourceArn).map(ProvisionedThroughput::tags);
  }

  private Either<BedrockError, Tags> retag(
      ResourceScope scope,
      String resourceArn,
      Function<ProvisionedThroughput, Either<BedrockError, Tags>> edit) {
    return locator
        .locateArn(scope, resourceArn)
        .flatMap(target -> writes.change(target, current -> edit.apply(current).map(current::retag)))
        .map(ProvisionedThroughput::tags);
  }
}
