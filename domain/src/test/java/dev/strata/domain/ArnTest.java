package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.SCOPE;
import static dev.strata.domain.DomainFixtures.assertParsed;
import static dev.strata.domain.DomainFixtures.assertRejected;
import static dev.strata.domain.DomainFixtures.repeat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** ProvisionedModelArn (D17) and ModelArn, parsed from untrusted input. */
class ArnTest {
  private static final String PROVISIONED_PATTERN =
      MemberConstraint.pattern(ProvisionedModelArn.PATTERN);
  private static final String MODEL_PATTERN = MemberConstraint.pattern(ModelArn.PATTERN);

  /** A foundation-model ARN of exactly {@code length} characters, padded in the partition. */
  private static String foundationArnOfLength(int length) {
    String tail = ":bedrock:us-east-1::foundation-model/a.bc";
    return "arn:aws-" + repeat('p', length - "arn:aws-".length() - tail.length()) + tail;
  }

  @ParameterizedTest
  @CsvSource({
    "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/31tj9kvx4034, aws, us-east-1",
    "arn:aws-cn:bedrock:cn-north-1:123456789012:provisioned-model/1y5n57gh5y2e, aws-cn, cn-north-1",
    "arn:aws-us-gov:bedrock:us-gov-west-1:123456789012:provisioned-model/000000000000,"
        + " aws-us-gov, us-gov-west-1"
  })
  void a_provisioned_model_arn_in_any_partition_is_parsed_into_its_parts_and_round_trips(
      String raw, String partition, String region) {
    ProvisionedModelArn arn = assertParsed(raw, ProvisionedModelArn.parse(raw));
    assertEquals(raw, arn.value());
    assertEquals(ResourceScope.of(partition, region, "123456789012"), arn.scope());
    assertEquals(raw.substring(raw.length() - 12), arn.id().value());
    assertEquals(arn, arn.scope().provisionedModelArn(arn.id()));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/31tj9kvx403",
        "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/31tj9kvx40345",
        "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/31TJ9KVX4034",
        "arn:aws:bedrock:us-east-1::provisioned-model/31tj9kvx4034",
        "arn:aws:bedrock:us-east-1:12345678901:provisioned-model/31tj9kvx4034",
        "arn:aws:sagemaker:us-east-1:123456789012:provisioned-model/31tj9kvx4034",
        "arn:aws:bedrock:us-east-1:123456789012:custom-model/31tj9kvx4034",
        "arn:azure:bedrock:us-east-1:123456789012:provisioned-model/31tj9kvx4034",
        "arn:aws:bedrock:abcdefghijklmnopqrstu:123456789012:provisioned-model/31tj9kvx4034",
        "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/31tj9kvx4034 ",
        "31tj9kvx4034",
        ""
      })
  void a_provisioned_model_arn_off_the_pattern_is_rejected_with_the_pattern_sentence(String raw) {
    assertRejected(ProvisionedModelArn.parse(raw), PROVISIONED_PATTERN);
  }

  @Test
  void a_missing_provisioned_model_arn_is_rejected_as_null() {
    assertRejected(ProvisionedModelArn.parse(null), "Member must not be null");
    assertRejected(ModelArn.parse(null), "Member must not be null");
  }

  @Test
  void a_provisioned_model_arn_with_a_long_partition_name_is_parsed() {
    String raw =
        "arn:aws-" + repeat('x', 100) + ":bedrock:r:123456789012:provisioned-model/31tj9kvx4034";
    assertEquals(raw, assertParsed(raw, ProvisionedModelArn.parse(raw)).value());
  }

  @Test
  void a_foundation_model_arn_is_parsed_into_its_parts() {
    String raw = "arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-v2";
    ModelArn arn = assertParsed(raw, ModelArn.parse(raw));
    assertEquals(SCOPE.foundationModelArn("anthropic.claude-v2"), arn);
    assertFalse(arn.isCustom());
  }

  @ParameterizedTest
  @CsvSource({
    "amazon.titan-text-express-v1:0:8k, abcdef123456",
    "imported, abcdef123456",
    "meta.llama3-1-8b-instruct-v1:0:128k, 000000000000"
  })
  void a_custom_model_arn_is_parsed_into_its_parts(String base, String id) {
    String raw = "arn:aws:bedrock:us-east-1:123456789012:custom-model/" + base + "/" + id;
    ModelArn arn = assertParsed(raw, ModelArn.parse(raw));
    assertEquals(CustomModelArn.of(SCOPE, base, id), arn);
    assertTrue(arn.isCustom());
  }

  @Test
  void a_model_arn_of_19_characters_breaks_the_minimum_length_and_the_pattern() {
    assertRejected(
        ModelArn.parse(repeat('a', 19)),
        "Member must have length greater than or equal to 20",
        MODEL_PATTERN);
  }

  @Test
  void a_model_arn_of_20_characters_breaks_only_the_pattern() {
    assertRejected(ModelArn.parse(repeat('a', 20)), MODEL_PATTERN);
  }

  @Test
  void a_well_formed_model_arn_of_1011_characters_is_accepted() {
    String raw = foundationArnOfLength(1011);
    assertEquals(1011, raw.length());
    assertParsed(raw, ModelArn.parse(raw));
  }

  @Test
  void a_well_formed_model_arn_of_1012_characters_breaks_only_the_maximum_length() {
    assertRejected(
        ModelArn.parse(foundationArnOfLength(1012)),
        "Member must have length less than or equal to 1011");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:bedrock:us-east-1:123456789012:foundation-model/anthropic.claude-v2",
        "arn:aws:bedrock:us-east-1::custom-model/imported/abcdef123456",
        "arn:aws:bedrock:us-east-1::foundation-model/anthropic",
        "arn:aws:bedrock:us-east-1::foundation-model/Anthropic.claude-v2",
        "arn:aws:bedrock:us-east-1::foundation-model/a.b:1:2:3",
        "arn:aws:bedrock:us-east-1:123456789012:custom-model/imported/abcdef12345",
        "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/31tj9kvx4034"
      })
  void a_model_arn_off_the_pattern_is_rejected_with_the_pattern_sentence(String raw) {
    assertRejected(ModelArn.parse(raw), MODEL_PATTERN);
  }
}
