package dev.strata.domain;

import dev.strata.domain.BedrockError.Conflict;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.StatusTransitionPolicy.Transition;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A provisioned throughput: every field GetProvisionedModelThroughput returns, plus what Strata
 * keeps to enforce idempotency, quota and optimistic concurrency. Every change returns a new
 * instance with {@link #version()} one higher; timestamps have millisecond precision (D18).
 */
@Value.Immutable
public abstract class ProvisionedThroughput {

  public abstract ProvisionedModelArn provisionedModelArn();

  public abstract ProvisionedModelName provisionedModelName();

  public abstract ModelUnits modelUnits();

  public abstract ModelUnits desiredModelUnits();

  /** The model serving now. */
  public abstract ModelArn modelArn();

  /** The model an update is moving to; equals {@link #modelArn()} when no update is pending. */
  public abstract ModelArn desiredModelArn();

  /** The base foundation model of {@link #modelArn()}. */
  public abstract FoundationModelArn foundationModelArn();

  public abstract ProvisionedModelStatus status();

  public abstract Instant creationTime();

  /** Changes on every status or name change (D18); tag changes leave it alone. */
  public abstract Instant lastModifiedTime();

  public abstract Optional<String> failureMessage();

  public abstract Optional<CommitmentDuration> commitmentDuration();

  /** The end of the commitment term (D8), present exactly when there is a commitment. */
  public abstract Optional<Instant> commitmentExpirationTime();

  public abstract Tags tags();

  public abstract Optional<ClientRequestToken> clientRequestToken();

  /** The request that created it (D2, D3). */
  public abstract CreationRequest creationRequest();

  /** The model units it holds in a quota ledger, released on Delete (D14). */
  public abstract QuotaCharge quotaCharge();

  /** How many times it has been read in its current pending status (D9, "after N reads"). */
  public abstract int pendingObservations();

  /** Starts at 1 and grows by one with every change; repositories compare it before writing. */
  public abstract long version();

  /** The provisioned throughput's id: the last part of its ARN. */
  public ProvisionedModelId id() {
    return provisionedModelArn().id();
  }

  /** The scope it belongs to and is visible in. */
  public ResourceScope scope() {
    return provisionedModelArn().scope();
  }

  @Value.Check
  protected void check() {
    InvariantViolation.require(
        commitmentDuration().isPresent() == commitmentExpirationTime().isPresent(),
        "commitment and its expiration go together");
    InvariantViolation.require(
        status() == ProvisionedModelStatus.Failed || failureMessage().isEmpty(),
        "only a Failed provisioned throughput has a failure message");
    InvariantViolation.require(
        !lastModifiedTime().isBefore(creationTime()), "modified before it was created");
    InvariantViolation.require(version() >= 1, "version %d", version());
  }

  /**
   * Rebuilds a stored provisioned throughput, for repositories that persist it outside the JVM.
   * Every attribute is required except the optional ones; the invariants are checked on {@code
   * build()}.
   */
  public static Builder rehydrate() {
    return new Builder();
  }

  /** Rebuilds a stored provisioned throughput; see {@link #rehydrate()}. */
  public static final class Builder extends ImmutableProvisionedThroughput.Builder {
    Builder() {}
  }

  /**
   * A new provisioned throughput in {@code Creating}, with its commitment term starting {@code now}
   * (D8), advanced at once if {@code policy} says so (D9); one that is {@code InService} at once
   * is created so, at version 1.
   */
  public static ProvisionedThroughput provision(
      ProvisionedModelArn arn,
      CreationRequest request,
      ResolvedModel model,
      Tags tags,
      QuotaCharge charge,
      Optional<ClientRequestToken> token,
      StatusTransitionPolicy policy,
      Instant now) {
    Instant created = now.truncatedTo(ChronoUnit.MILLIS);
    ProvisionedThroughput creating =
        new Builder()
            .provisionedModelArn(arn)
            .provisionedModelName(request.provisionedModelName())
            .modelUnits(request.modelUnits())
            .desiredModelUnits(request.modelUnits())
            .modelArn(model.modelArn())
            .desiredModelArn(model.modelArn())
            .foundationModelArn(model.foundationModel().arn())
            .status(ProvisionedModelStatus.Creating)
            .creationTime(created)
            .lastModifiedTime(created)
            .commitmentDuration(request.commitmentDuration())
            .commitmentExpirationTime(request.commitmentDuration().map(c -> c.termEnd(created)))
            .tags(tags)
            .clientRequestToken(token)
            .creationRequest(request)
            .quotaCharge(charge)
            .pendingObservations(0)
            .version(1)
            .build();
    Transition decided = policy.decide(creating, created);
    if (decided instanceof Transition.Complete) {
      return ImmutableProvisionedThroughput.copyOf(creating)
          .withStatus(ProvisionedModelStatus.InService);
    }
    return creating.advance(decided, created);
  }

  /**
   * This provisioned throughput as a read at {@code now} sees it: a pending status is counted as
   * observed once more, then advanced as {@code policy} decides (D9). Returns {@code this} when
   * nothing is pending.
   */
  public ProvisionedThroughput observe(StatusTransitionPolicy policy, Instant now) {
    if (!status().isPending()) {
      return this;
    }
    Transition t = policy.decide(this, now);
    return t instanceof Transition.Stay
        ? copy().withPendingObservations(pendingObservations() + 1)
        : advance(t, now);
  }

  /** The pending transition completed or failed by hand, for manual policies (D9). */
  public Either<BedrockError, ProvisionedThroughput> settle(Transition transition, Instant now) {
    if (!status().isPending()) {
      return Either.left(
          new ValidationError(new ValidationFact.NothingPending(provisionedModelName(), status())));
    }
    return Either.right(advance(transition, now));
  }

  private ProvisionedThroughput advance(Transition t, Instant now) {
    if (t instanceof Transition.Complete) {
      return changed(now)
          .withStatus(ProvisionedModelStatus.InService)
          .withModelArn(desiredModelArn())
          .withModelUnits(desiredModelUnits())
          .withFailureMessage(Optional.empty());
    }
    if (t instanceof Transition.Fail fail) {
      return changed(now)
          .withStatus(ProvisionedModelStatus.Failed)
          .withFailureMessage(fail.failureMessage());
    }
    return this;
  }

  /**
   * This provisioned throughput renamed and/or moved to another model, entering {@code Updating}
   * (D9). D10: nothing may change while {@code Creating} or {@code Updating}. D11: the model may
   * change only from a custom model, to its base model or another custom model of the same base.
   */
  public Either<BedrockError, ProvisionedThroughput> update(
      Optional<ProvisionedModelName> newName,
      Optional<ResolvedModel> newModel,
      StatusTransitionPolicy policy,
      Instant now) {
    if (status().isPending()) {
      return Either.left(
          new ValidationError(
              new ValidationFact.ChangeWhilePending(provisionedModelName(), status())));
    }
    if (newModel.isPresent()) {
      Either<BedrockError, ResolvedModel> allowed = modelChangeAllowed(newModel.get());
      if (allowed.isLeft()) {
        return Either.left(allowed.getLeft());
      }
    }
    if (newName.isEmpty() && newModel.isEmpty()) {
      return Either.right(this);
    }
    ProvisionedThroughput updating =
        changed(now)
            .withFailureMessage(Optional.empty())
            .withStatus(ProvisionedModelStatus.Updating)
            .withProvisionedModelName(newName.orElse(provisionedModelName()))
            .withDesiredModelArn(newModel.map(ResolvedModel::modelArn).orElse(modelArn()));
    Instant at = updating.lastModifiedTime();
    return Either.right(updating.advance(policy.decide(updating, at), at));
  }

  private Either<BedrockError, ResolvedModel> modelChangeAllowed(ResolvedModel target) {
    if (!modelArn().isCustom()) {
      return Either.left(
          new ValidationError(
              new ValidationFact.BaseModelFixed(
                  provisionedModelName(), foundationModelArn().modelId())));
    }
    if (!target.foundationModel().arn().equals(foundationModelArn())) {
      return Either.left(
          new ValidationError(
              new ValidationFact.OtherBaseModel(
                  foundationModelArn().modelId(),
                  target.displayName(),
                  target.foundationModel().modelId())));
    }
    return Either.right(target);
  }

  /** This provisioned throughput with {@code tags}; timestamps are unchanged. */
  public ProvisionedThroughput retag(Tags tags) {
    return copy().withTags(tags);
  }

  /**
   * Whether it may be deleted at {@code now} (D7): not while a commitment term runs. Returns the
   * provisioned throughput itself when it may.
   */
  public Either<BedrockError, ProvisionedThroughput> deletable(Instant now) {
    if (commitmentExpirationTime().isPresent() && now.isBefore(commitmentExpirationTime().get())) {
      return Either.left(
          new Conflict(
              "Provisioned throughput "
                  + provisionedModelName()
                  + " has a "
                  + commitmentDuration().get()
                  + " commitment until commitmentExpirationTime "
                  + commitmentExpirationTime().get()
                  + " and cannot be deleted before then."));
    }
    return Either.right(this);
  }

  /** A copy one version on, for a change that leaves the timestamps alone. */
  private ImmutableProvisionedThroughput copy() {
    return ImmutableProvisionedThroughput.copyOf(this).withVersion(version() + 1);
  }

  /** A copy one version on, for a status or name change at {@code now} (D18). */
  private ImmutableProvisionedThroughput changed(Instant now) {
    Instant at = now.truncatedTo(ChronoUnit.MILLIS);
    return copy()
        .withLastModifiedTime(at.isBefore(creationTime()) ? creationTime() : at)
        .withPendingObservations(0);
  }
}
