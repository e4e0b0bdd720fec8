package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.composition.StrataConfiguration;
import dev.strata.composition.Wiring;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.QuotaLedger;
import dev.strata.ports.application.IdempotencyMode;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.Strata;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/** The composition root as the CLI sees it: every setting of the configuration takes effect. */
class WiringTest {
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";

  private static Either<BedrockError, ProvisionedModelArn> create(
      Strata strata, String name, int units, String token) {
    return strata.createProvisionedModelThroughput(
        CreateProvisionedModelThroughputCommand.builder(name, MODEL, units)
            .clientRequestToken(token)
            .build());
  }

  @Test
  void defaults_build_the_in_memory_strata_of_the_default_account() {
    Strata strata = Wiring.strata(StrataConfiguration.defaults());

    assertEquals(
        "arn:aws:bedrock:us-east-1:123456789012:provisioned-model/8ejjbkxmk7t9",
        create(strata, "demo", 1, null).get().value());
  }

  @Test
  void lenient_idempotency_answers_a_reused_token_with_the_first_arn() {
    Strata strata = Wiring.strata(StrataConfiguration.defaults());
    ProvisionedModelArn first = create(strata, "one", 1, "token-1").get();

    assertEquals(Either.right(first), create(strata, "two", 2, "token-1"));
  }

  @Test
  void strict_idempotency_refuses_a_reused_token_with_other_parameters() {
    Strata strata =
        Wiring.strata(StrataConfiguration.defaults().withIdempotency(IdempotencyMode.STRICT));
    ProvisionedModelArn first = create(strata, "one", 1, "token-1").get();

    assertEquals(
        "ValidationException The client request token 'token-1' was already used with different"
            + " parameters, for provisioned throughput "
            + first
            + ".",
        create(strata, "two", 2, "token-1")
            .swap()
            .map(e -> e.errorCode() + " " + e.message())
            .get());
  }

  @Test
  void a_quota_limit_applies_to_its_ledger() {
    Strata strata =
        Wiring.strata(
            StrataConfiguration.defaults().withQuotaLimit(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 2));

    assertEquals(true, create(strata, "one", 2, null).isRight());
    assertEquals(
        "ServiceQuotaExceededException",
        create(strata, "two", 1, null).getLeft().errorCode());
  }

  @Test
  void every_documented_transition_policy_name_is_accepted() {
    for (String name : new String[] {"immediate", "manual", "after-reads:2", "after-duration:PT30S"}) {
      Strata strata = Wiring.strata(StrataConfiguration.defaults().withTransitions(name));
      assertEquals(true, create(strata, "demo", 1, null).isRight(), name);
    }
  }

  @Test
  void an_unknown_transition_policy_name_is_refused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StrataConfiguration.defaults().withTransitions("eventually"));
    assertEquals(
        "unknown transition policy 'eventually'; expected immediate, manual, after-reads:N or"
            + " after-duration:<ISO-8601 duration>",
        e.getMessage());
  }

  @Test
  void a_negative_quota_limit_is_refused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> StrataConfiguration.defaults().withQuotaLimit(QuotaLedger.COMMITTED_PER_MODEL, -1));
    assertEquals("a quota limit is at least 0: COMMITTED_PER_MODEL=-1", e.getMessage());
  }
}
