package dev.strata.app.wiring;

import dev.strata.adapters.inmemory.InMemoryStrata;
import dev.strata.ports.driving.Strata;

/**
 * Builds a {@link Strata} from a {@link StrataConfiguration}.
 *
 * <p>Today every driven port (catalog, quotas, ARN minting, store) is in-memory, so the whole
 * Strata comes from {@link InMemoryStrata#builder()}. When a second set of adapters exists, the
 * configuration gains one adapter choice per driven port and this class assembles the application
 * service from the chosen ones; callers keep calling {@link #strata(StrataConfiguration)}.
 */
public final class Wiring {
  private Wiring() {}

  /** A Strata for {@code configuration}, on the system UTC clock. */
  public static Strata strata(StrataConfiguration configuration) {
    return inMemory(configuration, SavedState.empty()).service();
  }

  /**
   * A Strata for {@code configuration} that starts with {@code saved}: its provisioned
   * throughputs hold their model units again, and the minter resumes after the ids it had minted.
   *
   * @throws IllegalArgumentException when {@code saved} does not fit the configuration, e.g. its
   *     model units exceed a lowered quota
   */
  public static RestoredStrata restore(StrataConfiguration configuration, SavedState saved) {
    InMemoryStrata strata = inMemory(configuration, saved);
    for (long i = 0; i < saved.idsMinted(); i++) {
      strata.minter().mint(strata.home());
    }
    return new RestoredStrata(strata, saved);
  }

  private static InMemoryStrata inMemory(StrataConfiguration c, SavedState saved) {
    InMemoryStrata.Builder b =
        InMemoryStrata.builder()
            .partition(c.partition().value())
            .region(c.region().value())
            .account(c.account().value())
            .seed(c.seed())
            .idempotency(c.idempotency())
            .transitions(c.transitionPolicy())
            .restore(saved.provisionedThroughputs());
    c.quotaLimits().forEach(b::quota);
    return b.build();
  }
}
