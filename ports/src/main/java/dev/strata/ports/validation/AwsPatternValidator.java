package dev.strata.ports.validation;

import dev.strata.domain.MemberConstraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.regex.Pattern;

/** Checks {@link AwsPattern}; compiles the pattern once per constrained member. */
public final class AwsPatternValidator implements ConstraintValidator<AwsPattern, CharSequence> {
  private Pattern pattern;

  @Override
  public void initialize(AwsPattern annotation) {
    pattern = Pattern.compile(annotation.value());
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null
        || value.length() > MemberConstraint.MAX_PATTERN_INPUT
        || MemberConstraint.matchesWhole(pattern, value);
  }
}
