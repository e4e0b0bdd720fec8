package dev.strata.domain;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The constraint sentences AWS uses in validation messages, and the checks behind them.
 *
 * <p>Both the domain's {@code parse} factories and the ports' Jakarta constraints render through
 * here, so a constraint is phrased once.
 */
public final class MemberConstraint {

  /**
   * The longest input a pattern is ever run on: the largest maximum length of any bounded shape
   * (ModelIdentifier, 2048). Matching is iterative (see {@link #matchesWhole}), so this bound is
   * about CPU, not stack: longer input is reported by its length constraint alone.
   */
  public static final int MAX_PATTERN_INPUT = 2048;

  /**
   * The model's name group. java.util.regex matches a repeated group of varying width by recursing
   * once per repetition, so this overflows a 1 MiB thread stack below 2048 characters.
   */
  private static final String RECURSIVE_NAME = "([0-9a-zA-Z][_-]?)+";

  /**
   * The same language (an alphanumeric, then alphanumerics and single separators), as a group of
   * fixed width that java.util.regex repeats iteratively.
   */
  private static final String ITERATIVE_NAME = "([0-9a-zA-Z](?:[0-9a-zA-Z_-](?<![_-][_-]))*)";

  private static final ConcurrentMap<String, Pattern> STACK_SAFE = new ConcurrentHashMap<>();

  private MemberConstraint() {}

  public static String notNull() {
    return "Member must not be null";
  }

  public static String lengthAtLeast(long min) {
    return "Member must have length greater than or equal to " + min;
  }

  public static String lengthAtMost(long max) {
    return "Member must have length less than or equal to " + max;
  }

  public static String valueAtLeast(long min) {
    return "Member must have value greater than or equal to " + min;
  }

  public static String valueAtMost(long max) {
    return "Member must have value less than or equal to " + max;
  }

  public static String pattern(String regex) {
    return "Member must satisfy regular expression pattern: " + regex;
  }

  public static String enumValueSet(Iterable<String> values) {
    return "Member must satisfy enum value set: [" + String.join(", ", values) + "]";
  }

  /**
   * Whether {@code value} matches {@code pattern} as a whole string. Smithy patterns are not
   * anchored implicitly and the model's own anchors do not bind across alternations, so Strata
   * deliberately matches whole strings (see {@link ModelIdentifier#PATTERN}).
   */
  public static boolean matchesWhole(Pattern pattern, CharSequence value) {
    return value.length() <= MAX_PATTERN_INPUT && stackSafe(pattern).matcher(value).matches();
  }

  /** {@code pattern} with its recursive name group, if any, replaced by an iterative equivalent. */
  private static Pattern stackSafe(Pattern pattern) {
    return STACK_SAFE.computeIfAbsent(
        pattern.pattern(),
        p ->
            p.contains(RECURSIVE_NAME)
                ? Pattern.compile(p.replace(RECURSIVE_NAME, ITERATIVE_NAME), pattern.flags())
                : pattern);
  }

  /** The length and pattern sentences that {@code value} breaks, in AWS's order: length, then pattern. */
  public static Seq<String> checkString(String value, int min, int max, Pattern pattern) {
    List<String> broken = List.empty();
    if (value.length() < min) {
      broken = broken.append(lengthAtLeast(min));
    }
    if (value.length() > max) {
      broken = broken.append(lengthAtMost(max));
    }
    if (pattern != null
        && value.length() <= MAX_PATTERN_INPUT
        && !matchesWhole(pattern, value)) {
      broken = broken.append(pattern(pattern.pattern()));
    }
    return broken;
  }

  /**
   * Parses {@code raw} into a value when it satisfies every string constraint, or reports every
   * constraint sentence it breaks.
   */
  public static <T> Validation<Seq<String>, T> parseString(
      String raw, int min, int max, Pattern pattern, Function<String, T> factory) {
    if (raw == null) {
      return Validation.invalid(List.of(notNull()));
    }
    Seq<String> broken = checkString(raw, min, max, pattern);
    return broken.isEmpty() ? Validation.valid(factory.apply(raw)) : Validation.invalid(broken);
  }

  /** The invariant behind {@link #parseString}: throws {@link InvariantViolation} on a bug. */
  static void requireString(String shape, String value, int min, int max, Pattern pattern) {
    Seq<String> broken = checkString(value, min, max, pattern);
    if (!broken.isEmpty()) {
      throw new InvariantViolation(shape + " '" + value + "': " + broken.mkString("; "));
    }
  }
}
