package dev.strata.ports.application.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A thread-safe clock that tests move by hand, or that moves {@code tick} further on every
 * {@link #instant()} call (the first call answers the start).
 */
final class TestClock extends Clock {
  private final AtomicReference<Instant> now;
  private final Duration tick;

  private TestClock(Instant start, Duration tick) {
    this.now = new AtomicReference<>(start);
    this.tick = tick;
  }

  /** A clock that stands at {@code start} until moved. */
  static TestClock at(Instant start) {
    return new TestClock(start, Duration.ZERO);
  }

  /** A clock that answers {@code start}, then {@code tick} more on every later call. */
  static TestClock ticking(Instant start, Duration tick) {
    return new TestClock(start, tick);
  }

  TestClock advance(Duration by) {
    now.updateAndGet(t -> t.plus(by));
    return this;
  }

  TestClock set(Instant to) {
    now.set(to);
    return this;
  }

  @Override
  public Instant instant() {
    return now.getAndUpdate(t -> t.plus(tick));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("a test clock stays in UTC");
  }
}
