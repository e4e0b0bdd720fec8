package dev.strata.domain;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** The key of a resource tag. Shape {@code TagKey}. Keys starting with {@code aws:} are reserved (D6). */
@Value.Immutable
public abstract class TagKey {
  public static final int MIN_LENGTH = 1;
  public static final int MAX_LENGTH = 128;
  public static final String PATTERN = "^[a-zA-Z0-9\\s._:/=+@-]*$";
  static final Pattern REGEX = Pattern.compile(PATTERN);

  public abstract String value();

  /** A valid TagKey; an invalid one is a bug and throws {@link InvariantViolation}. */
  public static TagKey of(String value) {
    return ImmutableTagKey.of(value);
  }

  /** Parses untrusted input, reporting every constraint sentence it breaks. */
  public static Validation<Seq<String>, TagKey> parse(String raw) {
    return MemberConstraint.parseString(raw, MIN_LENGTH, MAX_LENGTH, REGEX, TagKey::of);
  }

  @Value.Check
  protected void check() {
    MemberConstraint.requireString("TagKey", value(), MIN_LENGTH, MAX_LENGTH, REGEX);
  }

  /** The prefix AWS reserves for its own tags; callers may not set or remove such keys (D6). */
  public static final String RESERVED_PREFIX = "aws:";

  /** Whether this key uses the prefix AWS reserves (compared case-insensitively). */
  public boolean isReserved() {
    return isReserved(value());
  }

  /** Whether a raw key uses the prefix AWS reserves (compared case-insensitively). */
  public static boolean isReserved(String key) {
    return key.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length());
  }

  @Override
  public String toString() {
    return value();
  }
}
