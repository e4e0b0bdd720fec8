package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driven.ProvisionedThroughputs;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Supplier;

/**
 * Idempotent Create (D2, D3): every Create that carries a client request token answers with the
 * ARN of the one provisioned throughput that token created in its scope, however many duplicates
 * race, in one process or several sharing a store. The path is lock, look up, claim, reconcile:
 *
 * <ol>
 *   <li><b>Lock.</b> Duplicates in one process are serialised on (scope, token), so the second
 *       finds the first's record instead of contending with it for the name and the quota.
 *   <li><b>Look up.</b> A token already held answers with its holder at once: nothing is minted,
 *       stored or charged again.
 *   <li><b>Claim.</b> The purchase stores the record and its token claim in one atomic write of the
 *       store; a duplicate sent to another process that claims the token first makes that write
 *       answer {@code TokenTaken}, which is replayed like a look-up hit.
 *   <li><b>Reconcile.</b> The purchase checks the name before it writes; a duplicate in another
 *       process can take the name (or the last model units) between this Create's look-up and that
 *       check, so a refusal that is the name-taken fact (or the quota) is answered with the
 *       token's holder when there is one by then; any other refusal is the request's own.
 * </ol>
 *
 * <p>A replay whose parameters differ from the original request is accepted as AWS documents it
 * ({@link IdempotencyMode#LENIENT}) or refused ({@link IdempotencyMode#STRICT}).
 */
final class ClientRequestTokens {
  private final ProvisionedThroughputs store;
  private final IdempotencyMode mode;
  private final TokenLocks locks = new TokenLocks();

  ClientRequestTokens(ProvisionedThroughputs store, IdempotencyMode mode) {
    this.store = store;
    this.mode = mode;
  }

  /** {@code purchase} made at most once for {@code token} in {@code scope}; see the class. */
  Either<BedrockError, ProvisionedModelArn> create(
      ResourceScope scope,
      CreationRequest request,
      ClientRequestToken token,
      Supplier<Either<BedrockError, ProvisionedModelArn>> purchase) {
    return locks.withLock(
        List.of(scope, token),
        () -> {
          Either<BedrockError, Option<ProvisionedThroughput>> earlier =
              store.findByClientRequestToken(scope, token);
          if (earlier.isLeft() || earlier.get().isDefined()) {
            return earlier.flatMap(e -> replay(e.get(), request, token));
          }
          Either<BedrockError, ProvisionedModelArn> attempt = purchase.get();
          return attempt.isRight() ? attempt : reconcile(scope, request, token, attempt.getLeft());
        });
  }

  /** The answer to a Create whose token {@code earlier} already used. */
  Either<BedrockError, ProvisionedModelArn> replay(
      ProvisionedThroughput earlier, CreationRequest request, ClientRequestToken token) {
    if (mode == IdempotencyMode.STRICT && !earlier.creationRequest().equals(request)) {
      return Either.left(
          new ValidationError(new ValidationFact.TokenReused(token, earlier.provisionedModelArn())));
    }
    return Either.right(earlier.provisionedModelArn());
  }

  private Either<BedrockError, ProvisionedModelArn> reconcile(
      ResourceScope scope, CreationRequest request, ClientRequestToken token, BedrockError refusal) {
    if (!lostToDuplicate(refusal)) {
      return Either.left(refusal);
    }
    Either<BedrockError, Option<ProvisionedThroughput>> holder =
        store.findByClientRequestToken(scope, token);
    return holder.isRight() && holder.get().isDefined()
        ? replay(holder.get().get(), request, token)
        : Either.left(refusal);
  }

  /**
   * Whether {@code refusal} is what a duplicate that won the race causes: its record holds the
   * name (D1), or its model units leave too few for this one.
   */
  private static boolean lostToDuplicate(BedrockError refusal) {
    return refusal instanceof ValidationError v && v.fact() instanceof ValidationFact.NameTaken
        || refusal instanceof BedrockError.ServiceQuotaExceeded;
  }
}
