package dev.strata.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class FieldViolationTest {

  @Test
  void one_violation_is_counted_in_the_singular() {
    assertEquals(
        "1 validation error detected: Value '0' at 'modelUnits' failed to satisfy constraint:"
            + " Member must have value greater than or equal to 1",
        FieldViolation.render(
            List.of(new FieldViolation("modelUnits", 0, MemberConstraint.valueAtLeast(1)))));
  }

  @Test
  void several_violations_are_counted_in_the_plural_and_joined_by_semicolons() {
    assertEquals(
        "2 validation errors detected: Value '0' at 'modelUnits' failed to satisfy constraint:"
            + " Member must have value greater than or equal to 1; Value 'a__b' at"
            + " 'provisionedModelName' failed to satisfy constraint: Member must satisfy regular"
            + " expression pattern: ^([0-9a-zA-Z][_-]?)+$",
        FieldViolation.render(
            List.of(
                new FieldViolation("modelUnits", 0, MemberConstraint.valueAtLeast(1)),
                new FieldViolation(
                    "provisionedModelName",
                    "a__b",
                    MemberConstraint.pattern(ProvisionedModelName.PATTERN)))));
  }

  @Test
  void a_missing_value_is_shown_as_null_without_quotes() {
    assertEquals(
        "Value null at 'modelId' failed to satisfy constraint: Member must not be null",
        new FieldViolation("modelId", null, MemberConstraint.notNull()).render());
  }
}
