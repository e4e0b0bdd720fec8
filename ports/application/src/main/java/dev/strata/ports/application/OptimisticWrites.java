package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driven.ProvisionedThroughputs.WriteOutcome;
import io.vavr.control.Either;
import java.util.function.Function;

/**
 * Changes and removals of a stored provisioned throughput under optimistic concurrency: a rule is
 * applied to the version read, and the write succeeds only if that version is still stored; on a
 * lost race the rule is applied again to what is stored now, up to {@value #MAX_ATTEMPTS} times.
 */
final class OptimisticWrites {
  /** How often a change is retried after losing a race for the same provisioned throughput. */
  private static final int MAX_ATTEMPTS = 128;

  private final ProvisionedThroughputs store;

  OptimisticWrites(ProvisionedThroughputs store) {
    this.store = store;
  }

  /**
   * Applies {@code rule} to the stored provisioned throughput and writes the result if nothing
   * changed it meanwhile. A rule that returns its input unchanged writes nothing; a rename onto a
   * taken name is the D1 conflict.
   */
  Either<BedrockError, ProvisionedThroughput> change(
      ProvisionedThroughput read,
      Function<ProvisionedThroughput, Either<BedrockError, ProvisionedThroughput>> rule) {
    ProvisionedThroughput current = read;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Either<BedrockError, ProvisionedThroughput> next = rule.apply(current);
      if (next.isLeft() || next.get() == current) {
        return next;
      }
      Either<BedrockError, WriteOutcome> outcome = store.replace(current, next.get());
      if (outcome.isLeft()) {
        return Either.left(outcome.getLeft());
      }
      if (outcome.get() instanceof WriteOutcome.Written) {
        return next;
      }
      if (outcome.get() instanceof WriteOutcome.NameTaken taken) {
        return Either.left(Names.taken(taken.holder()));
      }
      Either<BedrockError, ProvisionedThroughput> stored =
          storedNow(current, (WriteOutcome.Stale) outcome.get());
      if (stored.isLeft()) {
        return stored;
      }
      current = stored.get();
    }
    return Either.left(contended(read));
  }

  /**
   * Removes the stored provisioned throughput if {@code allowed} permits it and nothing changed it
   * meanwhile; its model units go back to their ledger in the same write (D14).
   */
  Either<BedrockError, ProvisionedThroughput> remove(
      ProvisionedThroughput read,
      Function<ProvisionedThroughput, Either<BedrockError, ProvisionedThroughput>> allowed) {
    ProvisionedThroughput current = read;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Either<BedrockError, ProvisionedThroughput> permitted = allowed.apply(current);
      if (permitted.isLeft()) {
        return permitted;
      }
      Either<BedrockError, WriteOutcome> outcome = store.remove(current);
      if (outcome.isLeft()) {
        return Either.left(outcome.getLeft());
      }
      if (outcome.get() instanceof WriteOutcome.Written) {
        return Either.right(current);
      }
      Either<BedrockError, ProvisionedThroughput> stored =
          storedNow(current, (WriteOutcome.Stale) outcome.get());
      if (stored.isLeft()) {
        return stored;
      }
      current = stored.get();
    }
    return Either.left(contended(read));
  }

  /** The version a lost write is retried on, or ResourceNotFound when it was deleted meanwhile. */
  private static Either<BedrockError, ProvisionedThroughput> storedNow(
      ProvisionedThroughput current, WriteOutcome.Stale stale) {
    return stale.stored().toEither(() -> Locator.notFound(current.provisionedModelArn().value()));
  }

  private static BedrockError contended(ProvisionedThroughput pt) {
    return new BedrockError.InternalServerError(
        "Provisioned throughput "
            + pt.provisionedModelArn()
            + " is being changed by too many requests at once; retry the request.");
  }
}
