package dev.strata.archfixtures.nondeterminism.app.wiring;

import java.time.Clock;

/** Kept: the composition root picks the system clock. */
public final class Wiring {
  private Wiring() {}

  public static Clock clock() {
    return System.nanoTime() > 0 ? Clock.systemUTC() : Clock.systemDefaultZone();
  }
}
