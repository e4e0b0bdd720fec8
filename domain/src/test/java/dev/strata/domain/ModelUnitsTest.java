package dev.strata.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ModelUnitsTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, Integer.MAX_VALUE})
  void one_or_more_model_units_are_accepted(int raw) {
    assertEquals(Validation.valid(ModelUnits.of(raw)), ModelUnits.parse(raw));
    assertEquals(raw, ModelUnits.parse(raw).get().value());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
  void fewer_than_one_model_unit_is_rejected(int raw) {
    assertEquals(
        Validation.invalid("Member must have value greater than or equal to 1"),
        ModelUnits.parse(raw));
  }

  @Test
  void missing_model_units_are_rejected_as_null() {
    assertEquals(Validation.invalid("Member must not be null"), ModelUnits.parse(null));
  }

  @Test
  void of_zero_throws_an_invariant_violation() {
    assertEquals(
        "ModelUnits 0 is below 1",
        assertThrows(InvariantViolation.class, () -> ModelUnits.of(0)).getMessage());
  }
}
