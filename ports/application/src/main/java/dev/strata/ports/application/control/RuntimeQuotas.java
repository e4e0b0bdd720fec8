package dev.strata.ports.application.control;

import dev.strata.domain.BedrockError;
import dev.strata.domain.FieldViolation;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.SortOrder;
import dev.strata.domain.ThroughputFilter;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driven.AdjustableModelUnitLimits;
import dev.strata.ports.driven.ModelUnitLimits;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driving.QuotaControl;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Map;
import java.util.Objects;

/** The one {@link QuotaControl}, over the limits and the store a Strata is built on. */
public final class RuntimeQuotas implements QuotaControl {
  private static final int PAGE = 1_000;
  private static final String LEDGERS = "Member must name a ledger: L-FE44174A, L-BE77399C or committed";

  private final ModelUnitLimits limits;
  private final ProvisionedThroughputs store;

  public RuntimeQuotas(ModelUnitLimits limits, ProvisionedThroughputs store) {
    this.limits = Objects.requireNonNull(limits, "limits");
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public Either<BedrockError, Seq<QuotaUsage>> usage(ResourceScope scope) {
    return committedKeys(scope)
        .map(
            committed ->
                List.of(QuotaKey.noCommitmentBaseModels(), QuotaKey.noCommitmentCustomModels())
                    .appendAll(committed))
        .flatMap(keys -> Either.sequenceRight(keys.map(key -> usage(scope, key))))
        .map(Seq::toList);
  }

  private Either<BedrockError, QuotaUsage> usage(ResourceScope scope, QuotaKey key) {
    return limits
        .limit(scope, key)
        .flatMap(limit -> store.unitsHeld(scope, key).map(held -> QuotaUsage.of(key, limit, held)));
  }

  private Either<BedrockError, Seq<QuotaKey>> committedKeys(ResourceScope scope) {
    List<QuotaKey> keys = List.empty();
    Option<ListPosition> after = Option.none();
    while (true) {
      Either<BedrockError, Seq<ProvisionedThroughput>> page =
          store.list(scope, ThroughputFilter.none(), SortOrder.Ascending, after, PAGE);
      if (page.isLeft()) {
        return Either.left(page.getLeft());
      }
      keys =
          keys.appendAll(page.get().map(pt -> pt.quotaCharge().key()))
              .filter(k -> k.ledger() == QuotaLedger.COMMITTED_PER_MODEL)
              .distinct();
      if (page.get().size() < PAGE) {
        return Either.right(keys.sortBy(k -> k.modelId().orElse("")));
      }
      after = Option.of(ListPosition.of(page.get().last()));
    }
  }

  @Override
  public Either<BedrockError, Seq<QuotaUsage>> adjust(
      ResourceScope scope, Map<String, ?> requested) {
    if (!(limits instanceof AdjustableModelUnitLimits adjustable)) {
      return Either.left(
          new BedrockError.ValidationError(
              new ValidationFact.NotAdjustable("Model-unit quota limits", "Service Quotas")));
    }
    java.util.List<FieldViolation> violations = new java.util.ArrayList<>();
    if (requested == null || requested.isEmpty()) {
      violations.add(new FieldViolation("limits", null, "Member must name at least one ledger"));
    } else {
      requested.forEach(
          (label, limit) -> {
            if (QuotaLedger.named(label).isEmpty()) {
              violations.add(new FieldViolation("limits", label, LEDGERS));
            } else if (!(limit instanceof Long whole && whole >= 0)) {
              violations.add(
                  new FieldViolation("limits." + label, limit, "Member must be a whole number of at least 0"));
            }
          });
    }
    if (!violations.isEmpty()) {
      return Either.left(BedrockError.ValidationError.of(List.ofAll(violations)));
    }
    requested.forEach(
        (label, limit) ->
            adjustable.adjust(scope, QuotaLedger.named(label).orElseThrow(), (Long) limit));
    return usage(scope);
  }
}
