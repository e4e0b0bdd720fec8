package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import dev.strata.ports.driven.ClockOffset;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/** The service clock's offset (D20) in this process only. */
public final class InMemoryClockOffset implements ClockOffset {
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  @Override
  public Either<BedrockError, Duration> read() {
    return Either.right(offset.get());
  }

  @Override
  public Either<BedrockError, Duration> raise(Duration to) {
    return Either.right(offset.accumulateAndGet(to, (now, wanted) -> wanted.compareTo(now) > 0 ? wanted : now));
  }

  @Override
  public Either<BedrockError, Duration> clear() {
    offset.set(Duration.ZERO);
    return Either.right(Duration.ZERO);
  }
}
