package dev.strata.domain;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** An AWS partition such as {@code aws}, {@code aws-cn} or {@code aws-us-gov}, as the ARN patterns allow it. */
@Value.Immutable
public abstract class Partition {
  public static final int MIN_LENGTH = 3;
  /** The ARN patterns bound a partition only by the length of the whole ARN. */
  public static final int MAX_LENGTH = MemberConstraint.MAX_PATTERN_INPUT;
  public static final String PATTERN = "^aws(-[^:]+)?$";
  static final Pattern REGEX = Pattern.compile(PATTERN);

  public abstract String value();

  /** A valid Partition; an invalid one is a bug and throws {@link InvariantViolation}. */
  public static Partition of(String value) {
    return ImmutablePartition.of(value);
  }

  /** Parses untrusted input, reporting every constraint sentence it breaks. */
  public static Validation<Seq<String>, Partition> parse(String raw) {
    return MemberConstraint.parseString(raw, MIN_LENGTH, MAX_LENGTH, REGEX, Partition::of);
  }

  @Value.Check
  protected void check() {
    MemberConstraint.requireString("Partition", value(), MIN_LENGTH, MAX_LENGTH, REGEX);
  }

  @Override
  public String toString() {
    return value();
  }
}
