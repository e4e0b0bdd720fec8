package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.assertParsed;
import static dev.strata.domain.DomainFixtures.assertRejected;
import static dev.strata.domain.DomainFixtures.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientRequestTokenTest {
  private static final String PATTERN =
      MemberConstraint.pattern("^[a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?$");

  @ParameterizedTest
  @ValueSource(strings = {"a", "Z9", "a--b", "123e4567-e89b-12d3-a456-426614174000"})
  void a_token_that_starts_and_ends_alphanumeric_is_accepted(String raw) {
    assertParsed(raw, ClientRequestToken.parse(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"-a", "a-", "-", "a_b", "a b", "ä"})
  void a_token_breaking_the_pattern_is_rejected_with_the_pattern_sentence(String raw) {
    assertRejected(ClientRequestToken.parse(raw), PATTERN);
  }

  @Test
  void a_token_of_256_characters_is_accepted() {
    String raw = "a" + repeat('-', 254) + "b";
    assertParsed(raw, ClientRequestToken.parse(raw));
  }

  @Test
  void a_token_of_257_characters_breaks_the_length_and_the_pattern() {
    assertRejected(
        ClientRequestToken.parse(repeat('a', 257)),
        "Member must have length less than or equal to 256",
        PATTERN);
  }

  @Test
  void an_empty_token_breaks_the_minimum_length_and_the_pattern() {
    assertRejected(
        ClientRequestToken.parse(""),
        "Member must have length greater than or equal to 1",
        PATTERN);
  }

  @Test
  void of_throws_an_invariant_violation_for_a_leading_hyphen() {
    InvariantViolation e =
        assertThrows(InvariantViolation.class, () -> ClientRequestToken.of("-a"));
    assertEquals("ClientRequestToken '-a': " + PATTERN, e.getMessage());
  }
}
