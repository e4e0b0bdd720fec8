package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.ports.driving.GetProvisionedModelThroughput;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Waits until a provisioned throughput is {@code InService} or {@code Failed}, the waiter AWS does
 * not ship: polls GetProvisionedModelThroughput, as Terraform does, until the status settles or the
 * timeout passes on the given clock. Each poll is a read, so it also drives read-counting transition
 * policies. Thread-safe.
 */
public final class ProvisionedThroughputWaiter {
  private final GetProvisionedModelThroughput get;
  private final Clock clock;
  private final Pause pause;

  /** How the waiter waits between polls; {@link Thread#sleep} in production. */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration duration) throws InterruptedException;
  }

  public ProvisionedThroughputWaiter(GetProvisionedModelThroughput get, Clock clock) {
    this(get, clock, duration -> Thread.sleep(duration.toMillis()));
  }

  public ProvisionedThroughputWaiter(GetProvisionedModelThroughput get, Clock clock, Pause pause) {
    this.get = Objects.requireNonNull(get, "get");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  /** How a wait ended. */
  public sealed interface Outcome {
    /** The last state read. */
    ProvisionedThroughput last();

    /** The status settled: {@code InService} or {@code Failed} (see {@code last().status()}). */
    record Settled(ProvisionedThroughput last) implements Outcome {}

    /** Still pending when the timeout passed, or the waiting thread was interrupted. */
    record TimedOut(ProvisionedThroughput last) implements Outcome {}
  }

  /**
   * Polls every {@code interval} until the status is {@code InService} or {@code Failed}, or {@code
   * timeout} has passed. Left when a poll fails (e.g. ResourceNotFound after a delete).
   */
  public Either<BedrockError, Outcome> awaitSettled(
      String provisionedModelId, Duration timeout, Duration interval) {
    Instant deadline = clock.instant().plus(timeout);
    GetProvisionedModelThroughputCommand poll =
        new GetProvisionedModelThroughputCommand(provisionedModelId);
    while (true) {
      Either<BedrockError, ProvisionedThroughput> read = get.getProvisionedModelThroughput(poll);
      if (read.isLeft()) {
        return Either.left(read.getLeft());
      }
      ProvisionedThroughput pt = read.get();
      if (pt.status() == ProvisionedModelStatus.InService
          || pt.status() == ProvisionedModelStatus.Failed) {
        return Either.right(new Outcome.Settled(pt));
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return Either.right(new Outcome.TimedOut(pt));
      }
      try {
        pause.pause(interval.compareTo(left) < 0 ? interval : left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Either.right(new Outcome.TimedOut(pt));
      }
    }
  }
}
