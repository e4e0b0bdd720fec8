package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.FieldViolation;
import dev.strata.ports.driven.ClockOffset;
import dev.strata.ports.driving.ServiceClockControl;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The service clock (D20): a base clock (real time) plus the {@link ClockOffset} tests raise. Every
 * Bedrock-visible time is read from it: commitment expiry, {@code after-duration} transitions,
 * {@code creationTime} and {@code lastModifiedTime}. Authentication never is. The offset is read
 * from its store at every reading, so processes sharing a store agree; when the store fails, the
 * last offset read stands.
 */
public final class ServiceClock extends Clock implements ServiceClockControl {
  private final Clock base;
  private final ClockOffset offset;
  private final AtomicReference<Duration> lastRead = new AtomicReference<>(Duration.ZERO);

  public ServiceClock(Clock base, ClockOffset offset) {
    this.base = Objects.requireNonNull(base, "base");
    this.offset = Objects.requireNonNull(offset, "offset");
  }

  @Override
  public Instant instant() {
    return base.instant().plus(currentOffset());
  }

  private Duration currentOffset() {
    return offset.read().peek(lastRead::set).getOrElse(lastRead::get);
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return new ServiceClock(base.withZone(zone), offset);
  }

  @Override
  public Either<BedrockError, ClockReading> read() {
    return offset.read().peek(lastRead::set).map(this::reading);
  }

  @Override
  public Either<BedrockError, ClockReading> advance(Duration duration) {
    if (duration.isNegative()) {
      return Either.left(refusal("advance", duration, "Member must not be a negative duration"));
    }
    return offset.read().flatMap(now -> raise(now.plus(duration)));
  }

  @Override
  public Either<BedrockError, ClockReading> set(Instant instant) {
    Instant real = base.instant();
    return offset
        .read()
        .flatMap(
            now ->
                instant.isBefore(real.plus(now))
                    ? Either.left(
                        refusal(
                            "set",
                            instant,
                            "Member must not be before the service clock's time "
                                + real.plus(now)
                                + ": it moves forward only"))
                    : raise(Duration.between(real, instant)));
  }

  /** Returns the clock to real time. */
  public Either<BedrockError, ClockReading> toRealTime() {
    return offset.clear().peek(lastRead::set).map(this::reading);
  }

  private Either<BedrockError, ClockReading> raise(Duration to) {
    return offset.raise(to).peek(lastRead::set).map(this::reading);
  }

  private ClockReading reading(Duration current) {
    return new ClockReading(base.instant().plus(current), current);
  }

  private static BedrockError refusal(String member, Object value, String constraint) {
    return BedrockError.ValidationError.of(List.of(new FieldViolation(member, value, constraint)));
  }
}
