package dev.strata.junit;

import dev.strata.adapters.inmemory.FaultInjection;
import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.ports.driving.StrataControl;
import io.vavr.control.Either;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The control handle of one test's Strata, injected beside the clients: {@link #control()},
 * Strata's own control API (what {@code /_strata/} serves over HTTP, also injected on its own as
 * {@link StrataControl}), plus a reset of everything, the manual status transitions (D9), injected
 * faults and the quota ledgers (D14). Thread-safe.
 */
public final class StrataHandle {
  private final InMemoryStrata strata;

  StrataHandle(InMemoryStrata strata) {
    this.strata = strata;
  }

  /**
   * Removes every provisioned throughput, with its tags, client request token and the model units
   * it holds, in every account and region, returns the service clock to real time and clears
   * every injected fault. The catalog and the quota limits stay.
   *
   * @return how many provisioned throughputs were removed
   * @throws IllegalStateException when the store refuses (a fault it was told to inject)
   */
  public int reset() {
    faults().forEach(FaultInjection::clear);
    return strata.control().reset(Optional.empty())
        .getOrElseThrow(error -> new IllegalStateException("reset failed: " + error.message()));
  }

  /**
   * Strata's control API for this Strata: the service clock (read, advance, set), reset of one
   * scope or everywhere, health, and whatever else it offers.
   */
  public StrataControl control() {
    return strata.control();
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

  private Stream<FaultInjection> faults() {
    return Stream.of(
        strata.catalog().faults(),
        strata.limits().faults(),
        strata.minter().faults(),
        strata.repository().faults());
  }
}
