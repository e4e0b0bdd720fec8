package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.assertParsed;
import static dev.strata.domain.DomainFixtures.assertRejected;
import static dev.strata.domain.DomainFixtures.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** TagKey (1..128) and TagValue (0..256) share the pattern {@code ^[a-zA-Z0-9\s._:/=+@-]*$}. */
class TagKeyAndValueTest {
  private static final String PATTERN =
      MemberConstraint.pattern("^[a-zA-Z0-9\\s._:/=+@-]*$");

  private static final Function<String, Validation<Seq<String>, ?>> KEY = TagKey::parse;
  private static final Function<String, Validation<Seq<String>, ?>> VALUE = TagValue::parse;

  static Stream<Arguments> shapes() {
    return Stream.of(Arguments.of("TagKey", KEY), Arguments.of("TagValue", VALUE));
  }

  static Stream<Arguments> allowedCharacters() {
    return shapes()
        .flatMap(
            s ->
                Stream.of(
                        "a", "Z9", "._:/=+@-", "with space", "tab\tand\nnewline", "aws:reserved")
                    .map(raw -> Arguments.of(s.get()[0], s.get()[1], raw)));
  }

  static Stream<Arguments> forbiddenCharacters() {
    return shapes()
        .flatMap(
            s ->
                Stream.of("a,b", "a*b", "#", "(x)", "caf\u00e9", "\u00a0")
                    .map(raw -> Arguments.of(s.get()[0], s.get()[1], raw)));
  }

  @ParameterizedTest(name = "{0} ''{2}''")
  @MethodSource("allowedCharacters")
  void letters_digits_whitespace_and_the_listed_punctuation_are_allowed(
      String shape, Function<String, Validation<Seq<String>, ?>> parse, String raw) {
    assertParsed(raw, parse.apply(raw));
  }

  @ParameterizedTest(name = "{0} ''{2}''")
  @MethodSource("forbiddenCharacters")
  void any_other_character_breaks_the_pattern(
      String shape, Function<String, Validation<Seq<String>, ?>> parse, String raw) {
    assertRejected(parse.apply(raw), PATTERN);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("shapes")
  void a_missing_key_or_value_is_rejected_as_null(
      String shape, Function<String, Validation<Seq<String>, ?>> parse) {
    assertRejected(parse.apply(null), "Member must not be null");
  }

  @Test
  void an_empty_key_is_rejected_for_its_length_only() {
    assertRejected(TagKey.parse(""), "Member must have length greater than or equal to 1");
  }

  static Stream<Arguments> lengthLimits() {
    return Stream.of(Arguments.of("TagKey", KEY, 1, 128), Arguments.of("TagValue", VALUE, 0, 256));
  }

  @ParameterizedTest(name = "{0} {2}..{3}")
  @MethodSource("lengthLimits")
  void the_shortest_and_longest_allowed_lengths_are_accepted_and_one_more_is_rejected(
      String shape, Function<String, Validation<Seq<String>, ?>> parse, int min, int max) {
    assertParsed(repeat('k', min), parse.apply(repeat('k', min)));
    assertParsed(repeat('k', max), parse.apply(repeat('k', max)));
    assertRejected(
        parse.apply(repeat('k', max + 1)), "Member must have length less than or equal to " + max);
  }

  @Test
  void of_throws_an_invariant_violation_for_a_bad_key_or_value() {
    assertEquals(
        "TagKey '': Member must have length greater than or equal to 1",
        assertThrows(InvariantViolation.class, () -> TagKey.of("")).getMessage());
    assertEquals(
        "TagValue 'a,b': " + PATTERN,
        assertThrows(InvariantViolation.class, () -> TagValue.of("a,b")).getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "aws:x, true",
    "AWS:x, true",
    "Aws:x, true",
    "aWs:, true",
    "aws, false",
    "aws-x, false",
    "awsx:, false",
    "x:aws:, false",
    "' aws:x', false"
  })
  void a_key_is_reserved_exactly_when_it_starts_with_aws_colon_in_any_case(
      String key, boolean reserved) {
    assertEquals(reserved, TagKey.isReserved(key));
    assertEquals(reserved, TagKey.of(key).isReserved());
  }
}
