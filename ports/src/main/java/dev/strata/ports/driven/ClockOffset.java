package dev.strata.ports.driven;

import dev.strata.domain.BedrockError;
import io.vavr.control.Either;
import java.time.Duration;

/**
 * How far the service clock is ahead of real time (D20), shared by every process that shares the
 * store. It only grows, except when cleared by a reset. {@code Left} only for failures of the store
 * itself. Implementations are thread-safe and never throw.
 */
public interface ClockOffset {

  /** The offset now; zero until raised. */
  Either<BedrockError, Duration> read();

  /**
   * Raises the offset to {@code offset} unless it is already at least that, in one atomic step.
   *
   * @return the offset stored afterwards
   */
  Either<BedrockError, Duration> raise(Duration offset);

  /** Returns the offset to zero: the service clock is real time again. */
  Either<BedrockError, Duration> clear();
}
