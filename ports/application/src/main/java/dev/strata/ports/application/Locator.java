package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ResourceNotFound;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelIdentifier;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ProvisionedThroughputs;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Optional;

/**
 * Finds the provisioned throughput a request names, in the caller's scope only (D15): by name or
 * ARN for the provisioned-throughput operations, by taggable ARN for the tag operations. Anything
 * else, including another scope's ARN, is {@code ResourceNotFound}.
 */
final class Locator {
  private final ProvisionedThroughputs store;

  Locator(ProvisionedThroughputs store) {
    this.store = store;
  }

  /** The provisioned throughput a name or ARN names in {@code scope}. */
  Either<BedrockError, ProvisionedThroughput> locate(ResourceScope scope, String identifier) {
    Optional<Either<ProvisionedModelName, ProvisionedModelArn>> form =
        ProvisionedModelIdentifier.of(identifier);
    if (form.isEmpty()) {
      return Either.left(notFound(identifier));
    }
    Either<BedrockError, Option<ProvisionedThroughput>> found =
        form.get().isRight()
            ? findInScope(scope, form.get().get())
            : store.findByName(scope, form.get().getLeft());
    return found.flatMap(pt -> pt.toEither(() -> notFound(identifier)));
  }

  /** The provisioned throughput a taggable ARN names in {@code scope}; other ARNs name nothing. */
  Either<BedrockError, ProvisionedThroughput> locateArn(ResourceScope scope, String arn) {
    return ProvisionedModelArn.parse(arn)
        .toEither()
        .<BedrockError>mapLeft(broken -> notFound(arn))
        .flatMap(parsed -> findInScope(scope, parsed))
        .flatMap(pt -> pt.toEither(() -> notFound(arn)));
  }

  private Either<BedrockError, Option<ProvisionedThroughput>> findInScope(
      ResourceScope scope, ProvisionedModelArn arn) {
    return arn.scope().equals(scope) ? store.findByArn(arn) : Either.right(Option.none());
  }

  static BedrockError notFound(String identifier) {
    return new ResourceNotFound(
        "Provisioned throughput '" + identifier + "' was not found in this account and region.");
  }
}
