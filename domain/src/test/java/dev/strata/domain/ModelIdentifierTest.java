package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.SCOPE;
import static dev.strata.domain.DomainFixtures.assertParsed;
import static dev.strata.domain.DomainFixtures.assertRejected;
import static dev.strata.domain.DomainFixtures.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.ModelIdentifier.Kind;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import java.util.Optional;

class ModelIdentifierTest {
  private static final String PATTERN_SENTENCE =
      MemberConstraint.pattern(ModelIdentifier.PATTERN);
  private static final String TOO_LONG = "Member must have length less than or equal to 2048";
  private static final String FOUNDATION_ARN =
      "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2";
  private static final String CUSTOM_ARN =
      "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abcdef123456";
  private static final String IMPORTED_ARN =
      "arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/abcdef123456";

  static Stream<Arguments> forms() {
    Region usEast1 = Region.of("us-east-1");
    return Stream.of(
        Arguments.of(
            "amazon.nova-lite-v1:0:24k",
            Kind.FOUNDATION_MODEL_ID,
            Optional.of("amazon.nova-lite-v1:0:24k"),
            Optional.empty()),
        Arguments.of(
            FOUNDATION_ARN,
            Kind.FOUNDATION_MODEL_ARN,
            Optional.of("anthropic.claude-v2"),
            Optional.of(FoundationModelArn.of(Partition.of("aws"), usEast1, "anthropic.claude-v2"))),
        Arguments.of(
            "arn:aws-cn:bedrock:cn-north-1::foundation-model/amazon.titan-embed-text-v1:2:8k",
            Kind.FOUNDATION_MODEL_ARN,
            Optional.of("amazon.titan-embed-text-v1:2:8k"),
            Optional.of(
                FoundationModelArn.of(
                    Partition.of("aws-cn"),
                    Region.of("cn-north-1"),
                    "amazon.titan-embed-text-v1:2:8k"))),
        Arguments.of(
            CUSTOM_ARN,
            Kind.CUSTOM_MODEL_ARN,
            Optional.empty(),
            Optional.of(
                CustomModelArn.of(SCOPE, "amazon.titan-text-express-v1:0:8k", "abcdef123456"))),
        Arguments.of(
            IMPORTED_ARN,
            Kind.CUSTOM_MODEL_ARN,
            Optional.empty(),
            Optional.of(CustomModelArn.of(SCOPE, CustomModelArn.IMPORTED, "abcdef123456"))),
        Arguments.of("my-model_1", Kind.CUSTOM_MODEL_NAME, Optional.empty(), Optional.empty()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("forms")
  void each_form_is_classified_and_exposes_its_foundation_model_id_and_model_arn(
      String raw, Kind kind, Optional<String> foundationModelId, Optional<ModelArn> modelArn) {
    ModelIdentifier id = assertParsed(raw, ModelIdentifier.parse(raw));
    assertEquals(kind, id.kind());
    assertEquals(foundationModelId, id.foundationModelId());
    assertEquals(modelArn, id.modelArn());
    assertEquals(modelArn.map(ModelArn::value), id.modelArn().map(ModelArn::value));
  }

  @Test
  void an_identifier_of_one_character_is_a_custom_model_name() {
    assertEquals(Kind.CUSTOM_MODEL_NAME, assertParsed("a", ModelIdentifier.parse("a")).kind());
  }

  @Test
  void an_identifier_of_2048_characters_is_accepted() {
    String raw = repeat('a', 2048);
    assertEquals(Kind.CUSTOM_MODEL_NAME, assertParsed(raw, ModelIdentifier.parse(raw)).kind());
  }

  @Test
  void an_identifier_of_2049_characters_is_rejected_for_its_length() {
    assertRejected(ModelIdentifier.parse(repeat('a', 2049)), TOO_LONG);
  }

  @Test
  void an_empty_identifier_breaks_the_minimum_length_and_the_pattern() {
    assertRejected(
        ModelIdentifier.parse(""),
        "Member must have length greater than or equal to 1",
        PATTERN_SENTENCE);
  }

  @Test
  void a_missing_identifier_is_rejected_as_null() {
    assertRejected(ModelIdentifier.parse(null), "Member must not be null");
  }

  /**
   * REFERENCE §6: in {@code ^A|B|C$} only A is anchored at the start and only C at the end, so
   * Smithy's {@code find()} accepts these; Strata matches whole strings and rejects them.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "!!anthropic.claude-v2!!",
        FOUNDATION_ARN + "!!",
        "!!my-model_1",
        "anthropic.claude-v2 my-model_1",
        "my model"
      })
  void text_around_a_matching_alternative_is_rejected_although_find_would_accept_it(String raw) {
    assertTrue(Pattern.compile(ModelIdentifier.PATTERN).matcher(raw).find());
    assertRejected(ModelIdentifier.parse(raw), PATTERN_SENTENCE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "anthropic.claude-v2:0:100k:extra",
        "Anthropic.claude-v2",
        "arn:aws:bedrock:us-east-1::foundation-model/Anthropic.claude-v2",
        "arn:aws:bedrock:us-east-1:12345678901:custom-model/imported/abcdef123456",
        "arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/abcdef12345",
        "arn:aws:s3:us-east-1::foundation-model/anthropic.claude-v2"
      })
  void a_malformed_id_or_arn_breaks_the_pattern(String raw) {
    assertRejected(ModelIdentifier.parse(raw), PATTERN_SENTENCE);
  }

  @Test
  void a_one_mebibyte_identifier_reports_its_length_without_running_the_pattern() {
    String hostile = repeat('a', 1 << 20);
    assertRejected(ModelIdentifier.parse(hostile), TOO_LONG);
    InvariantViolation e =
        assertThrows(InvariantViolation.class, () -> ModelIdentifier.of(hostile));
    assertTrue(e.getMessage().endsWith("': " + TOO_LONG), e.getMessage()::toString);
  }

  @Test
  void a_foundation_arn_that_is_no_model_arn_has_a_foundation_model_id_but_no_model_arn() {
    // ModelIdentifier allows up to 126 characters after the dot; ModelArn's segments stop at 63.
    String modelId = "a." + repeat('b', 100);
    ModelIdentifier id =
        ModelIdentifier.of("arn:aws:bedrock:us-east-1::foundation-model/" + modelId);
    assertEquals(Kind.FOUNDATION_MODEL_ARN, id.kind());
    assertEquals(Optional.of(modelId), id.foundationModelId());
    assertEquals(Optional.empty(), id.modelArn());
  }

  @Test
  void a_foundation_arn_in_a_partition_with_a_long_name_still_yields_its_model_arn() {
    String raw = "arn:aws-" + repeat('p', 40) + ":bedrock:us-east-1::foundation-model/a.bc";
    ModelIdentifier id = ModelIdentifier.of(raw);
    assertEquals(Optional.of(raw), id.modelArn().map(ModelArn::value));
  }
}
