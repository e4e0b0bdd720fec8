package dev.strata.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * When a pending provisioned throughput ({@code Creating} or {@code Updating}) reaches {@code
 * InService} or {@code Failed} (D9). A policy is consulted at Create and Update, and again every
 * time the provisioned throughput is read while it is pending; it is a pure function of the
 * aggregate and the time of the read.
 */
@FunctionalInterface
public interface StatusTransitionPolicy {

  /** The names {@link #named(String)} knows, as a sentence for an error message. */
  String NAMES = "immediate, manual, after-reads:N or after-duration:<ISO-8601 duration>";

  /** What {@code pending} becomes when observed at {@code now}. */
  Transition decide(ProvisionedThroughput pending, Instant now);

  /** The outcome of one observation. */
  sealed interface Transition {
    /** Still pending. */
    record Stay() implements Transition {}

    /** Now {@code InService}. */
    record Complete() implements Transition {}

    /** Now {@code Failed}, with {@code failureMessage}. */
    record Fail(String failureMessage) implements Transition {
      public Fail {
        Objects.requireNonNull(failureMessage, "failureMessage");
      }
    }
  }

  /** The default: a pending provisioned throughput is {@code InService} at once. */
  static StatusTransitionPolicy immediate() {
    return (pending, now) -> new Transition.Complete();
  }

  /** {@code InService} once {@code delay} has passed on the clock since the status began. */
  static StatusTransitionPolicy afterDuration(Duration delay) {
    Objects.requireNonNull(delay, "delay");
    return (pending, now) ->
        now.isBefore(pending.lastModifiedTime().plus(delay))
            ? new Transition.Stay()
            : new Transition.Complete();
  }

  /** The first {@code reads} reads see the pending status; the next one sees {@code InService}. */
  static StatusTransitionPolicy afterReads(int reads) {
    if (reads < 0) {
      throw new IllegalArgumentException("reads must be >= 0: " + reads);
    }
    return (pending, now) ->
        pending.pendingObservations() >= reads
            ? new Transition.Complete()
            : new Transition.Stay();
  }

  /** Never moves on by itself: a test completes or fails each transition explicitly. */
  static StatusTransitionPolicy manual() {
    return (pending, now) -> new Transition.Stay();
  }

  /**
   * This policy, except that a transition of a provisioned throughput matching {@code which} ends
   * in {@code Failed} with {@code failureMessage} at the moment it would have completed.
   */
  default StatusTransitionPolicy failing(
      Predicate<ProvisionedThroughput> which, String failureMessage) {
    Objects.requireNonNull(which, "which");
    Objects.requireNonNull(failureMessage, "failureMessage");
    return (pending, now) -> {
      Transition t = decide(pending, now);
      return t instanceof Transition.Complete && which.test(pending)
          ? new Transition.Fail(failureMessage)
          : t;
    };
  }

  /**
   * The policy a configuration names: {@code immediate}, {@code manual}, {@code after-reads:N} or
   * {@code after-duration:PT30S} (any ISO-8601 duration); empty for anything else.
   */
  static Optional<StatusTransitionPolicy> named(String name) {
    Objects.requireNonNull(name, "name");
    if (name.equals("immediate")) {
      return Optional.of(immediate());
    }
    if (name.equals("manual")) {
      return Optional.of(manual());
    }
    try {
      if (name.startsWith("after-reads:")) {
        int reads = Integer.parseInt(name.substring("after-reads:".length()));
        return reads < 0 ? Optional.empty() : Optional.of(afterReads(reads));
      }
      if (name.startsWith("after-duration:")) {
        return Optional.of(afterDuration(Duration.parse(name.substring("after-duration:".length()))));
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
