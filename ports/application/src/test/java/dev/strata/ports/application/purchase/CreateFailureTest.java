package dev.strata.ports.application.purchase;

import static dev.strata.ports.application.purchase.CreateFixture.HOME;
import static dev.strata.ports.application.purchase.CreateFixture.NOW;
import static dev.strata.ports.application.purchase.CreateFixture.NO_COMMIT_BASE;
import static dev.strata.ports.application.purchase.CreateFixture.assertFailure;
import static dev.strata.ports.application.purchase.CreateFixture.command;
import static dev.strata.ports.application.purchase.CreateFixture.create;
import static dev.strata.ports.application.purchase.CreateFixture.created;
import static dev.strata.ports.application.purchase.CreateFixture.failure;
import static dev.strata.ports.application.purchase.CreateFixture.size;
import static dev.strata.ports.application.purchase.CreateFixture.used;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.inmemory.FaultInjection;
import dev.strata.adapters.inmemory.InMemoryArnMinter;
import dev.strata.ports.application.Harness;
import dev.strata.adapters.inmemory.SeedModels;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CreationRequest;
import dev.strata.domain.FoundationModel;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResolvedModel;
import dev.strata.domain.StatusTransitionPolicy;
import dev.strata.domain.Tags;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Create when a driven port fails: the port's AccessDenied, Throttling or InternalServerError
 * reaches the caller unchanged, and no partial state remains (no stored provisioned throughput, no
 * claimed name or token, no held model units).
 */
class CreateFailureTest {
  private static final String TOKEN = "retry-me-1";

  /** Every driven adapter of an in-memory Strata, by name. */
  private static final List<Arguments> ADAPTERS =
      List.of(
          adapter("catalog", s -> s.catalog().faults()),
          adapter("minter", s -> s.minter().faults()),
          adapter("repository", s -> s.repository().faults()),
          adapter("quotas", s -> s.limits().faults()));

  private static final List<BedrockError> ERRORS =
      List.of(
          new BedrockError.AccessDenied(
              "User: arn:aws:iam::123456789012:user/dev is not authorized to perform:"
                  + " bedrock:CreateProvisionedModelThroughput"),
          new BedrockError.Throttling("Rate exceeded"),
          new BedrockError.InternalServerError("The dependency timed out."));

  private static Arguments adapter(String name, Function<Harness, FaultInjection> faults) {
    return Arguments.of(name, faults);
  }

  static Stream<Arguments> faults() {
    return ADAPTERS.stream()
        .flatMap(
            a -> ERRORS.stream().map(e -> Arguments.of(a.get()[0], a.get()[1], e, e.errorCode())));
  }

  @ParameterizedTest(name = "{0} fails with {3}")
  @MethodSource("faults")
  void a_failing_port_passes_its_error_through_and_leaves_nothing_behind(
      String adapter,
      Function<Harness, FaultInjection> faultsOf,
      BedrockError injected,
      String errorCode) {
    Harness strata = CreateFixture.strata();
    created(create(strata, command("existing", NO_COMMIT_BASE, 2)));
    FaultInjection faults = faultsOf.apply(strata);

    faults.failWith(injected);
    BedrockError error =
        failure(create(strata, command("chat-prod", NO_COMMIT_BASE, 3).clientRequestToken(TOKEN)));
    faults.clear();

    assertSame(injected, error);
    assertEquals(errorCode, error.errorCode());
    assertEquals(1, size(strata));
    assertEquals(2, used(strata, QuotaKey.noCommitmentBaseModels()));
    assertNotClaimed(strata, "chat-prod");

    created(create(strata, command("chat-prod", NO_COMMIT_BASE, 3).clientRequestToken(TOKEN)));
    assertEquals(2, size(strata));
    assertEquals(5, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  @Test
  void a_failing_catalog_fails_custom_model_purchases_too() {
    Harness strata = CreateFixture.strata();
    strata.catalog().faults().failWith(new BedrockError.Throttling("Rate exceeded"));
    assertFailure(
        create(strata, command("bot", SeedModels.TITAN_SUPPORT_BOT, 1)),
        BedrockError.Throttling.class,
        "ThrottlingException",
        "Rate exceeded");
    strata.catalog().faults().clear();
    assertEquals(0, used(strata, QuotaKey.noCommitmentCustomModels()));
  }

  @Test
  void a_retry_of_a_stored_purchase_is_answered_while_the_catalog_fails() {
    Harness strata = CreateFixture.strata();
    ProvisionedModelArn first =
        created(create(strata, command("chat-prod").clientRequestToken(TOKEN)));
    strata.catalog().faults().failWith(new BedrockError.InternalServerError("down"));
    assertEquals(first, created(create(strata, command("chat-prod").clientRequestToken(TOKEN))));
  }

  @Test
  void a_failing_repository_fails_even_a_retry() {
    Harness strata = CreateFixture.strata();
    created(create(strata, command("chat-prod").clientRequestToken(TOKEN)));
    BedrockError down = new BedrockError.InternalServerError("store unavailable");
    strata.repository().faults().failWith(down);
    assertSame(down, failure(create(strata, command("chat-prod").clientRequestToken(TOKEN))));
    strata.repository().faults().clear();
    assertEquals(1, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  /**
   * The store refuses every insert after the units were reserved: each of the eight ids the minter
   * hands out next is already stored (put there directly, without a reservation), so Create gives
   * up with InternalServerException. The reservation must be given back.
   */
  @Test
  void when_no_insert_succeeds_after_the_reservation_the_units_are_given_back() {
    long seed = 7;
    Harness strata = CreateFixture.env().seed(seed).build();
    InMemoryArnMinter predictor = new InMemoryArnMinter(HOME, seed);
    assertEquals(predictor.mint(HOME), created(create(strata, command("first", NO_COMMIT_BASE, 2))));
    for (int i = 0; i < 8; i++) {
      assertInstanceOf(
          InsertOutcome.Inserted.class,
          strata.repository().insert(squatter(strata, predictor.mint(HOME)), SQUATTER_LIMIT).get());
    }
    assertEquals(2, used(strata, QuotaKey.noCommitmentBaseModels()));

    assertFailure(
        create(strata, command("second", NO_COMMIT_BASE, 3).clientRequestToken(TOKEN)),
        BedrockError.InternalServerError.class,
        "InternalServerException",
        "No free provisioned model id after 8 attempts; retry the request.");

    assertEquals(2, used(strata, QuotaKey.noCommitmentBaseModels()));
    assertEquals(9, size(strata));
    assertNotClaimed(strata, "second");

    ProvisionedModelArn retried =
        created(create(strata, command("second", NO_COMMIT_BASE, 3).clientRequestToken(TOKEN)));
    assertEquals(predictor.mint(HOME), retried);
    assertEquals(5, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  /** An id that is already taken is skipped: Create mints again and succeeds. */
  @Test
  void a_minted_id_that_is_already_taken_is_skipped() {
    long seed = 7;
    Harness strata = CreateFixture.env().seed(seed).build();
    InMemoryArnMinter predictor = new InMemoryArnMinter(HOME, seed);
    ProvisionedModelArn taken = predictor.mint(HOME);
    strata.repository().insert(squatter(strata, taken), SQUATTER_LIMIT);

    ProvisionedModelArn created = created(create(strata, command("second", NO_COMMIT_BASE, 3)));

    assertEquals(predictor.mint(HOME), created);
    assertEquals(3, used(strata, QuotaKey.noCommitmentBaseModels()));
  }

  /** Neither {@code name} nor {@link #TOKEN} belongs to a stored provisioned throughput. */
  private static void assertNotClaimed(Harness strata, String name) {
    assertTrue(strata.repository().findByName(HOME, ProvisionedModelName.of(name)).get().isEmpty());
    assertTrue(
        strata
            .repository()
            .findByClientRequestToken(HOME, ClientRequestToken.of(TOKEN))
            .get()
            .isEmpty());
  }

  /** Squatters hold their unit in a ledger the assertions leave alone, under this limit. */
  private static final long SQUATTER_LIMIT = 1_000;

  /** A record stored behind Create's back, under {@code arn}: another process's, say. */
  private static ProvisionedThroughput squatter(Harness strata, ProvisionedModelArn arn) {
    FoundationModel model = strata.catalog().findFoundationModel(HOME, NO_COMMIT_BASE).get().get();
    CreationRequest request =
        CreationRequest.of(
            ProvisionedModelName.of("squatter-" + arn.id()),
            ModelUnits.of(1),
            ModelIdentifier.of(NO_COMMIT_BASE),
            Optional.empty(),
            List.of());
    return ProvisionedThroughput.provision(
        arn,
        request,
        ResolvedModel.foundation(model),
        Tags.empty(),
        QuotaCharge.of(QuotaKey.noCommitmentCustomModels(), ModelUnits.of(1)),
        Optional.empty(),
        StatusTransitionPolicy.immediate(),
        NOW);
  }
}
