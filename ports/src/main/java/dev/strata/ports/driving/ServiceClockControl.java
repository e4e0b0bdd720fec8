package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;

/**
 * Reads and moves the service clock (D20): the real time plus an offset that tests raise. It moves
 * forward only, since commitment terms and timestamps must not run backwards; only a reset returns
 * it to real time.
 */
public interface ServiceClockControl {

  /** The service clock's time and offset now. */
  Either<BedrockError, ClockReading> read();

  /**
   * Moves the clock forward by {@code duration}; {@code ValidationError} naming {@code advance}
   * when it is negative.
   */
  Either<BedrockError, ClockReading> advance(Duration duration);

  /**
   * Moves the clock forward to {@code instant}; {@code ValidationError} naming {@code set} when
   * that is before the service clock's now.
   */
  Either<BedrockError, ClockReading> set(Instant instant);

  /** The service clock at one moment: its time and how far it is ahead of real time. */
  record ClockReading(Instant now, Duration offset) {}
}
