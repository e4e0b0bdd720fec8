package dev.strata.archfixtures.good.domain;

import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;

public final class Quota {
  private final String model;
  private final long units;
  private final Instant since;

  public Quota(String model, long units, Instant since) {
    this.model = model;
    this.units = units;
    this.since = since;
  }

  /** Time read from a clock the caller passes in is fine. */
  public static Quota startingNow(String model, long units, Clock clock) {
    return new Quota(model, units, Instant.now(clock));
  }

  public Either<String, Quota> reserve(long more) {
    return more <= units ? Either.right(new Quota(model, units - more, since)) : Either.left(model);
  }
}
