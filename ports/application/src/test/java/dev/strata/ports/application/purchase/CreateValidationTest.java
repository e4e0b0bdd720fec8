package dev.strata.ports.application.purchase;

import static dev.strata.ports.application.purchase.CreateFixture.NO_COMMIT_BASE;
import static dev.strata.ports.application.purchase.CreateFixture.assertValidation;
import static dev.strata.ports.application.purchase.CreateFixture.clause;
import static dev.strata.ports.application.purchase.CreateFixture.oneError;
import static dev.strata.ports.application.purchase.CreateFixture.raw;
import static dev.strata.ports.application.purchase.CreateFixture.size;
import static dev.strata.ports.application.purchase.CreateFixture.used;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.ports.application.Harness;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.QuotaKey;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.RequestTag;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Create's shape validation: every constrained member of the request, alone and together, as one
 * ValidationException in AWS's message format; nothing is created or reserved.
 */
class CreateValidationTest {
  private static final String NAME_PATTERN = "^([0-9a-zA-Z][_-]?)+$";
  private static final String TOKEN_PATTERN = "^[a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?$";
  private static final String TAG_PATTERN = "^[a-zA-Z0-9\\s._:/=+@-]*$";
  private static final String MODEL_ID_PATTERN =
      "^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:(([0-9]{12}:custom-model/((imported)|([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}))(([:][a-z0-9-]{1,63}){0,2})?/[a-z0-9]{12})|(:foundation-model/([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2})))|(([a-z0-9-]{1,63}[.]{1}[a-z0-9-]{1,63}([.]?[a-z0-9-]{1,63})([:][a-z0-9-]{1,63}){0,2}))|(([0-9a-zA-Z][_-]?)+)$";
  private static final String COMMITMENT_SET =
      "Member must satisfy enum value set: [OneMonth, SixMonths]";

  private Harness strata;

  @BeforeEach
  void setUp() {
    strata = CreateFixture.strata();
  }

  private Either<BedrockError, ProvisionedModelArn> create(
      CreateProvisionedModelThroughputCommand command) {
    return strata.service().createProvisionedModelThroughput(command);
  }

  private Either<BedrockError, ProvisionedModelArn> withTags(List<RequestTag> tags) {
    return create(raw(null, 1, "pt", NO_COMMIT_BASE, null, tags));
  }

  private void assertNothingCreated() {
    assertEquals(0, size(strata));
    assertEquals(0, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  private static List<RequestTag> tags(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> RequestTag.of("key-" + i, "v"))
        .collect(Collectors.toList());
  }

  @Test
  void a_valid_request_passes_validation() {
    CreateFixture.created(create(raw("tok-1", 1, "pt", NO_COMMIT_BASE, null, List.of())));
    assertEquals(1, size(strata));
  }

  @Test
  void missing_model_units_is_a_validation_error() {
    assertValidation(
        create(raw(null, null, "pt", NO_COMMIT_BASE, null, null)),
        oneError(null, "modelUnits", "Member must not be null"));
    assertNothingCreated();
  }

  @Test
  void zero_model_units_is_a_validation_error() {
    assertValidation(
        create(raw(null, 0, "pt", NO_COMMIT_BASE, null, null)),
        "1 validation error detected: Value '0' at 'modelUnits' failed to satisfy constraint:"
            + " Member must have value greater than or equal to 1");
    assertNothingCreated();
  }

  @Test
  void negative_model_units_is_a_validation_error() {
    assertValidation(
        create(raw(null, -3, "pt", NO_COMMIT_BASE, null, null)),
        oneError("-3", "modelUnits", "Member must have value greater than or equal to 1"));
  }

  @Test
  void missing_name_is_a_validation_error() {
    assertValidation(
        create(raw(null, 1, null, NO_COMMIT_BASE, null, null)),
        oneError(null, "provisionedModelName", "Member must not be null"));
    assertNothingCreated();
  }

  @Test
  void empty_name_breaks_its_minimum_length_and_its_pattern() {
    assertValidation(
        create(raw(null, 1, "", NO_COMMIT_BASE, null, null)),
        "2 validation errors detected: "
            + clause(
                "", "provisionedModelName", "Member must have length greater than or equal to 1")
            + "; "
            + clause(
                "",
                "provisionedModelName",
                "Member must satisfy regular expression pattern: " + NAME_PATTERN));
    assertNothingCreated();
  }

  @Test
  void a_name_of_64_characters_is_a_validation_error() {
    String name = "a".repeat(64);
    assertValidation(
        create(raw(null, 1, name, NO_COMMIT_BASE, null, null)),
        oneError(name, "provisionedModelName", "Member must have length less than or equal to 63"));
    assertNothingCreated();
  }

  @Test
  void a_name_of_63_characters_is_accepted() {
    CreateFixture.created(create(raw(null, 1, "a".repeat(63), NO_COMMIT_BASE, null, null)));
  }

  @Test
  void a_name_with_doubled_separators_breaks_the_name_pattern() {
    assertValidation(
        create(raw(null, 1, "a__b", NO_COMMIT_BASE, null, null)),
        "1 validation error detected: Value 'a__b' at 'provisionedModelName' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern: ^([0-9a-zA-Z][_-]?)+$");
    assertNothingCreated();
  }

  @Test
  void a_name_with_a_space_breaks_the_name_pattern() {
    assertValidation(
        create(raw(null, 1, "my pt", NO_COMMIT_BASE, null, null)),
        oneError(
            "my pt",
            "provisionedModelName",
            "Member must satisfy regular expression pattern: " + NAME_PATTERN));
  }

  @Test
  void missing_model_id_is_a_validation_error() {
    assertValidation(
        create(raw(null, 1, "pt", null, null, null)),
        oneError(null, "modelId", "Member must not be null"));
    assertNothingCreated();
  }

  @Test
  void empty_model_id_breaks_its_minimum_length_and_its_pattern() {
    assertValidation(
        create(raw(null, 1, "pt", "", null, null)),
        "2 validation errors detected: "
            + clause("", "modelId", "Member must have length greater than or equal to 1")
            + "; "
            + clause(
                "",
                "modelId",
                "Member must satisfy regular expression pattern: " + MODEL_ID_PATTERN));
    assertNothingCreated();
  }

  @Test
  void a_model_id_of_2049_characters_is_a_validation_error() {
    String modelId = "a".repeat(2049);
    assertValidation(
        create(raw(null, 1, "pt", modelId, null, null)),
        oneError(modelId, "modelId", "Member must have length less than or equal to 2048"));
    assertNothingCreated();
  }

  @Test
  void a_model_id_embedded_in_other_characters_breaks_the_model_id_pattern() {
    assertValidation(
        create(raw(null, 1, "pt", "!!anthropic.claude-v2!!", null, null)),
        oneError(
            "!!anthropic.claude-v2!!",
            "modelId",
            "Member must satisfy regular expression pattern: " + MODEL_ID_PATTERN));
    assertNothingCreated();
  }

  @Test
  void a_model_id_with_upper_case_letters_breaks_the_model_id_pattern() {
    assertValidation(
        create(raw(null, 1, "pt", "Amazon.Nova-Lite-v1:0:24k", null, null)),
        oneError(
            "Amazon.Nova-Lite-v1:0:24k",
            "modelId",
            "Member must satisfy regular expression pattern: " + MODEL_ID_PATTERN));
  }

  @Test
  void a_token_of_257_characters_breaks_its_maximum_length_and_its_pattern() {
    String token = "t".repeat(257);
    assertValidation(
        create(raw(token, 1, "pt", NO_COMMIT_BASE, null, null)),
        "2 validation errors detected: "
            + clause(
                token, "clientRequestToken", "Member must have length less than or equal to 256")
            + "; "
            + clause(
                token,
                "clientRequestToken",
                "Member must satisfy regular expression pattern: " + TOKEN_PATTERN));
    assertNothingCreated();
  }

  @Test
  void a_token_of_256_characters_is_accepted() {
    CreateFixture.created(create(raw("t".repeat(256), 1, "pt", NO_COMMIT_BASE, null, null)));
  }

  @Test
  void a_token_with_an_underscore_breaks_the_token_pattern() {
    assertValidation(
        create(raw("tok_1", 1, "pt", NO_COMMIT_BASE, null, null)),
        oneError(
            "tok_1",
            "clientRequestToken",
            "Member must satisfy regular expression pattern: " + TOKEN_PATTERN));
    assertNothingCreated();
  }

  @Test
  void a_token_ending_in_a_hyphen_breaks_the_token_pattern() {
    assertValidation(
        create(raw("tok-", 1, "pt", NO_COMMIT_BASE, null, null)),
        oneError(
            "tok-",
            "clientRequestToken",
            "Member must satisfy regular expression pattern: " + TOKEN_PATTERN));
  }

  @Test
  void an_empty_token_breaks_its_minimum_length_and_its_pattern() {
    assertValidation(
        create(raw("", 1, "pt", NO_COMMIT_BASE, null, null)),
        "2 validation errors detected: "
            + clause("", "clientRequestToken", "Member must have length greater than or equal to 1")
            + "; "
            + clause(
                "",
                "clientRequestToken",
                "Member must satisfy regular expression pattern: " + TOKEN_PATTERN));
  }

  @Test
  void a_uuid_token_is_accepted() {
    CreateFixture.created(
        create(raw("3f0c6d0e-8a49-4b7e-9c2a-5d1e7f3b9a10", 1, "pt", NO_COMMIT_BASE, null, null)));
  }

  @Test
  void an_unknown_commitment_duration_is_a_validation_error() {
    assertValidation(
        create(raw(null, 1, "pt", NO_COMMIT_BASE, "TwoMonths", null)),
        oneError("TwoMonths", "commitmentDuration", COMMITMENT_SET));
    assertNothingCreated();
  }

  @Test
  void commitment_duration_is_case_sensitive() {
    assertValidation(
        create(raw(null, 1, "pt", NO_COMMIT_BASE, "onemonth", null)),
        "1 validation error detected: Value 'onemonth' at 'commitmentDuration' failed to satisfy"
            + " constraint: Member must satisfy enum value set: [OneMonth, SixMonths]");
    assertNothingCreated();
  }

  @Test
  void more_than_200_tags_is_a_validation_error() {
    List<RequestTag> tags = tags(201);
    assertValidation(
        withTags(tags),
        oneError(tags.toString(), "tags", "Member must have length less than or equal to 200"));
    assertNothingCreated();
  }

  @Test
  void an_empty_tag_key_is_a_validation_error() {
    assertValidation(
        withTags(List.of(RequestTag.of("team", "a"), RequestTag.of("", "b"))),
        oneError("", "tags.2.member.key", "Member must have length greater than or equal to 1"));
    assertNothingCreated();
  }

  @Test
  void a_tag_key_of_129_characters_is_a_validation_error() {
    String key = "k".repeat(129);
    assertValidation(
        withTags(List.of(RequestTag.of(key, "v"))),
        oneError(key, "tags.1.member.key", "Member must have length less than or equal to 128"));
    assertNothingCreated();
  }

  @Test
  void a_tag_key_with_characters_outside_the_tag_alphabet_is_a_validation_error() {
    assertValidation(
        withTags(List.of(RequestTag.of("cost#center", "v"))),
        oneError(
            "cost#center",
            "tags.1.member.key",
            "Member must satisfy regular expression pattern: " + TAG_PATTERN));
    assertNothingCreated();
  }

  @Test
  void a_missing_tag_key_is_a_validation_error() {
    assertValidation(
        withTags(List.of(RequestTag.of(null, "v"))),
        oneError(null, "tags.1.member.key", "Member must not be null"));
  }

  @Test
  void a_tag_value_of_257_characters_is_a_validation_error() {
    String value = "v".repeat(257);
    assertValidation(
        withTags(List.of(RequestTag.of("team", value))),
        oneError(
            value, "tags.1.member.value", "Member must have length less than or equal to 256"));
    assertNothingCreated();
  }

  @Test
  void a_tag_value_with_characters_outside_the_tag_alphabet_is_a_validation_error() {
    assertValidation(
        withTags(List.of(RequestTag.of("team", "a&b"))),
        oneError(
            "a&b",
            "tags.1.member.value",
            "Member must satisfy regular expression pattern: " + TAG_PATTERN));
  }

  @Test
  void a_missing_tag_value_is_a_validation_error() {
    assertValidation(
        withTags(List.of(RequestTag.of("team", null))),
        oneError(null, "tags.1.member.value", "Member must not be null"));
  }

  @Test
  void an_empty_tag_value_is_accepted() {
    CreateFixture.created(withTags(List.of(RequestTag.of("team", ""))));
  }

  @Test
  void a_null_tag_element_is_a_validation_error() {
    assertValidation(
        withTags(Arrays.asList(RequestTag.of("team", "a"), null)),
        oneError(null, "tags.2.member", "Member must not be null"));
    assertNothingCreated();
  }

  @Test
  void a_reserved_tag_key_is_a_validation_error() {
    assertValidation(
        withTags(List.of(RequestTag.of("aws:createdBy", "me"))),
        oneError(
            "aws:createdBy",
            "tags.1.member.key",
            "Member must not start with 'aws:' (reserved for AWS)"));
    assertNothingCreated();
  }

  @Test
  void the_reserved_prefix_is_matched_regardless_of_case() {
    assertValidation(
        withTags(List.of(RequestTag.of("AWS:createdBy", "me"))),
        oneError(
            "AWS:createdBy",
            "tags.1.member.key",
            "Member must not start with 'aws:' (reserved for AWS)"));
  }

  @Test
  void a_repeated_tag_key_is_a_validation_error_naming_the_first_occurrence() {
    assertValidation(
        withTags(
            List.of(
                RequestTag.of("team", "a"), RequestTag.of("env", "b"), RequestTag.of("team", "c"))),
        oneError(
            "team",
            "tags.3.member.key",
            "Member must be unique within the request (it repeats tags.1.member.key)"));
    assertNothingCreated();
  }

  @Test
  void several_bad_members_are_reported_together_in_member_order() {
    List<RequestTag> tags = new ArrayList<>();
    tags.add(RequestTag.of("aws:owner", "x"));
    tags.add(RequestTag.of("team", "a"));
    tags.add(RequestTag.of("team", "b"));
    tags.add(RequestTag.of("cost#center", "c"));
    tags.add(RequestTag.of("env", "v".repeat(257)));
    assertValidation(
        create(raw("tok_1", 0, "a__b", "!!anthropic.claude-v2!!", "onemonth", tags)),
        "9 validation errors detected: "
            + String.join(
                "; ",
                clause(
                    "tok_1",
                    "clientRequestToken",
                    "Member must satisfy regular expression pattern: " + TOKEN_PATTERN),
                clause("0", "modelUnits", "Member must have value greater than or equal to 1"),
                clause(
                    "a__b",
                    "provisionedModelName",
                    "Member must satisfy regular expression pattern: " + NAME_PATTERN),
                clause(
                    "!!anthropic.claude-v2!!",
                    "modelId",
                    "Member must satisfy regular expression pattern: " + MODEL_ID_PATTERN),
                clause("onemonth", "commitmentDuration", COMMITMENT_SET),
                clause(
                    "aws:owner",
                    "tags.1.member.key",
                    "Member must not start with 'aws:' (reserved for AWS)"),
                clause(
                    "team",
                    "tags.3.member.key",
                    "Member must be unique within the request (it repeats tags.2.member.key)"),
                clause(
                    "cost#center",
                    "tags.4.member.key",
                    "Member must satisfy regular expression pattern: " + TAG_PATTERN),
                clause(
                    "v".repeat(257),
                    "tags.5.member.value",
                    "Member must have length less than or equal to 256")));
    assertNothingCreated();
  }

  @Test
  void missing_required_members_are_reported_together_in_member_order() {
    assertValidation(
        create(raw(null, null, null, null, null, null)),
        "3 validation errors detected: "
            + clause(null, "modelUnits", "Member must not be null")
            + "; "
            + clause(null, "provisionedModelName", "Member must not be null")
            + "; "
            + clause(null, "modelId", "Member must not be null"));
    assertNothingCreated();
  }

  @Test
  void tag_violations_are_ordered_by_element_number_past_nine() {
    List<RequestTag> tags = tags(11);
    tags.set(1, RequestTag.of("aws:second", "v"));
    tags.set(9, RequestTag.of("bad#tenth", "v"));
    tags.set(10, RequestTag.of("key-1", "v"));
    assertValidation(
        withTags(tags),
        "3 validation errors detected: "
            + clause(
                "aws:second",
                "tags.2.member.key",
                "Member must not start with 'aws:' (reserved for AWS)")
            + "; "
            + clause(
                "bad#tenth",
                "tags.10.member.key",
                "Member must satisfy regular expression pattern: " + TAG_PATTERN)
            + "; "
            + clause(
                "key-1",
                "tags.11.member.key",
                "Member must be unique within the request (it repeats tags.1.member.key)"));
  }

  @Test
  void a_null_request_is_a_validation_error() {
    assertValidation(create(null), "1 validation error detected: the request must not be null");
    assertNothingCreated();
  }
}
