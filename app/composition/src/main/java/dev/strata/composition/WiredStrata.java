package dev.strata.composition;

import dev.strata.ports.driving.Strata;
import java.util.Objects;

/**
 * A Strata wired by {@link Wiring#open(StrataConfiguration)} and the resources its adapters hold
 * (AWS SDK clients, with their HTTP connections). {@link #close()} releases them; the Strata must
 * not be called afterwards. Closing twice is harmless.
 */
public final class WiredStrata implements AutoCloseable {
  private final Strata strata;
  private final AutoCloseable resources;

  WiredStrata(Strata strata, AutoCloseable resources) {
    this.strata = Objects.requireNonNull(strata, "strata");
    this.resources = Objects.requireNonNull(resources, "resources");
  }

  public Strata strata() {
    return strata;
  }

  @Override
  public void close() {
    try {
      resources.close();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("the adapters did not close: " + e.getMessage(), e);
    }
  }
}
