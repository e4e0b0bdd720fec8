package dev.strata.ports.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The member matches a Smithy pattern from the service model, as a whole string (see {@link
 * dev.strata.domain.ModelIdentifier#PATTERN} for why). {@code null} is valid. Input longer than
 * {@link dev.strata.domain.MemberConstraint#MAX_PATTERN_INPUT} (the longest any bounded shape
 * allows) is not run through the pattern: its length constraint reports it. The one unbounded shape
 * that uses this, {@code ProvisionedModelId}, names nothing that long, so such input is answered
 * ResourceNotFoundException.
 */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = AwsPatternValidator.class)
public @interface AwsPattern {
  /** The pattern, verbatim from the model: one of the domain's {@code PATTERN} constants. */
  String value();

  String message() default "{dev.strata.ports.validation.AwsPattern.message}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
