package dev.strata.archfixtures.nondeterminism.domain;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

/** Kept: time from a Clock the caller passes in; ids derived from data. */
public final class TakesTimeFromAClock {
  public Instant now(Clock clock) {
    return Instant.now(clock);
  }

  public LocalDateTime localNow(Clock clock) {
    return LocalDateTime.now(clock);
  }

  public UUID idOf(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
