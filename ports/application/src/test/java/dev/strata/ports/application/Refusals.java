package dev.strata.ports.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ValidationFact;

/** Assertions on a {@code ValidationException}: the fact it carries and the message it reads. */
public final class Refusals {
  private Refusals() {}

  /** Asserts {@code error} refuses members of the input shape and reads exactly {@code message}. */
  public static void assertInvalidMembers(String message, BedrockError error) {
    ValidationError refusal = assertInstanceOf(ValidationError.class, error);
    assertInstanceOf(ValidationFact.InvalidMembers.class, refusal.fact(), message);
    assertEquals(message, refusal.message());
  }

  /** Asserts {@code error} is the refusal {@code fact} and reads exactly {@code message}. */
  public static void assertRefused(ValidationFact fact, String message, BedrockError error) {
    assertEquals(new ValidationError(fact), error);
    assertEquals(message, error.message());
  }
}
