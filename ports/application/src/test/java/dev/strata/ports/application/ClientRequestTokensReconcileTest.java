package dev.strata.ports.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResolvedModel;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.Tags;
import dev.strata.domain.ValidationFact;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Reconcile (D2, D3) answers a refused Create with the token's holder only when the refusal is what
 * a duplicate that won the race causes: the name it took, or the model units it holds. Every other
 * refusal is the request's own and is answered as it is.
 */
class ClientRequestTokensReconcileTest {
  private static final Instant NOW = Instant.parse("2026-03-10T08:30:15Z");
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";
  private static final ClientRequestToken TOKEN = ClientRequestToken.of("deploy-42");

  private final Harness strata = Harness.builder().build();
  private final ResourceScope home = strata.home();
  private final ClientRequestTokens tokens =
      new ClientRequestTokens(strata.repository(), IdempotencyMode.LENIENT);
  private final CreationRequest request =
      CreationRequest.of(
          ProvisionedModelName.of("chat-prod"),
          ModelUnits.of(1),
          ModelIdentifier.of(MODEL),
          Optional.empty(),
          List.of());
  private final ProvisionedModelArn duplicate =
      ProvisionedModelArn.of(home, ProvisionedModelId.of("dup000000001"));

  /** Create's answer when a duplicate claims the token during its purchase, which then fails. */
  private Either<BedrockError, ProvisionedModelArn> createLosingTo(BedrockError refusal) {
    return tokens.create(
        home,
        request,
        TOKEN,
        () -> {
          strata.repository().insert(duplicateRecord(), 1_000).get();
          return Either.left(refusal);
        });
  }

  private ProvisionedThroughput duplicateRecord() {
    FoundationModel model = strata.catalog().findFoundationModel(home, MODEL).get().get();
    return ProvisionedThroughput.provision(
        duplicate,
        request,
        ResolvedModel.foundation(model),
        Tags.empty(),
        QuotaCharge.of(QuotaKey.noCommitmentBaseModels(), ModelUnits.of(1)),
        Optional.of(TOKEN),
        StatusTransitionPolicy.immediate(),
        NOW);
  }

  @Test
  void a_name_taken_by_the_duplicate_is_answered_with_the_duplicate() {
    BedrockError taken =
        new ValidationError(new ValidationFact.NameTaken(request.provisionedModelName(), duplicate));

    assertEquals(Either.right(duplicate), createLosingTo(taken));
  }

  @Test
  void a_quota_the_duplicate_used_up_is_answered_with_the_duplicate() {
    assertEquals(
        Either.right(duplicate),
        createLosingTo(new BedrockError.ServiceQuotaExceeded("limit 1 reached")));
  }

  @Test
  void any_other_validation_error_is_the_requests_own_and_is_answered_as_it_is() {
    BedrockError own = new ValidationError(new ValidationFact.CommitmentRequired(MODEL));

    assertEquals(Either.left(own), createLosingTo(own));
  }
}
