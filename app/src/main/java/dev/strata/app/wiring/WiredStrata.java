package dev.strata.app.wiring;

import dev.strata.ports.driving.Strata;
import dev.strata.ports.driving.StrataControl;
import java.util.Objects;

/**
 * A Strata wired by {@link Wiring#open(StrataConfiguration)}, its {@link StrataControl}, and the resources its adapters hold
 * (AWS SDK clients, with their HTTP connections). {@link #close()} releases them; the Strata must
 * not be called afterwards. Closing twice is harmless.
 */
public final class WiredStrata implements AutoCloseable {
  private final Strata strata;
  private final StrataControl control;
  private final AutoCloseable resources;

  WiredStrata(Strata strata, StrataControl control, AutoCloseable resources) {
    this.strata = Objects.requireNonNull(strata, "strata");
    this.control = Objects.requireNonNull(control, "control");
    this.resources = Objects.requireNonNull(resources, "resources");
  }

  public Strata strata() {
    return strata;
  }

  /** Test control of {@link #strata()}: its service clock, reset and health. */
  public StrataControl control() {
    return control;
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
