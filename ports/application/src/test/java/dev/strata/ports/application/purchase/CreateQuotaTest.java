package dev.strata.ports.application.purchase;

import static dev.strata.ports.application.purchase.CreateFixture.COMMIT_ONLY_BASE;
import static dev.strata.ports.application.purchase.CreateFixture.NO_COMMIT_BASE;
import static dev.strata.ports.application.purchase.CreateFixture.OTHER_ACCOUNT_SCOPE;
import static dev.strata.ports.application.purchase.CreateFixture.assertFailure;
import static dev.strata.ports.application.purchase.CreateFixture.command;
import static dev.strata.ports.application.purchase.CreateFixture.create;
import static dev.strata.ports.application.purchase.CreateFixture.created;
import static dev.strata.ports.application.purchase.CreateFixture.size;
import static dev.strata.ports.application.purchase.CreateFixture.used;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.ports.application.Harness;
import dev.strata.adapters.inmemory.SeedModels;
import dev.strata.domain.BedrockError;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.QuotaUsage;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/**
 * Create against the three model-unit ledgers of D14: over the limit, nothing is created or held.
 */
class CreateQuotaTest {
  private static final String BASE_QUOTA =
      "L-FE44174A ('Model units no-commitment Provisioned Throughputs across base models')";
  private static final String CUSTOM_QUOTA =
      "L-BE77399C ('Model units no-commitment Provisioned Throughputs across custom models')";

  private static CreateProvisionedModelThroughputCommand.Builder committed(
      String name, String modelId, int units) {
    return command(name, modelId, units).commitmentDuration(CommitmentDuration.OneMonth);
  }

  private static void assertQuotaExceeded(Either<BedrockError, ?> result, String message) {
    assertFailure(
        result, BedrockError.ServiceQuotaExceeded.class, "ServiceQuotaExceededException", message);
  }

  @Test
  void no_commitment_base_model_units_beyond_the_limit_are_refused_naming_the_quota() {
    Harness strata =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 3).build();
    created(create(strata, command("a", NO_COMMIT_BASE, 2)));
    assertQuotaExceeded(
        create(strata, command("b", "amazon.nova-pro-v1:0:24k", 2)),
        "The request for 2 model units exceeds quota "
            + BASE_QUOTA
            + ": limit 3, in use 2, available 1.");
    assertEquals(1, size(strata));
    assertEquals(2, used(strata, QuotaKey.noCommitmentBaseModels()));
    assertEquals(
        QuotaUsage.of(QuotaKey.noCommitmentBaseModels(), 3, 2),
        strata.usage(strata.home(), QuotaKey.noCommitmentBaseModels()).get());
  }

  @Test
  void units_that_fill_the_limit_exactly_are_granted() {
    Harness strata =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 3).build();
    created(create(strata, command("a", NO_COMMIT_BASE, 2)));
    created(create(strata, command("b", NO_COMMIT_BASE, 1)));
    assertEquals(3, used(strata, QuotaKey.noCommitmentBaseModels()));
    assertQuotaExceeded(
        create(strata, command("c", NO_COMMIT_BASE, 1)),
        "The request for 1 model units exceeds quota "
            + BASE_QUOTA
            + ": limit 3, in use 3, available 0.");
    assertEquals(2, size(strata));
  }

  @Test
  void one_request_larger_than_the_whole_limit_is_refused() {
    Harness strata =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 3).build();
    assertQuotaExceeded(
        create(strata, command("a", NO_COMMIT_BASE, 4)),
        "The request for 4 model units exceeds quota "
            + BASE_QUOTA
            + ": limit 3, in use 0, available 3.");
    assertEquals(0, size(strata));
    assertEquals(0, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void no_commitment_custom_model_units_beyond_the_limit_are_refused_naming_the_quota() {
    Harness strata =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_CUSTOM_MODELS, 2).build();
    created(create(strata, command("a", SeedModels.TITAN_SUPPORT_BOT, 1)));
    assertQuotaExceeded(
        create(strata, command("b", SeedModels.NOVA_DISTILLED, 2)),
        "The request for 2 model units exceeds quota "
            + CUSTOM_QUOTA
            + ": limit 2, in use 1, available 1.");
    assertEquals(1, size(strata));
    assertEquals(1, used(strata, QuotaKey.noCommitmentCustomModels()));
  }

  @Test
  void committed_units_beyond_the_models_limit_are_refused_naming_the_model() {
    Harness strata =
        CreateFixture.env().quota(QuotaKey.committed(COMMIT_ONLY_BASE), 4).build();
    created(create(strata, committed("a", COMMIT_ONLY_BASE, 3)));
    assertQuotaExceeded(
        create(strata, committed("b", COMMIT_ONLY_BASE, 2)),
        "The request for 2 model units exceeds quota 'Model units per provisioned model"
            + " anthropic.claude-v2:0:100k': limit 4, in use 3, available 1.");
    assertEquals(1, size(strata));
    assertEquals(3, used(strata, QuotaKey.committed(COMMIT_ONLY_BASE)));
  }

  @Test
  void the_committed_ledger_is_kept_per_base_model() {
    Harness strata =
        CreateFixture.env().quota(QuotaKey.committed(COMMIT_ONLY_BASE), 1).build();
    created(create(strata, committed("a", COMMIT_ONLY_BASE, 1)));
    created(create(strata, committed("b", "anthropic.claude-v2:0:18k", 5)));
    assertEquals(1, used(strata, QuotaKey.committed(COMMIT_ONLY_BASE)));
    assertEquals(5, used(strata, QuotaKey.committed("anthropic.claude-v2:0:18k")));
  }

  @Test
  void a_custom_models_commitment_counts_against_its_base_models_committed_limit() {
    String base = "amazon.titan-text-express-v1:0:8k";
    Harness strata = CreateFixture.env().quota(QuotaKey.committed(base), 2).build();
    created(create(strata, committed("base", base, 1)));
    assertQuotaExceeded(
        create(strata, committed("bot", SeedModels.TITAN_SUPPORT_BOT, 2)),
        "The request for 2 model units exceeds quota 'Model units per provisioned model"
            + " amazon.titan-text-express-v1:0:8k': limit 2, in use 1, available 1.");
    assertEquals(1, size(strata));
    assertEquals(1, used(strata, QuotaKey.committed(base)));
  }

  @Test
  void a_zero_no_commitment_base_model_limit_says_no_units_are_reserved() {
    Harness strata =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 0).build();
    assertQuotaExceeded(
        create(strata, command("a", NO_COMMIT_BASE, 1)),
        "Your account does not currently have any no commitment model units reserved for base"
            + " models (quota "
            + BASE_QUOTA
            + ").");
    assertEquals(0, size(strata));
    assertEquals(0, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void a_zero_no_commitment_custom_model_limit_says_no_units_are_reserved() {
    Harness strata =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_CUSTOM_MODELS, 0).build();
    assertQuotaExceeded(
        create(strata, command("a", SeedModels.LLAMA_TUNED, 1)),
        "Your account does not currently have any no commitment model units reserved for custom"
            + " models (quota "
            + CUSTOM_QUOTA
            + ").");
    assertEquals(0, size(strata));
  }

  @Test
  void a_zero_committed_limit_says_no_units_are_reserved_for_the_model() {
    Harness strata = CreateFixture.env().quota(QuotaLedger.COMMITTED_PER_MODEL, 0).build();
    assertQuotaExceeded(
        create(strata, committed("a", COMMIT_ONLY_BASE, 1)),
        "Your account does not currently have any committed model units reserved for"
            + " anthropic.claude-v2:0:100k (quota 'Model units per provisioned model"
            + " anthropic.claude-v2:0:100k').");
    assertEquals(0, size(strata));
    assertEquals(0, used(strata, QuotaKey.committed(COMMIT_ONLY_BASE)));
  }

  @Test
  void a_per_model_limit_overrides_the_ledger_wide_limit() {
    Harness strata =
        CreateFixture.env()
            .quota(QuotaLedger.COMMITTED_PER_MODEL, 0)
            .quota(QuotaKey.committed(COMMIT_ONLY_BASE), 2)
            .build();
    created(create(strata, committed("a", COMMIT_ONLY_BASE, 2)));
    assertEquals(
        BedrockError.ServiceQuotaExceeded.class,
        CreateFixture.failure(create(strata, committed("b", "anthropic.claude-v2:0:18k", 1)))
            .getClass());
  }

  @Test
  void the_three_ledgers_are_independent() {
    Harness strata =
        CreateFixture.env()
            .quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 1)
            .quota(QuotaLedger.NO_COMMITMENT_CUSTOM_MODELS, 1)
            .quota(QuotaLedger.COMMITTED_PER_MODEL, 1)
            .build();
    created(create(strata, command("base", NO_COMMIT_BASE, 1)));
    created(create(strata, command("custom", SeedModels.TITAN_SUPPORT_BOT, 1)));
    created(create(strata, committed("committed", NO_COMMIT_BASE, 1)));
    assertEquals(3, size(strata));
    assertEquals(1, used(strata, QuotaKey.noCommitmentBaseModels()));
    assertEquals(1, used(strata, QuotaKey.noCommitmentCustomModels()));
    assertEquals(1, used(strata, QuotaKey.committed(NO_COMMIT_BASE)));
  }

  @Test
  void each_account_has_its_own_ledgers() {
    Harness strata =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 1).build();
    created(create(strata, command("a", NO_COMMIT_BASE, 1)));
    created(
        strata
            .service()
            .forScope(OTHER_ACCOUNT_SCOPE)
            .createProvisionedModelThroughput(command("a", NO_COMMIT_BASE, 1).build()));
    assertEquals(1, used(strata, OTHER_ACCOUNT_SCOPE, QuotaKey.noCommitmentBaseModels()));
    assertEquals(1, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void a_refused_request_leaves_room_for_one_that_fits() {
    Harness strata =
        CreateFixture.env().quota(QuotaLedger.NO_COMMITMENT_BASE_MODELS, 2).build();
    CreateFixture.failure(create(strata, command("big", NO_COMMIT_BASE, 3)));
    created(create(strata, command("small", NO_COMMIT_BASE, 2)));
    assertEquals(2, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void the_in_memory_default_limit_is_generous() {
    Harness strata = CreateFixture.strata();
    created(create(strata, command("big", NO_COMMIT_BASE, 1000)));
    assertQuotaExceeded(
        create(strata, command("more", NO_COMMIT_BASE, 1)),
        "The request for 1 model units exceeds quota "
            + BASE_QUOTA
            + ": limit 1000, in use 1000, available 0.");
  }
}
