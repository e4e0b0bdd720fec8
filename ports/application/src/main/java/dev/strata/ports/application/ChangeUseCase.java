package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResolvedModel;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.StatusTransitionPolicy.Transition;
import dev.strata.ports.driving.UpdateProvisionedModelThroughputCommand;
import io.vavr.control.Either;
import java.time.Clock;
import java.util.Optional;

/**
 * Change: UpdateProvisionedModelThroughput (rename, re-point a custom model: D1, D10, D11) and the
 * hand-driven end of a pending transition (D9), each an optimistic write of the stored record.
 */
final class ChangeUseCase {
  private final Locator locator;
  private final OptimisticWrites writes;
  private final ModelResolution models;
  private final StatusTransitionPolicy transitions;
  private final Clock clock;

  ChangeUseCase(
      Locator locator,
      OptimisticWrites writes,
      ModelResolution models,
      StatusTransitionPolicy transitions,
      Clock clock) {
    this.locator = locator;
    this.writes = writes;
    this.models = models;
    this.transitions = transitions;
    this.clock = clock;
  }

  Either<BedrockError, ProvisionedThroughput> update(
      ResourceScope scope, UpdateProvisionedModelThroughputCommand c) {
    Optional<ProvisionedModelName> name =
        Optional.ofNullable(c.desiredProvisionedModelName()).map(ProvisionedModelName::of);
    return locator
        .locate(scope, c.provisionedModelId())
        .flatMap(target -> desiredModel(scope, c).map(model -> new Target(target, model)))
        .flatMap(
            t ->
                writes.change(
                    t.stored(),
                    current -> current.update(name, t.model(), transitions, clock.instant())));
  }

  /** Ends the pending transition of the provisioned throughput {@code identifier} names. */
  Either<BedrockError, ProvisionedThroughput> settle(
      ResourceScope scope, String identifier, Transition transition) {
    return locator
        .locate(scope, identifier)
        .flatMap(target -> writes.change(target, current -> current.settle(transition, clock.instant())));
  }

  private Either<BedrockError, Optional<ResolvedModel>> desiredModel(
      ResourceScope scope, UpdateProvisionedModelThroughputCommand c) {
    return c.desiredModelId() == null
        ? Either.right(Optional.empty())
        : models
            .resolveActive(scope, ModelIdentifier.of(c.desiredModelId()), "desiredModelId")
            .map(Optional::of);
  }

  private record Target(ProvisionedThroughput stored, Optional<ResolvedModel> model) {}
}
