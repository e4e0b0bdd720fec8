package dev.strata.domain;

import static dev.strata.domain.DomainFixtures.CLAUDE_ON_DEMAND;
import static dev.strata.domain.DomainFixtures.NOVA_LITE;
import static dev.strata.domain.DomainFixtures.TITAN_CUSTOM;
import static dev.strata.domain.DomainFixtures.TITAN_EXPRESS;
import static dev.strata.domain.DomainFixtures.assertLeft;
import static dev.strata.domain.DomainFixtures.assertRefused;
import static dev.strata.domain.DomainFixtures.custom;
import static dev.strata.domain.DomainFixtures.resolved;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.strata.domain.BedrockError.ValidationError;
import io.vavr.control.Either;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** D12 and D13: which quota ledger a purchase is charged to, or why it cannot be bought. */
class ResolvedModelTest {
  private static final Optional<CommitmentDuration> NONE = Optional.empty();

  @Test
  void a_model_without_provisioned_inference_cannot_be_bought_and_is_named() {
    assertRefused(
        new ValidationFact.NotProvisionable(
            "anthropic.claude-3-haiku-20240307-v1:0",
            java.util.List.of(InferenceType.ON_DEMAND),
            io.vavr.collection.List.empty()),
        "The model anthropic.claude-3-haiku-20240307-v1:0 does not support provisioned"
            + " throughput (its inference types are [ON_DEMAND]).",
        resolved(CLAUDE_ON_DEMAND).purchaseLedger(Optional.of(CommitmentDuration.OneMonth)));
  }

  @Test
  void a_custom_model_of_a_base_without_provisioned_inference_is_named_by_its_own_name() {
    CustomModel onDemandCustom = custom("haiku-tuned", CLAUDE_ON_DEMAND, "aaaaaaaaaaaa");
    assertEquals(
        "The model haiku-tuned does not support provisioned throughput (its inference types are"
            + " [ON_DEMAND]).",
        assertLeft(
                ValidationError.class,
                resolved(onDemandCustom, CLAUDE_ON_DEMAND).purchaseLedger(NONE))
            .message());
  }

  @ParameterizedTest
  @EnumSource(CommitmentDuration.class)
  void a_commitment_is_charged_to_the_committed_ledger_of_the_base_model(CommitmentDuration d) {
    assertEquals(
        Either.right(QuotaKey.committed("amazon.nova-lite-v1:0:24k")),
        resolved(NOVA_LITE).purchaseLedger(Optional.of(d)));
    assertEquals(
        Either.right(QuotaKey.committed("amazon.titan-text-express-v1:0:8k")),
        resolved(TITAN_CUSTOM, TITAN_EXPRESS).purchaseLedger(Optional.of(d)));
  }

  @Test
  void a_custom_model_without_commitment_is_charged_to_the_custom_models_ledger() {
    Either<BedrockError, QuotaKey> ledger =
        resolved(TITAN_CUSTOM, TITAN_EXPRESS).purchaseLedger(NONE);
    assertEquals(Either.right(QuotaKey.noCommitmentCustomModels()), ledger);
    assertEquals("L-BE77399C", ledger.get().ledger().quotaCode());
  }

  @Test
  void a_base_model_that_allows_it_without_commitment_is_charged_to_the_base_models_ledger() {
    Either<BedrockError, QuotaKey> ledger = resolved(NOVA_LITE).purchaseLedger(NONE);
    assertEquals(Either.right(QuotaKey.noCommitmentBaseModels()), ledger);
    assertEquals("L-FE44174A", ledger.get().ledger().quotaCode());
  }

  @Test
  void a_base_model_that_requires_a_commitment_cannot_be_bought_without_one() {
    assertRefused(
        new ValidationFact.CommitmentRequired("amazon.titan-text-express-v1:0:8k"),
        "The model amazon.titan-text-express-v1:0:8k cannot be provisioned without"
            + " commitment; specify commitmentDuration (one of OneMonth, SixMonths).",
        resolved(TITAN_EXPRESS).purchaseLedger(NONE));
  }

  @ParameterizedTest
  @EnumSource(value = ModelStatus.class, names = {"Creating", "Failed"})
  void a_custom_model_that_is_not_active_cannot_be_bought(ModelStatus status) {
    CustomModel pending = custom("my-model_1", TITAN_EXPRESS, "abcdef123456", status);
    assertRefused(
        new ValidationFact.ModelNotActive("my-model_1", status),
        "The custom model my-model_1 is "
            + status
            + "; only Active custom models can be provisioned.",
        resolved(pending, TITAN_EXPRESS).purchaseLedger(Optional.of(CommitmentDuration.OneMonth)));
  }

  @Test
  void a_custom_model_reports_its_own_arn_and_name_and_a_base_model_its_own() {
    ResolvedModel custom = resolved(TITAN_CUSTOM, TITAN_EXPRESS);
    assertEquals(
        "arn:aws:bedrock:us-east-1:123456789012:custom-model/amazon.titan-text-express-v1:0:8k/abcdef123456",
        custom.modelArn().value());
    assertEquals("my-model_1", custom.displayName());
    assertEquals(
        "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:24k",
        resolved(NOVA_LITE).modelArn().value());
    assertEquals("amazon.nova-lite-v1:0:24k", resolved(NOVA_LITE).displayName());
  }

  @Test
  void a_custom_model_paired_with_another_base_is_an_invariant_violation() {
    assertThrows(InvariantViolation.class, () -> ResolvedModel.custom(TITAN_CUSTOM, NOVA_LITE));
  }
}
