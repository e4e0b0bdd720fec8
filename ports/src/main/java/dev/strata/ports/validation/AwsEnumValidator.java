package dev.strata.ports.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Checks {@link AwsEnum} against the enum's constant names, case-sensitively as AWS does. */
public final class AwsEnumValidator implements ConstraintValidator<AwsEnum, CharSequence> {
  private Set<String> names;

  @Override
  public void initialize(AwsEnum annotation) {
    names = names(annotation.value());
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    return value == null || names.contains(value.toString());
  }

  static Set<String> names(Class<? extends Enum<?>> type) {
    return Stream.of(type.getEnumConstants())
        .map(Enum::name)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }
}
