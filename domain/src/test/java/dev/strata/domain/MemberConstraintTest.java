package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.assertParsed;
import static dev.strata.domain.DomainFixtures.assertRejected;
import static dev.strata.domain.DomainFixtures.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MemberConstraintTest {

  @Test
  void the_constraint_sentences_are_phrased_as_aws_phrases_them() {
    assertEquals(
        List.of(
            "Member must not be null",
            "Member must have length greater than or equal to 1",
            "Member must have length less than or equal to 63",
            "Member must have value greater than or equal to 1",
            "Member must have value less than or equal to 1000",
            "Member must satisfy regular expression pattern: ^x$",
            "Member must satisfy enum value set: [OneMonth, SixMonths]"),
        List.of(
            MemberConstraint.notNull(),
            MemberConstraint.lengthAtLeast(1),
            MemberConstraint.lengthAtMost(63),
            MemberConstraint.valueAtLeast(1),
            MemberConstraint.valueAtMost(1000),
            MemberConstraint.pattern("^x$"),
            MemberConstraint.enumValueSet(CommitmentDuration.names())));
  }

  /** Every string of up to five characters over an alphabet that exercises the patterns. */
  private static List<String> shortStrings() {
    List<String> all = List.of("");
    List<String> layer = all;
    for (int len = 1; len <= 5; len++) {
      layer = layer.flatMap(s -> List.ofAll("a0_-.:".toCharArray()).map(c -> s + c));
      all = all.appendAll(layer);
    }
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {ProvisionedModelName.PATTERN, ModelIdentifier.PATTERN})
  void whole_string_matching_agrees_with_the_model_pattern_on_every_short_string(String regex) {
    Pattern model = Pattern.compile(regex);
    List<String> disagreements =
        shortStrings()
            .filter(s -> MemberConstraint.matchesWhole(model, s) != model.matcher(s).matches());
    assertEquals(List.empty(), disagreements);
  }

  @Test
  void a_name_as_long_as_the_pattern_input_limit_is_matched_without_overflowing_the_stack() {
    Pattern model = Pattern.compile(ProvisionedModelName.PATTERN);
    assertTrue(MemberConstraint.matchesWhole(model, repeat('a', 2048)));
    assertTrue(MemberConstraint.matchesWhole(model, "a-".repeat(1024)));
    assertFalse(MemberConstraint.matchesWhole(model, repeat('a', 2047) + "__"));
  }

  @Test
  void input_beyond_the_pattern_input_limit_never_matches() {
    assertEquals(2048, MemberConstraint.MAX_PATTERN_INPUT);
    assertFalse(MemberConstraint.matchesWhole(Pattern.compile("^a*$"), repeat('a', 2049)));
    assertTrue(MemberConstraint.matchesWhole(Pattern.compile("^a*$"), repeat('a', 2048)));
  }

  @Test
  void a_name_of_2048_characters_reports_only_its_length() {
    assertRejected(
        ProvisionedModelName.parse(repeat('a', 2048)),
        "Member must have length less than or equal to 63");
  }

  @Test
  void a_long_valid_model_identifier_is_accepted() {
    String raw = "a_".repeat(1024);
    assertParsed(raw, ModelIdentifier.parse(raw));
  }
}
