package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.assertParsed;
import static dev.strata.domain.DomainFixtures.assertRejected;
import static dev.strata.domain.DomainFixtures.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProvisionedModelNameTest {
  private static final String PATTERN =
      MemberConstraint.pattern("^([0-9a-zA-Z][_-]?)+$");

  @ParameterizedTest
  @ValueSource(strings = {"a", "a-b_c", "a-", "A1_b2-C3", "0"})
  void a_name_of_alphanumerics_each_followed_by_at_most_one_separator_is_accepted(String raw) {
    assertParsed(raw, ProvisionedModelName.parse(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a__b", "a-_b", "-a", "_a", "a b", "a.b", "modèle", "模型", "a\n"})
  void a_name_breaking_the_pattern_is_rejected_with_the_pattern_sentence(String raw) {
    assertRejected(ProvisionedModelName.parse(raw), PATTERN);
  }

  @Test
  void a_name_of_63_characters_is_accepted() {
    assertParsed(repeat('a', 63), ProvisionedModelName.parse(repeat('a', 63)));
  }

  @Test
  void a_name_of_64_characters_is_rejected_for_its_length_only() {
    assertRejected(
        ProvisionedModelName.parse(repeat('a', 64)),
        "Member must have length less than or equal to 63");
  }

  @Test
  void a_name_of_64_characters_breaking_the_pattern_reports_length_then_pattern() {
    assertRejected(
        ProvisionedModelName.parse(repeat('_', 64)),
        "Member must have length less than or equal to 63",
        PATTERN);
  }

  @Test
  void an_empty_name_breaks_both_the_minimum_length_and_the_pattern() {
    assertRejected(
        ProvisionedModelName.parse(""),
        "Member must have length greater than or equal to 1",
        PATTERN);
  }

  @Test
  void a_missing_name_is_rejected_as_null() {
    assertRejected(ProvisionedModelName.parse(null), "Member must not be null");
  }

  @Test
  void of_throws_an_invariant_violation_naming_the_shape_and_the_broken_constraint() {
    InvariantViolation e =
        assertThrows(InvariantViolation.class, () -> ProvisionedModelName.of("a__b"));
    assertEquals("ProvisionedModelName 'a__b': " + PATTERN, e.getMessage());
  }
}
