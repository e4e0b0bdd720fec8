package dev.strata.domain;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** The value of a resource tag. Shape {@code TagValue}; may be empty. */
@Value.Immutable
public abstract class TagValue {
  public static final int MIN_LENGTH = 0;
  public static final int MAX_LENGTH = 256;
  public static final String PATTERN = "^[a-zA-Z0-9\\s._:/=+@-]*$";
  static final Pattern REGEX = Pattern.compile(PATTERN);

  public abstract String value();

  /** A valid TagValue; an invalid one is a bug and throws {@link InvariantViolation}. */
  public static TagValue of(String value) {
    return ImmutableTagValue.of(value);
  }

  /** Parses untrusted input, reporting every constraint sentence it breaks. */
  public static Validation<Seq<String>, TagValue> parse(String raw) {
    return MemberConstraint.parseString(raw, MIN_LENGTH, MAX_LENGTH, REGEX, TagValue::of);
  }

  @Value.Check
  protected void check() {
    MemberConstraint.requireString("TagValue", value(), MIN_LENGTH, MAX_LENGTH, REGEX);
  }

  @Override
  public String toString() {
    return value();
  }
}
