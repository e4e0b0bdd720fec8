package dev.strata.ports.driven;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.SortOrder;
import dev.strata.domain.ThroughputFilter;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The stored provisioned throughputs, with their tags, per account and region, and the model-unit
 * ledgers (D14) their quota charges are held in.
 *
 * <p>Within a scope, a name belongs to at most one stored provisioned throughput (D1) and so does a
 * client request token (D2); both are released when it is removed. Writes are atomic and
 * optimistic: a write based on a version that is no longer stored changes nothing. Reads are
 * consistent with every write that completed before them. {@code Left} only for failures of the
 * store itself. Implementations are thread-safe and never throw.
 *
 * <p>The ledgers live here because Create must be atomic with respect to name uniqueness (D1),
 * idempotency (D2) and quota (D14) even across several processes sharing one store: {@link #insert}
 * holds a record's {@link ProvisionedThroughput#quotaCharge()} in the same atomic step that stores
 * it, and {@link #remove} gives the units back in the step that removes it. Nothing else changes a
 * ledger. The limits come from {@link ModelUnitLimits}.
 */
public interface ProvisionedThroughputs {

  Either<BedrockError, Option<ProvisionedThroughput>> findById(
      ResourceScope scope, ProvisionedModelId id);

  default Either<BedrockError, Option<ProvisionedThroughput>> findByArn(ProvisionedModelArn arn) {
    return findById(arn.scope(), arn.id());
  }

  Either<BedrockError, Option<ProvisionedThroughput>> findByName(
      ResourceScope scope, ProvisionedModelName name);

  Either<BedrockError, Option<ProvisionedThroughput>> findByClientRequestToken(
      ResourceScope scope, ClientRequestToken token);

  /**
   * Stores a new provisioned throughput, claims its name and its token (if any), and holds its
   * {@link ProvisionedThroughput#quotaCharge()} in its scope's ledger, all in one atomic step,
   * provided the units held there plus the charge do not exceed {@code quotaLimit}. The token, the
   * name and the ARN are checked first, in that order: when one is taken, nothing is stored and the
   * outcome names the provisioned throughput that holds it. When they are free but the units do not
   * fit, nothing is stored, claimed or held and the outcome is {@link InsertOutcome.QuotaExceeded}.
   */
  Either<BedrockError, InsertOutcome> insert(ProvisionedThroughput created, long quotaLimit);

  /**
   * Replaces {@code current} by {@code next} (same ARN, higher version) if {@code current}'s
   * version is still the stored one, moving the name claim when the name changed.
   */
  Either<BedrockError, WriteOutcome> replace(
      ProvisionedThroughput current, ProvisionedThroughput next);

  /**
   * What every {@link #replace} requires of its arguments: the same ARN, a higher version. Breaking
   * it is a bug in the caller, not an outcome, so it throws {@link IllegalArgumentException}.
   */
  static void requireSuccessor(ProvisionedThroughput current, ProvisionedThroughput next) {
    if (!current.provisionedModelArn().equals(next.provisionedModelArn())
        || next.version() <= current.version()) {
      throw new IllegalArgumentException("replace must keep the ARN and raise the version");
    }
  }

  /**
   * Removes {@code current}, releasing its name and token, and gives its {@link
   * ProvisionedThroughput#quotaCharge()} back to its ledger, all in one atomic step, if its version
   * is still the stored one; a stale version changes nothing. Giving back more than is held leaves
   * the ledger at zero.
   */
  Either<BedrockError, WriteOutcome> remove(ProvisionedThroughput current);

  /**
   * Removes every stored provisioned throughput of {@code scope}, or of every scope when it is
   * empty, with its tags, name and token claims, and gives their units back to the ledgers. Each
   * removal is atomic as {@link #remove} is; a write racing the reset may survive it.
   *
   * @return how many provisioned throughputs were removed
   */
  Either<BedrockError, Integer> removeAll(Option<ResourceScope> scope);

  /** The model units stored provisioned throughputs of {@code scope} hold in {@code key}'s ledger. */
  Either<BedrockError, Long> unitsHeld(ResourceScope scope, QuotaKey key);

  /**
   * Up to {@code limit} stored provisioned throughputs of {@code scope} that pass {@code filter},
   * in creation order ({@link ListPosition}) ascending or descending, starting strictly after
   * {@code after} when it is given. Reflects every write that completed before the call.
   */
  Either<BedrockError, Seq<ProvisionedThroughput>> list(
      ResourceScope scope,
      ThroughputFilter filter,
      SortOrder order,
      Option<ListPosition> after,
      int limit);

  /** What {@link #insert} did. */
  sealed interface InsertOutcome {
    /** Stored; the name and token are now claimed by it. */
    record Inserted(ProvisionedThroughput stored) implements InsertOutcome {}

    /** Not stored: the token already belongs to {@code holder}. */
    record TokenTaken(ProvisionedThroughput holder) implements InsertOutcome {}

    /** Not stored: the name already belongs to {@code holder}. */
    record NameTaken(ProvisionedThroughput holder) implements InsertOutcome {}

    /** Not stored: a provisioned throughput with the same ARN exists; mint another. */
    record IdTaken() implements InsertOutcome {}

    /**
     * Not stored: the charge does not fit under the limit; {@code usage} is the ledger as the
     * refusal saw it.
     */
    record QuotaExceeded(QuotaUsage usage) implements InsertOutcome {}
  }

  /** What {@link #replace} or {@link #remove} did. */
  sealed interface WriteOutcome {
    /** Written; {@code stored} is what the store now holds (empty after a removal). */
    record Written(Option<ProvisionedThroughput> stored) implements WriteOutcome {}

    /** Nothing written: the stored version differs, or nothing is stored any more. */
    record Stale(Option<ProvisionedThroughput> stored) implements WriteOutcome {}

    /** Nothing written: the new name already belongs to {@code holder}. */
    record NameTaken(ProvisionedThroughput holder) implements WriteOutcome {}
  }
}
