package dev.strata.ports.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Reconcile (D2, D3) answers a refused Create with the token's holder only when the refusal is what
 * a duplicate that won the race causes: the name it took, or the model units it holds. Every other
 * refusal is the request's own and is answered as it is. The duplicate is sent to another {@link
 * StrataService} on the same store, as another process would be.
 */
class ClientRequestTokensReconcileTest {
  private static final String MODEL = "amazon.nova-lite-v1:0:24k";
  private static final String TOKEN = "deploy-42";

  private final Harness strata = Harness.builder().build();
  private final ClientRequestTokens tokens =
      new ClientRequestTokens(strata.repository(), IdempotencyMode.LENIENT);
  private final CreationRequest request =
      CreationRequest.of(
          ProvisionedModelName.of("chat-prod"),
          ModelUnits.of(1),
          ModelIdentifier.of(MODEL),
          Optional.empty(),
          List.of());
  private final AtomicReference<ProvisionedModelArn> duplicate = new AtomicReference<>();

  /**
   * Create's answer when a duplicate claims the token during its purchase, which then fails with
   * {@code refusal} of the duplicate's ARN.
   */
  private Either<BedrockError, ProvisionedModelArn> createLosingTo(
      Function<ProvisionedModelArn, BedrockError> refusal) {
    return tokens.create(
        strata.home(),
        request,
        ClientRequestToken.of(TOKEN),
        () -> {
          duplicate.set(
              strata
                  .service()
                  .createProvisionedModelThroughput(
                      CreateProvisionedModelThroughputCommand.builder("chat-prod", MODEL, 1)
                          .clientRequestToken(TOKEN)
                          .build())
                  .get());
          return Either.left(refusal.apply(duplicate.get()));
        });
  }

  @Test
  void a_name_taken_by_the_duplicate_is_answered_with_the_duplicate() {
    Either<BedrockError, ProvisionedModelArn> answer =
        createLosingTo(
            winner ->
                new ValidationError(
                    new ValidationFact.NameTaken(request.provisionedModelName(), winner)));

    assertEquals(Either.right(duplicate.get()), answer);
  }

  @Test
  void a_quota_the_duplicate_used_up_is_answered_with_the_duplicate() {
    Either<BedrockError, ProvisionedModelArn> answer =
        createLosingTo(winner -> new BedrockError.ServiceQuotaExceeded("limit 1 reached"));

    assertEquals(Either.right(duplicate.get()), answer);
  }

  @Test
  void any_other_validation_error_is_the_requests_own_and_is_answered_as_it_is() {
    BedrockError own = new ValidationError(new ValidationFact.CommitmentRequired(MODEL));

    assertEquals(Either.left(own), createLosingTo(winner -> own));
  }
}
