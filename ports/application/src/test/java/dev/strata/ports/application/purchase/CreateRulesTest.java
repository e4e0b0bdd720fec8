package dev.strata.ports.application.purchase;

import static dev.strata.ports.application.purchase.CreateFixture.ARN_PATTERN;
import static dev.strata.ports.application.purchase.CreateFixture.COMMIT_ONLY_BASE;
import static dev.strata.ports.application.purchase.CreateFixture.HOME;
import static dev.strata.ports.application.purchase.CreateFixture.NOW;
import static dev.strata.ports.application.purchase.CreateFixture.NO_COMMIT_BASE;
import static dev.strata.ports.application.purchase.CreateFixture.OTHER_ACCOUNT_SCOPE;
import static dev.strata.ports.application.purchase.CreateFixture.assertFailure;
import static dev.strata.ports.application.purchase.CreateFixture.assertValidation;
import static dev.strata.ports.application.purchase.CreateFixture.command;
import static dev.strata.ports.application.purchase.CreateFixture.create;
import static dev.strata.ports.application.purchase.CreateFixture.created;
import static dev.strata.ports.application.purchase.CreateFixture.size;
import static dev.strata.ports.application.purchase.CreateFixture.stored;
import static dev.strata.ports.application.purchase.CreateFixture.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.ports.application.Harness;
import dev.strata.adapters.inmemory.SeedModels;
import dev.strata.domain.BedrockError;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.CustomModelArn;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.TagKey;
import dev.strata.domain.TagValue;
import dev.strata.ports.application.StrataService;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Create's rules beyond shape: D1, D4, D5, D8, D9, D12, D13, D17, D18. */
class CreateRulesTest {
  private static final String TITAN_CUSTOM_ARN =
      "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/k7xq2m9p4w1a";

  private Harness strata;

  @BeforeEach
  void setUp() {
    strata = CreateFixture.strata();
  }

  /** What a Create of {@code command} that must succeed stored. */
  private ProvisionedThroughput purchase(CreateProvisionedModelThroughputCommand.Builder command) {
    return stored(strata, created(create(strata, command)));
  }

  private CreateProvisionedModelThroughputCommand.Builder withTags(int count) {
    CreateProvisionedModelThroughputCommand.Builder c = command("tagged");
    for (int i = 1; i <= count; i++) {
      c.tag("key-" + i, "value-" + i);
    }
    return c;
  }

  // D1

  @Test
  void a_name_in_use_in_the_same_account_and_region_is_a_validation_error_naming_it() {
    ProvisionedModelArn first = created(create(strata, command("chat-prod")));
    assertValidation(
        create(
            strata,
            command("chat-prod", COMMIT_ONLY_BASE, 2)
                .commitmentDuration(CommitmentDuration.OneMonth)),
        "A provisioned throughput named 'chat-prod' already exists in this account and region: "
            + first
            + ". Provisioned model names must be unique.");
    assertEquals(1, size(strata));
    assertEquals(0, used(strata, QuotaKey.committed(COMMIT_ONLY_BASE)));
    assertEquals(1, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void names_differing_only_in_case_are_different_names() {
    created(create(strata, command("chat-prod")));
    created(create(strata, command("Chat-Prod")));
    assertEquals(2, size(strata));
  }

  @Test
  void the_same_name_in_another_account_is_a_different_provisioned_throughput() {
    ProvisionedModelArn home = created(create(strata, command("chat-prod")));
    StrataService other = strata.service().forScope(OTHER_ACCOUNT_SCOPE);
    ProvisionedModelArn elsewhere =
        created(other.createProvisionedModelThroughput(command("chat-prod").build()));
    assertEquals(OTHER_ACCOUNT_SCOPE, elsewhere.scope());
    assertTrue(
        elsewhere
            .value()
            .matches("arn:aws:bedrock:us-east-1:210987654321:provisioned-model/[a-z0-9]{12}"),
        elsewhere.value());
    assertNotEquals(home, elsewhere);
    assertEquals(1, strata.repository().size(HOME));
    assertEquals(1, strata.repository().size(OTHER_ACCOUNT_SCOPE));
    assertEquals(1, used(strata, OTHER_ACCOUNT_SCOPE, QuotaKey.noCommitmentBaseModels()));
    assertEquals(1, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void the_same_name_in_another_region_is_a_different_provisioned_throughput() {
    created(create(strata, command("chat-prod")));
    ProvisionedModelArn west =
        created(
            strata
                .service()
                .forScope(ResourceScope.of("aws", "us-west-2", "123456789012"))
                .createProvisionedModelThroughput(command("chat-prod").build()));
    assertEquals("us-west-2", west.scope().region().toString());
    assertEquals(
        "arn:aws:bedrock:us-west-2::foundation-model/" + NO_COMMIT_BASE,
        stored(strata, west).modelArn().value());
  }

  // D4, D5

  @Test
  void fifty_tags_are_stored_in_request_order() {
    ProvisionedModelArn arn = created(create(strata, withTags(50)));
    ProvisionedThroughput pt = stored(strata, arn);
    assertEquals(50, pt.tags().size());
    assertEquals(TagKey.of("key-1"), pt.tags().asList().head().key());
    assertEquals(TagValue.of("value-50"), pt.tags().asList().last().value());
  }

  @Test
  void more_than_fifty_tags_is_too_many_tags_and_creates_nothing() {
    assertFailure(
        create(strata, withTags(51)),
        BedrockError.TooManyTags.class,
        "TooManyTagsException",
        "A resource can have at most 50 tags: it has 0 and the request adds 51 new keys.");
    assertEquals(0, size(strata));
    assertEquals(0, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void two_hundred_tags_pass_the_request_limit_but_not_the_resource_limit() {
    BedrockError error = CreateFixture.failure(create(strata, withTags(200)));
    assertEquals(
        new BedrockError.TooManyTags(
            "A resource can have at most 50 tags: it has 0 and the request adds 200 new keys.",
            Optional.empty()),
        error);
  }

  @Test
  void two_hundred_and_one_tags_is_a_validation_error_not_too_many_tags() {
    BedrockError error = CreateFixture.failure(create(strata, withTags(201)));
    assertEquals(BedrockError.ValidationError.class, error.getClass());
    assertTrue(
        error
            .message()
            .startsWith("1 validation error detected: Value '[Tag(key=key-1, value=value-1), "),
        error.message());
    assertTrue(
        error
            .message()
            .endsWith(
                "Tag(key=key-201, value=value-201)]' at 'tags' failed to satisfy constraint:"
                    + " Member must have length less than or equal to 200"),
        error.message());
  }

  // D12

  @Test
  void an_unknown_foundation_model_is_resource_not_found() {
    assertFailure(
        create(strata, command("pt", "amazon.titan-text-premier-v9:0:32k", 1)),
        BedrockError.ResourceNotFound.class,
        "ResourceNotFoundException",
        "The model 'amazon.titan-text-premier-v9:0:32k' (modelId) was not found in account"
            + " 123456789012, region us-east-1.");
    assertEquals(0, size(strata));
  }

  @Test
  void an_unknown_custom_model_name_is_resource_not_found() {
    assertFailure(
        create(strata, command("pt", "no-such-custom-model", 1)),
        BedrockError.ResourceNotFound.class,
        "ResourceNotFoundException",
        "The model 'no-such-custom-model' (modelId) was not found in account 123456789012,"
            + " region us-east-1.");
  }

  @Test
  void an_on_demand_base_model_is_a_validation_error_suggesting_its_context_variants() {
    assertValidation(
        create(strata, command("pt", "amazon.nova-lite-v1:0", 1)),
        "The model amazon.nova-lite-v1:0 does not support provisioned throughput (its inference"
            + " types are [ON_DEMAND]). Use a context variant that does: amazon.nova-lite-v1:0:24k,"
            + " amazon.nova-lite-v1:0:300k.");
    assertEquals(0, size(strata));
    assertEquals(0, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void an_on_demand_base_model_is_refused_with_commitment_too() {
    assertValidation(
        create(
            strata,
            command("pt", "amazon.nova-lite-v1:0", 1)
                .commitmentDuration(CommitmentDuration.SixMonths)),
        "The model amazon.nova-lite-v1:0 does not support provisioned throughput (its inference"
            + " types are [ON_DEMAND]). Use a context variant that does: amazon.nova-lite-v1:0:24k,"
            + " amazon.nova-lite-v1:0:300k.");
  }

  @Test
  void an_on_demand_model_without_provisionable_variants_is_a_validation_error_naming_it() {
    assertValidation(
        create(
            strata,
            command("pt", "anthropic.claude-3-haiku-20240307-v1:0", 1)
                .commitmentDuration(CommitmentDuration.OneMonth)),
        "The model anthropic.claude-3-haiku-20240307-v1:0 does not support provisioned throughput"
            + " (its inference types are [ON_DEMAND]). Use a context variant that does:"
            + " anthropic.claude-3-haiku-20240307-v1:0:200k,"
            + " anthropic.claude-3-haiku-20240307-v1:0:48k.");
  }

  @Test
  void a_foundation_model_arn_of_the_home_region_is_accepted() {
    String arn = "arn:aws:bedrock:us-east-1::foundation-model/" + NO_COMMIT_BASE;
    ProvisionedThroughput pt = purchase(command("pt", arn, 1));
    assertEquals(arn, pt.modelArn().value());
    assertEquals(arn, pt.foundationModelArn().value());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:bedrock:us-west-2::foundation-model/amazon.nova-lite-v1:0:24k",
        "arn:aws-cn:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:24k"
      })
  void a_foundation_model_arn_of_another_region_or_partition_is_resource_not_found(String arn) {
    assertFailure(
        create(strata, command("pt", arn, 1)),
        BedrockError.ResourceNotFound.class,
        "ResourceNotFoundException",
        "The model '"
            + arn
            + "' (modelId) was not found in account 123456789012, region us-east-1.");
    assertEquals(0, size(strata));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "arn:aws:bedrock:us-east-1:210987654321:custom-model/amazon.titan-text-express-v1:0:8k/k7xq2m9p4w1a",
        "arn:aws:bedrock:eu-west-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/k7xq2m9p4w1a",
        "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/aaaaaaaaaaaa"
      })
  void a_custom_model_arn_of_another_account_or_region_or_unknown_is_resource_not_found(
      String arn) {
    assertFailure(
        create(strata, command("pt", arn, 1)),
        BedrockError.ResourceNotFound.class,
        "ResourceNotFoundException",
        "The model '"
            + arn
            + "' (modelId) was not found in account 123456789012, region us-east-1.");
    assertEquals(0, size(strata));
    assertEquals(0, used(strata, QuotaKey.noCommitmentCustomModels()));
  }

  @Test
  void a_custom_model_is_found_by_name() {
    ProvisionedThroughput pt = purchase(command("bot", SeedModels.TITAN_SUPPORT_BOT, 1));
    assertEquals(TITAN_CUSTOM_ARN, pt.modelArn().value());
    assertEquals(TITAN_CUSTOM_ARN, pt.desiredModelArn().value());
    assertEquals(
        "arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k",
        pt.foundationModelArn().value());
    assertEquals(QuotaKey.noCommitmentCustomModels(), pt.quotaCharge().key());
    assertEquals(1, used(strata, QuotaKey.noCommitmentCustomModels()));
  }

  @Test
  void a_custom_model_is_found_by_arn() {
    ProvisionedThroughput pt = purchase(command("bot", TITAN_CUSTOM_ARN, 2));
    assertEquals(
        CustomModelArn.of(HOME, "amazon.titan-text-express-v1:0:8k", "k7xq2m9p4w1a"),
        pt.modelArn());
    assertEquals(2, used(strata, QuotaKey.noCommitmentCustomModels()));
  }

  @Test
  void a_custom_model_that_is_not_active_is_a_validation_error_naming_it() {
    assertValidation(
        create(strata, command("pt", SeedModels.TITAN_STILL_TRAINING, 1)),
        "The custom model titan-still-training is Creating; only Active custom models can be"
            + " provisioned.");
    assertEquals(0, size(strata));
    assertEquals(0, used(strata, QuotaKey.noCommitmentCustomModels()));
  }

  // D13

  @Test
  void a_base_model_without_no_commitment_support_requires_a_commitment() {
    assertValidation(
        create(strata, command("pt", COMMIT_ONLY_BASE, 1)),
        "The model anthropic.claude-v2:0:100k cannot be provisioned without commitment; specify"
            + " commitmentDuration (one of OneMonth, SixMonths).");
    assertEquals(0, size(strata));
    assertEquals(0, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void a_base_model_without_no_commitment_support_can_be_bought_with_commitment() {
    ProvisionedThroughput pt =
        purchase(
            command("pt", COMMIT_ONLY_BASE, 3).commitmentDuration(CommitmentDuration.OneMonth));
    assertEquals(Optional.of(CommitmentDuration.OneMonth), pt.commitmentDuration());
    assertEquals(QuotaKey.committed(COMMIT_ONLY_BASE), pt.quotaCharge().key());
    assertEquals(3, used(strata, QuotaKey.committed(COMMIT_ONLY_BASE)));
  }

  @Test
  void a_base_model_with_no_commitment_support_can_be_bought_without_commitment() {
    ProvisionedThroughput pt = purchase(command("pt"));
    assertEquals(Optional.empty(), pt.commitmentDuration());
    assertEquals(Optional.empty(), pt.commitmentExpirationTime());
    assertEquals(QuotaKey.noCommitmentBaseModels(), pt.quotaCharge().key());
  }

  @Test
  void a_custom_model_can_be_bought_without_commitment_even_where_its_base_cannot() {
    ProvisionedThroughput pt = purchase(command("llama", SeedModels.LLAMA_TUNED, 1));
    assertEquals(Optional.empty(), pt.commitmentDuration());
    assertEquals(1, used(strata, QuotaKey.noCommitmentCustomModels()));
  }

  @Test
  void a_custom_model_with_commitment_is_charged_to_its_base_models_committed_ledger() {
    ProvisionedThroughput pt =
        purchase(
            command("bot", SeedModels.TITAN_SUPPORT_BOT, 4)
                .commitmentDuration(CommitmentDuration.SixMonths));
    assertEquals(QuotaKey.committed("amazon.titan-text-express-v1:0:8k"), pt.quotaCharge().key());
    assertEquals(4, used(strata, QuotaKey.committed("amazon.titan-text-express-v1:0:8k")));
    assertEquals(0, used(strata, QuotaKey.noCommitmentCustomModels()));
  }

  // D8, D17, D18, D9

  @Test
  void creation_stores_every_requested_field() {
    ProvisionedModelArn arn =
        created(
            create(
                strata,
                command("chat-prod", NO_COMMIT_BASE, 2)
                    .clientRequestToken("tok-1")
                    .tag("team", "ml")));
    ProvisionedThroughput pt = stored(strata, arn);
    assertEquals(arn, pt.provisionedModelArn());
    assertEquals("chat-prod", pt.provisionedModelName().value());
    assertEquals(2, pt.modelUnits().value());
    assertEquals(2, pt.desiredModelUnits().value());
    assertEquals(
        "arn:aws:bedrock:us-east-1::foundation-model/" + NO_COMMIT_BASE, pt.modelArn().value());
    assertEquals(pt.modelArn(), pt.desiredModelArn());
    assertEquals(pt.modelArn(), pt.foundationModelArn());
    assertEquals("tok-1", pt.clientRequestToken().get().value());
    assertEquals(1, pt.tags().size());
    assertEquals("ml", pt.tags().asList().head().value().value());
    assertEquals(Optional.empty(), pt.failureMessage());
  }

  @Test
  void the_arn_has_the_provisioned_model_format_of_the_home_scope() {
    ProvisionedModelArn arn = created(create(strata, command("pt")));
    assertTrue(arn.value().matches(ARN_PATTERN), arn.value());
    assertEquals(HOME, arn.scope());
  }

  @Test
  void arns_are_distinct_and_reproducible_from_the_minter_seed() {
    Harness a = CreateFixture.env().seed(42).build();
    Harness b = CreateFixture.env().seed(42).build();
    ProvisionedModelArn a1 = created(create(a, command("one")));
    ProvisionedModelArn a2 = created(create(a, command("two")));
    assertNotEquals(a1, a2);
    assertEquals(a1, created(create(b, command("one"))));
    assertEquals(a2, created(create(b, command("two"))));
    assertTrue(a2.value().matches(ARN_PATTERN), a2.value());
  }

  @Test
  void timestamps_are_the_clock_truncated_to_milliseconds() {
    ProvisionedThroughput pt = purchase(command("pt"));
    assertEquals(Instant.parse("2026-03-10T08:30:15.123Z"), pt.creationTime());
    assertEquals(0, pt.creationTime().getNano() % 1_000_000);
    assertEquals(pt.creationTime(), pt.lastModifiedTime());
    assertNotEquals(NOW, pt.creationTime());
  }

  @ParameterizedTest
  @CsvSource({
    "2026-03-10T08:30:15.123456789Z, OneMonth,  2026-04-10T08:30:15.123Z",
    "2026-03-10T08:30:15.123456789Z, SixMonths, 2026-09-10T08:30:15.123Z",
    "2026-01-31T23:59:59.999999Z,    OneMonth,  2026-02-28T23:59:59.999Z",
    "2028-01-31T10:00:00Z,           OneMonth,  2028-02-29T10:00:00Z",
    "2026-08-31T12:00:00.5Z,         SixMonths, 2027-02-28T12:00:00.500Z",
    "2026-12-15T00:00:00Z,           OneMonth,  2027-01-15T00:00:00Z"
  })
  void the_commitment_expires_calendar_months_after_creation_in_utc(
      String now, CommitmentDuration commitment, String expires) {
    Harness s =
        Harness.builder().clock(Clock.fixed(Instant.parse(now), ZoneOffset.UTC)).build();
    ProvisionedThroughput pt =
        stored(
            s,
            created(create(s, command("pt", COMMIT_ONLY_BASE, 1).commitmentDuration(commitment))));
    assertEquals(Optional.of(commitment), pt.commitmentDuration());
    assertEquals(Optional.of(Instant.parse(expires)), pt.commitmentExpirationTime());
  }

  @Test
  void with_the_default_policy_a_new_provisioned_throughput_is_in_service() {
    ProvisionedThroughput pt = purchase(command("pt"));
    assertEquals(ProvisionedModelStatus.InService, pt.status());
  }

  @Test
  void with_a_manual_policy_a_new_provisioned_throughput_is_creating() {
    Harness manual =
        CreateFixture.env().transitions(StatusTransitionPolicy.manual()).build();
    ProvisionedThroughput pt = stored(manual, created(create(manual, command("pt"))));
    assertEquals(ProvisionedModelStatus.Creating, pt.status());
    assertEquals(Instant.parse("2026-03-10T08:30:15.123Z"), pt.creationTime());
    assertEquals(pt.creationTime(), pt.lastModifiedTime());
    assertEquals(1, used(manual, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void a_created_provisioned_throughput_is_found_by_its_name() {
    ProvisionedModelArn arn = created(create(strata, command("chat-prod")));
    Either<BedrockError, Option<ProvisionedThroughput>> byName =
        strata.repository().findByName(HOME, ProvisionedModelName.of("chat-prod"));
    assertEquals(arn, byName.get().get().provisionedModelArn());
  }
}
