package dev.strata.ports.application.purchase;

import static dev.strata.ports.application.purchase.CreateFixture.COMMIT_ONLY_BASE;
import static dev.strata.ports.application.purchase.CreateFixture.HOME;
import static dev.strata.ports.application.purchase.CreateFixture.OTHER_ACCOUNT_SCOPE;
import static dev.strata.ports.application.purchase.CreateFixture.assertValidation;
import static dev.strata.ports.application.purchase.CreateFixture.command;
import static dev.strata.ports.application.purchase.CreateFixture.create;
import static dev.strata.ports.application.purchase.CreateFixture.created;
import static dev.strata.ports.application.purchase.CreateFixture.failure;
import static dev.strata.ports.application.purchase.CreateFixture.size;
import static dev.strata.ports.application.purchase.CreateFixture.stored;
import static dev.strata.ports.application.purchase.CreateFixture.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.strata.ports.application.Harness;
import dev.strata.adapters.inmemory.SeedModels;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.ports.application.IdempotencyMode;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Create's client request token: D2 (a retry gets the original) and D3 (a reuse). */
class CreateIdempotencyTest {
  private static final String TOKEN = "3f0c6d0e-8a49-4b7e-9c2a-5d1e7f3b9a10";

  private Harness strata;

  @BeforeEach
  void setUp() {
    strata = CreateFixture.strata();
  }

  private static CreateProvisionedModelThroughputCommand.Builder original() {
    return command("chat-prod").clientRequestToken(TOKEN).tag("team", "ml");
  }

  /** Requests that reuse {@link #TOKEN} with one parameter changed from {@link #original()}. */
  static Stream<Arguments> changedParameters() {
    Supplier<CreateProvisionedModelThroughputCommand.Builder> base =
        () -> command("chat-prod").clientRequestToken(TOKEN);
    return Stream.of(
        Arguments.of(
            "another name", command("chat-other").clientRequestToken(TOKEN).tag("team", "ml")),
        Arguments.of(
            "more model units",
            CreateProvisionedModelThroughputCommand.builder(
                    "chat-prod", CreateFixture.NO_COMMIT_BASE, 2)
                .clientRequestToken(TOKEN)
                .tag("team", "ml")),
        Arguments.of(
            "another model",
            command("chat-prod", "amazon.nova-pro-v1:0:24k", 1)
                .clientRequestToken(TOKEN)
                .tag("team", "ml")),
        Arguments.of(
            "a commitment",
            base.get().commitmentDuration(CommitmentDuration.OneMonth).tag("team", "ml")),
        Arguments.of("another tag value", base.get().tag("team", "data")),
        Arguments.of("no tags", base.get()));
  }

  @Test
  void a_retry_with_the_same_token_and_parameters_returns_the_original_arn() {
    ProvisionedModelArn first = created(create(strata, original()));
    ProvisionedModelArn retry = created(create(strata, original()));
    assertEquals(first, retry);
    assertEquals(1, size(strata));
    assertEquals(1, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void many_retries_charge_the_quota_once() {
    ProvisionedModelArn first =
        created(
            create(
                strata,
                command("chat-prod", COMMIT_ONLY_BASE, 5)
                    .commitmentDuration(CommitmentDuration.SixMonths)
                    .clientRequestToken(TOKEN)));
    for (int i = 0; i < 5; i++) {
      assertEquals(
          first,
          created(
              create(
                  strata,
                  command("chat-prod", COMMIT_ONLY_BASE, 5)
                      .commitmentDuration(CommitmentDuration.SixMonths)
                      .clientRequestToken(TOKEN))));
    }
    assertEquals(1, size(strata));
    assertEquals(5, used(strata, QuotaKey.committed(COMMIT_ONLY_BASE)));
  }

  @Test
  void a_retry_succeeds_even_when_the_quota_is_now_fully_used() {
    Harness full =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 1).build();
    ProvisionedModelArn first = created(create(full, original()));
    assertEquals(first, created(create(full, original())));
    assertEquals(1, used(full, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void the_retry_leaves_the_stored_provisioned_throughput_unchanged() {
    ProvisionedModelArn first = created(create(strata, original()));
    var before = stored(strata, first);
    created(create(strata, original()));
    assertEquals(before, stored(strata, first));
  }

  @Test
  void the_token_is_remembered_with_the_provisioned_throughput() {
    ProvisionedModelArn first = created(create(strata, original()));
    assertEquals(
        first,
        strata
            .repository()
            .findByClientRequestToken(HOME, ClientRequestToken.of(TOKEN))
            .get()
            .get()
            .provisionedModelArn());
  }

  @Test
  void the_same_token_in_another_account_creates_another_provisioned_throughput() {
    ProvisionedModelArn home = created(create(strata, original()));
    ProvisionedModelArn other =
        created(
            strata
                .service()
                .forScope(OTHER_ACCOUNT_SCOPE)
                .createProvisionedModelThroughput(original().build()));
    assertNotEquals(home, other);
    assertEquals(1, strata.repository().size(HOME));
    assertEquals(1, strata.repository().size(OTHER_ACCOUNT_SCOPE));
  }

  @Test
  void without_a_token_an_identical_request_is_a_new_purchase_and_hits_the_name_rule() {
    ProvisionedModelArn first = created(create(strata, command("chat-prod")));
    assertValidation(
        create(strata, command("chat-prod")),
        "A provisioned throughput named 'chat-prod' already exists in this account and region: "
            + first
            + ". Provisioned model names must be unique.");
  }

  @Test
  void different_tokens_with_different_names_create_different_provisioned_throughputs() {
    ProvisionedModelArn a = created(create(strata, command("a").clientRequestToken("tok-a")));
    ProvisionedModelArn b = created(create(strata, command("b").clientRequestToken("tok-b")));
    assertNotEquals(a, b);
    assertEquals(2, size(strata));
    assertEquals(2, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void a_token_whose_request_failed_validation_is_not_claimed() {
    failure(create(strata, command("a__b").clientRequestToken(TOKEN)));
    ProvisionedModelArn arn = created(create(strata, original()));
    assertEquals("chat-prod", stored(strata, arn).provisionedModelName().value());
  }

  @Test
  void a_token_whose_request_hit_the_quota_is_not_claimed() {
    Harness tight =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 1).build();
    BedrockError error =
        failure(
            create(
                tight,
                CreateProvisionedModelThroughputCommand.builder(
                        "chat-prod", CreateFixture.NO_COMMIT_BASE, 2)
                    .clientRequestToken(TOKEN)));
    assertEquals(BedrockError.ServiceQuotaExceeded.class, error.getClass());
    ProvisionedModelArn arn = created(create(tight, original()));
    assertEquals(1, stored(tight, arn).modelUnits().value());
    assertEquals(1, used(tight, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void a_token_whose_request_hit_a_taken_name_is_not_claimed() {
    ProvisionedModelArn holder = created(create(strata, command("chat-prod")));
    failure(create(strata, original()));
    ProvisionedModelArn arn =
        created(create(strata, command("chat-two").clientRequestToken(TOKEN)));
    assertNotEquals(holder, arn);
    assertEquals(2, size(strata));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedParameters")
  void by_default_a_reused_token_with_other_parameters_returns_the_original_arn(
      String change, CreateProvisionedModelThroughputCommand.Builder reuse) {
    ProvisionedModelArn first = created(create(strata, original()));
    var before = stored(strata, first);
    assertEquals(first, created(create(strata, reuse)));
    assertEquals(1, size(strata));
    assertEquals(before, stored(strata, first));
    assertEquals(1, used(strata, QuotaKey.noCommitmentBaseModels()));
    assertEquals(0, used(strata, QuotaKey.committed(CreateFixture.NO_COMMIT_BASE)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("changedParameters")
  void in_strict_mode_a_reused_token_with_other_parameters_is_a_validation_error_naming_it(
      String change, CreateProvisionedModelThroughputCommand.Builder reuse) {
    Harness strict = CreateFixture.env().idempotency(IdempotencyMode.STRICT).build();
    ProvisionedModelArn first = created(create(strict, original()));
    assertValidation(
        create(strict, reuse),
        "The client request token '"
            + TOKEN
            + "' was already used with different parameters, for provisioned throughput "
            + first
            + ".");
    assertEquals(1, size(strict));
    assertEquals(1, used(strict, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void in_strict_mode_a_retry_with_the_same_parameters_returns_the_original_arn() {
    Harness strict = CreateFixture.env().idempotency(IdempotencyMode.STRICT).build();
    ProvisionedModelArn first = created(create(strict, original()));
    assertEquals(first, created(create(strict, original())));
    assertEquals(1, size(strict));
  }

  @Test
  void in_strict_mode_a_custom_model_named_by_name_is_the_same_parameter_on_retry() {
    Harness strict = CreateFixture.env().idempotency(IdempotencyMode.STRICT).build();
    CreateProvisionedModelThroughputCommand.Builder c =
        command("bot", SeedModels.TITAN_SUPPORT_BOT, 1).clientRequestToken(TOKEN);
    ProvisionedModelArn first = created(create(strict, c));
    assertEquals(
        first,
        created(
            create(
                strict,
                command("bot", SeedModels.TITAN_SUPPORT_BOT, 1).clientRequestToken(TOKEN))));
  }
}
