package dev.strata.domain;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.regex.Pattern;

/**
 * The ARN of the model behind a provisioned throughput: a foundation model or a custom model.
 * Shape {@code ModelArn} ({@code modelArn}, {@code desiredModelArn}).
 */
public sealed interface ModelArn permits FoundationModelArn, CustomModelArn {
  int MIN_LENGTH = 20;
  int MAX_LENGTH = 1011;
  String PATTERN =
      "^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/((imported)|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}))(([:][a-z0-9-]{1,63}){0,2})?/[a-z0-9]{12})|(:foundation-model/[a-z0-9-]{1,63}[.]{1}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}))$";

  /** The ARN as AWS writes it. */
  String value();

  /** Whether this is a custom model's ARN. */
  boolean isCustom();

  /**
   * Parses untrusted input (e.g. the {@code modelArnEquals} filter), reporting every constraint
   * sentence it breaks.
   */
  static Validation<Seq<String>, ModelArn> parse(String raw) {
    if (raw == null) {
      return Validation.invalid(List.of(MemberConstraint.notNull()));
    }
    Seq<String> broken = MemberConstraint.checkString(raw, MIN_LENGTH, MAX_LENGTH, Holder.REGEX);
    if (!broken.isEmpty()) {
      return Validation.invalid(broken);
    }
    return Validation.valid(ArnParser.split(raw));
  }

  /**
   * The model ARN {@code valid} spells, for a value already checked against {@link #PATTERN} at
   * its edge (the request's Jakarta constraints): nothing is matched again. One that does not
   * match is a bug and throws {@link InvariantViolation}.
   */
  static ModelArn ofValid(String valid) {
    return ArnParser.split(valid);
  }

  /** Compiled {@link #PATTERN}, kept off the interface's public surface. */
  final class Holder {
    static final Pattern REGEX = Pattern.compile(PATTERN);

    private Holder() {}
  }
}
