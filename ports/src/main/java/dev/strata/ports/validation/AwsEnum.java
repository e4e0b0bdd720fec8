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
 * The member is the exact wire name of a constant of a domain enum, e.g. {@code OneMonth} for
 * {@link dev.strata.domain.CommitmentDuration}. {@code null} is valid.
 */
@Target({FIELD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
@Constraint(validatedBy = AwsEnumValidator.class)
public @interface AwsEnum {
  /** The domain enum whose constant names form the value set. */
  Class<? extends Enum<?>> value();

  String message() default "{dev.strata.ports.validation.AwsEnum.message}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
