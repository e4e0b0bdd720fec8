package dev.strata.domain;

import io.vavr.collection.List;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * A commitment term. Shape {@code CommitmentDuration}; an absent value means no commitment.
 *
 * <p>D8: the term ends {@link #months()} calendar months after creation, in UTC. Where the target
 * month is shorter, the end is clamped to its last day (31 January + 1 month = 28 or 29 February).
 */
public enum CommitmentDuration {
  OneMonth(1),
  SixMonths(6);

  private final int months;

  CommitmentDuration(int months) {
    this.months = months;
  }

  public int months() {
    return months;
  }

  /** The instant the term that starts at {@code start} ends (D8). */
  public Instant termEnd(Instant start) {
    return start.atOffset(ZoneOffset.UTC).plusMonths(months).toInstant();
  }

  /** The wire names, in model order, for enum-set messages. */
  public static List<String> names() {
    return List.of(values()).map(Enum::name);
  }

  /** The duration with this exact wire name, if any. */
  public static Optional<CommitmentDuration> fromName(String name) {
    return List.of(values()).find(d -> d.name().equals(name)).toJavaOptional();
  }
}
