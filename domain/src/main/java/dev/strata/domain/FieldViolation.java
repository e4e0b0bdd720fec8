package dev.strata.domain;

import io.vavr.collection.Seq;
import java.util.Objects;

/**
 * One member of a request that broke one constraint, rendered the way AWS renders it: {@code
 * Value 'x' at 'path' failed to satisfy constraint: Member must ...}.
 *
 * @param path the member path, e.g. {@code provisionedModelName} or {@code tags.1.member.key}
 * @param value the offending value as it arrived, or {@code null} when it was missing
 * @param constraint the constraint sentence, one of {@link MemberConstraint}'s
 */
public record FieldViolation(String path, Object value, String constraint) {

  public FieldViolation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(constraint, "constraint");
  }

  /** This violation as one AWS message clause. */
  public String render() {
    String shown = value == null ? "null" : "'" + value + "'";
    return "Value " + shown + " at '" + path + "' failed to satisfy constraint: " + constraint;
  }

  /** All violations as one AWS message: a count, then every clause separated by {@code ; }. */
  public static String render(Seq<FieldViolation> violations) {
    int n = violations.size();
    return n
        + (n == 1 ? " validation error detected: " : " validation errors detected: ")
        + violations.map(FieldViolation::render).mkString("; ");
  }
}
