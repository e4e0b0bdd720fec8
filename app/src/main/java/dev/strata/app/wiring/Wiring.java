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
    return inMemory(configuration).service();
  }

  private static InMemoryStrata inMemory(StrataConfiguration c) {
    InMemoryStrata.Builder b =
        InMemoryStrata.builder()
            .partition(c.partition().value())
            .region(c.region().value())
            .account(c.account().value())
            .seed(c.seed())
            .idempotency(c.idempotency())
            .transitions(c.transitionPolicy());
    c.quotaLimits().forEach(b::quota);
    return b.build();
  }
}
