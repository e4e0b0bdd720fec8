package dev.strata.ports.driven;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.SortOrder;
import dev.strata.domain.ThroughputFilter;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The stored provisioned throughputs, with their tags, per account and region.
 *
 * <p>Within a scope, a name belongs to at most one stored provisioned throughput (D1) and so does a
 * client request token (D2); both are released when it is removed. Writes are atomic and
 * optimistic: a write based on a version that is no longer stored changes nothing. Reads are
 * consistent with every write that completed before them. {@code Left} only for failures of the
 * store itself. Implementations are thread-safe and never throw.
 *
 * <p>Create must be atomic with respect to name uniqueness (D1), idempotency (D2) and quota (D14)
 * even across several processes sharing one store, so the repository also keeps the units that
 * stored provisioned throughputs hold in the model-unit ledgers: {@link #insert(ProvisionedThroughput,
 * long)} holds a record's {@link ProvisionedThroughput#quotaCharge()} in the same atomic step that
 * stores it, and {@link #removeAndRelease} gives the units back in the step that removes it. The
 * ledgers are those the deployment's {@link ModelUnitQuotas} reports and reserves in: an adapter
 * pair shares them (one DynamoDB table; one in-memory ledger object), so units held here count
 * against {@link ModelUnitQuotas#reserve} and show in {@link ModelUnitQuotas#usage}, and the other
 * way round.
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
   * Stores a new provisioned throughput and claims its name and its token (if any), all or
   * nothing. When the token or the name is already claimed, nothing is stored and the outcome
   * names the provisioned throughput that holds it; the token is checked first, then the name,
   * then the ARN.
   */
  Either<BedrockError, InsertOutcome> insert(ProvisionedThroughput created);

  /**
   * {@link #insert(ProvisionedThroughput)}, and in the same atomic step holds {@code created}'s
   * {@link ProvisionedThroughput#quotaCharge()} in its ledger of {@code created}'s scope, provided
   * the units held there plus the charge do not exceed {@code quotaLimit}. The token, the name and
   * the ARN are checked first, in that order; when they are free but the units do not fit, nothing
   * is stored or claimed or held and the outcome is {@link InsertOutcome.QuotaExceeded}.
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
   * Removes {@code current}, releasing its name and token, if its version is still the stored one.
   */
  Either<BedrockError, WriteOutcome> remove(ProvisionedThroughput current);

  /**
   * {@link #remove}, and in the same atomic step gives {@code current}'s {@link
   * ProvisionedThroughput#quotaCharge()} back to its ledger, for records stored by {@link
   * #insert(ProvisionedThroughput, long)}. Like {@link ModelUnitQuotas#release}, giving back more
   * than is held leaves the ledger at zero. A stale version releases nothing.
   */
  Either<BedrockError, WriteOutcome> removeAndRelease(ProvisionedThroughput current);

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
