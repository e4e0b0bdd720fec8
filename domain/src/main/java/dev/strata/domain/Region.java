package dev.strata.domain;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** An AWS region name such as {@code us-east-1}, as the ARN patterns allow it. */
@Value.Immutable
public abstract class Region {
  public static final int MIN_LENGTH = 1;
  public static final int MAX_LENGTH = 20;
  public static final String PATTERN = "^[a-z0-9-]{1,20}$";
  static final Pattern REGEX = Pattern.compile(PATTERN);

  public abstract String value();

  /** A valid Region; an invalid one is a bug and throws {@link InvariantViolation}. */
  public static Region of(String value) {
    return ImmutableRegion.of(value);
  }

  /** Parses untrusted input, reporting every constraint sentence it breaks. */
  public static Validation<Seq<String>, Region> parse(String raw) {
    return MemberConstraint.parseString(raw, MIN_LENGTH, MAX_LENGTH, REGEX, Region::of);
  }

  @Value.Check
  protected void check() {
    MemberConstraint.requireString("Region", value(), MIN_LENGTH, MAX_LENGTH, REGEX);
  }

  @Override
  public String toString() {
    return value();
  }
}
