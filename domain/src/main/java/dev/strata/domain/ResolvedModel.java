package dev.strata.domain;

import dev.strata.domain.BedrockError.ValidationError;
import io.vavr.control.Either;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A model identifier resolved through the catalog: a foundation model, or a custom model together
 * with its base foundation model. Holds the purchase rules that depend only on the model (D11–D13).
 */
@Value.Immutable
public abstract class ResolvedModel {
  /** The foundation model itself, or the custom model's base. */
  public abstract FoundationModel foundationModel();

  public abstract Optional<CustomModel> customModel();

  public static ResolvedModel foundation(FoundationModel model) {
    return ImmutableResolvedModel.of(model, Optional.empty());
  }

  public static ResolvedModel custom(CustomModel model, FoundationModel base) {
    return ImmutableResolvedModel.of(base, Optional.of(model));
  }

  @Value.Check
  protected void check() {
    customModel()
        .ifPresent(
            c ->
                InvariantViolation.require(
                    c.baseModelArn().equals(foundationModel().arn()),
                    "custom model %s is not based on %s",
                    c.arn(),
                    foundationModel().arn()));
  }

  /** The ARN a provisioned throughput of this model reports as {@code modelArn}. */
  public ModelArn modelArn() {
    return customModel().<ModelArn>map(CustomModel::arn).orElse(foundationModel().arn());
  }

  /** How callers know this model: the custom model's name, or the foundation model's id. */
  public String displayName() {
    return customModel().map(CustomModel::modelName).orElse(foundationModel().modelId());
  }

  /** This model, if it is a foundation model or an Active custom model; only those can serve. */
  public Either<BedrockError, ResolvedModel> requireActive() {
    if (customModel().isPresent() && customModel().get().modelStatus() != ModelStatus.Active) {
      return Either.left(
          new ValidationError(
              new ValidationFact.ModelNotActive(displayName(), customModel().get().modelStatus())));
    }
    return Either.right(this);
  }

  /**
   * The ledger a purchase of this model with {@code commitment} is charged to, or why it cannot be
   * bought: D12 (the base model must support PROVISIONED inference; a custom model must be Active)
   * and D13 (no commitment only for custom models, or base models that allow it).
   */
  public Either<BedrockError, QuotaKey> purchaseLedger(Optional<CommitmentDuration> commitment) {
    FoundationModel base = foundationModel();
    if (!base.supportsProvisionedThroughput()) {
      return Either.left(
          new ValidationError(
              new ValidationFact.NotProvisionable(
                  displayName(), base.inferenceTypesSupported(), io.vavr.collection.List.empty())));
    }
    Either<BedrockError, ResolvedModel> active = requireActive();
    if (active.isLeft()) {
      return Either.left(active.getLeft());
    }
    if (commitment.isPresent()) {
      return Either.right(QuotaKey.committed(base.modelId()));
    }
    if (customModel().isPresent()) {
      return Either.right(QuotaKey.noCommitmentCustomModels());
    }
    if (!base.noCommitmentPurchaseSupported()) {
      return Either.left(
          new ValidationError(new ValidationFact.CommitmentRequired(displayName())));
    }
    return Either.right(QuotaKey.noCommitmentBaseModels());
  }
}
