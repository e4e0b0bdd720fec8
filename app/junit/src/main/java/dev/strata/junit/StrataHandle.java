package dev.strata.junit;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import io.vavr.control.Either;
import java.util.stream.Stream;

/**
 * The control handle of one test's Strata, injected beside the clients: reset, the manual status
 * transitions (D9), injected faults, and the quota ledgers (D14). Thread-safe.
 */
public final class StrataHandle {
  private final InMemoryStrata strata;

  StrataHandle(InMemoryStrata strata) {
    this.strata = strata;
  }

  /**
   * Removes every provisioned throughput, with its tags, client request token and the model units
   * it holds, in every account and region, and clears every injected fault. The catalog and the
   * quota limits stay.
   *
   * @return how many provisioned throughputs were removed
   */
  public int reset() {
    faults().forEach(f -> f.clear());
    int removed = 0;
    for (ProvisionedThroughput pt : strata.repository().snapshot()) {
      if (strata.repository().remove(pt).isRight()) {
        removed++;
      }
    }
    return removed;
  }

  /** Moves a pending {@code Creating} or {@code Updating} provisioned throughput to {@code InService}. */
  public Either<BedrockError, ProvisionedThroughput> completeTransition(String provisionedModelId) {
    return strata.service().completeTransition(provisionedModelId);
  }

  /** Ends a pending transition in {@code Failed}, with {@code failureMessage}. */
  public Either<BedrockError, ProvisionedThroughput> failTransition(
      String provisionedModelId, String failureMessage) {
    return strata.service().failTransition(provisionedModelId, failureMessage);
  }

  /**
   * Makes every call to the provisioned-throughput store fail with {@code error} until {@link
   * #reset()}: what a throttled or unavailable dependency looks like to Bedrock's callers.
   */
  public void failStoreWith(BedrockError error) {
    strata.repository().faults().failWith(error);
  }

  /** A ledger's limit and the units held against it now, in the home account and region. */
  public Either<BedrockError, QuotaUsage> usage(QuotaKey key) {
    return strata.usage(strata.home(), key);
  }

  /** The in-memory Strata behind the endpoint, for anything this handle does not offer. */
  public InMemoryStrata strata() {
    return strata;
  }

  private Stream<dev.strata.adapters.inmemory.FaultInjection> faults() {
    return Stream.of(
        strata.catalog().faults(),
        strata.limits().faults(),
        strata.minter().faults(),
        strata.repository().faults());
  }
}
