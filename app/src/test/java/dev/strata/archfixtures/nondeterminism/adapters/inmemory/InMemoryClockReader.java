package dev.strata.archfixtures.nondeterminism.adapters.inmemory;

import java.time.Instant;
import java.util.Random;
import java.util.UUID;

/** Kept: adapters may read the world. */
public final class InMemoryClockReader {
  public String read() {
    return Instant.now() + " " + UUID.randomUUID() + " " + new Random().nextInt();
  }
}
