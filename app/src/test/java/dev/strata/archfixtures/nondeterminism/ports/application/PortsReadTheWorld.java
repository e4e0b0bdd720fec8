package dev.strata.archfixtures.nondeterminism.ports.application;

import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Violations in ports: the application service reads the clock and draws random numbers. */
public final class PortsReadTheWorld {
  private PortsReadTheWorld() {}

  public static final class ServiceReadsInstantNow {
    Object read() {
      return Instant.now();
    }
  }

  public static final class ServiceUsesThreadLocalRandom {
    int read() {
      return ThreadLocalRandom.current().nextInt();
    }
  }
}
