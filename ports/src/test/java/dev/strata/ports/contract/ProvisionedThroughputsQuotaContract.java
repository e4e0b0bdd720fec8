package dev.strata.ports.contract;

import static dev.strata.ports.contract.Fixtures.HOME;
import static dev.strata.ports.contract.Fixtures.NOVA_LITE_24K;
import static dev.strata.ports.contract.Fixtures.id;
import static dev.strata.ports.contract.Fixtures.provisioned;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome.Inserted;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome.QuotaExceeded;
import dev.strata.ports.driven.ProvisionedThroughputs.WriteOutcome.Stale;
import dev.strata.ports.driven.ProvisionedThroughputs.WriteOutcome.Written;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProvisionedThroughputs} must do with model units (D14): Create's record, name
 * claim, token claim and units are one atomic step, and a removal gives the units back in its own
 * step. An adapter's test extends this class and implements {@link #emptyStore()}.
 */
public abstract class ProvisionedThroughputsQuotaContract {

  /** A store that holds nothing, in any scope. */
  protected abstract ProvisionedThroughputs emptyStore();

  private static final QuotaKey BASE = QuotaKey.noCommitmentBaseModels();
  private static final QuotaKey NOVA = QuotaKey.committed(NOVA_LITE_24K);
  private static final long BASE_LIMIT = 10;
  private static final long NOVA_LIMIT = 3;

  private ProvisionedThroughputs repository;

  @BeforeEach
  void freshStore() {
    repository = emptyStore();
  }

  private long used(ResourceScope scope, QuotaKey key) {
    return repository.unitsHeld(scope, key).get();
  }

  private ProvisionedThroughput storedHolding(ProvisionedThroughput pt, long limit) {
    assertEquals(Either.right(new Inserted(pt)), repository.insert(pt, limit));
    return pt;
  }

  private void assertNothingStored(ProvisionedThroughput pt) {
    Either<BedrockError, Option<ProvisionedThroughput>> nothing = Either.right(Option.none());
    assertEquals(nothing, repository.findById(pt.scope(), pt.id()), "by id");
    assertEquals(nothing, repository.findByName(pt.scope(), pt.provisionedModelName()), "by name");
    pt.clientRequestToken()
        .ifPresent(t -> assertEquals(nothing, repository.findByClientRequestToken(pt.scope(), t), "by token"));
  }

  @Test
  void an_insert_holds_the_units_in_its_scopes_ledger() {
    storedHolding(provisioned(HOME, id(1), "pt-1", "token-1"), BASE_LIMIT);
    storedHolding(Fixtures.committedToCustomModel(HOME, id(2), "committed-2", "token-2"), NOVA_LIMIT);

    assertEquals(Either.right(1L), repository.unitsHeld(HOME, BASE));
    assertEquals(Either.right(3L), repository.unitsHeld(HOME, NOVA));
  }

  @Test
  void an_insert_that_does_not_fit_stores_claims_and_holds_nothing_and_reports_the_ledger() {
    storedHolding(Fixtures.charged(HOME, id(9), NOVA, 1), NOVA_LIMIT);
    ProvisionedThroughput tooBig = Fixtures.committedToCustomModel(HOME, id(1), "committed-1", "token-1");

    assertEquals(
        Either.right(new QuotaExceeded(QuotaUsage.of(NOVA, NOVA_LIMIT, 1))),
        repository.insert(tooBig, NOVA_LIMIT));
    assertNothingStored(tooBig);
    assertEquals(1, used(HOME, NOVA));
  }

  @Test
  void a_limit_below_the_charge_refuses_even_an_empty_ledger() {
    ProvisionedThroughput pt = provisioned(HOME, id(1), "pt-1", "token-1");

    assertEquals(
        Either.right(new QuotaExceeded(QuotaUsage.of(BASE, 0, 0))), repository.insert(pt, 0));
    assertNothingStored(pt);
    assertEquals(0, used(HOME, BASE));
  }

  @Test
  void units_held_by_earlier_inserts_count_against_later_ones() {
    for (int i = 1; i <= BASE_LIMIT; i++) {
      storedHolding(provisioned(HOME, id(i), "pt-" + i), BASE_LIMIT);
    }

    assertEquals(
        Either.right(new QuotaExceeded(QuotaUsage.of(BASE, BASE_LIMIT, BASE_LIMIT))),
        repository.insert(provisioned(HOME, id(99), "pt-99"), BASE_LIMIT));
    assertEquals(BASE_LIMIT, used(HOME, BASE));
  }

  @Test
  void a_taken_token_name_or_arn_is_reported_before_the_quota_and_nothing_more_is_held() {
    ProvisionedThroughput holder = storedHolding(provisioned(HOME, id(1), "pt-1", "token-1"), 1);

    assertEquals(
        Either.right(new InsertOutcome.TokenTaken(holder)),
        repository.insert(provisioned(HOME, id(2), "pt-2", "token-1"), 1));
    assertEquals(
        Either.right(new InsertOutcome.NameTaken(holder)),
        repository.insert(provisioned(HOME, id(2), "pt-1", "token-2"), 1));
    assertEquals(
        Either.right(new InsertOutcome.IdTaken()),
        repository.insert(provisioned(HOME, id(1), "pt-2", "token-2"), 1));
    assertEquals(1, used(HOME, BASE));
    assertNothingStored(provisioned(HOME, id(2), "pt-2", "token-2"));
  }

  @Test
  void each_account_and_region_holds_its_own_units() {
    storedHolding(provisioned(HOME, id(1), "pt-1"), 1);
    storedHolding(provisioned(Fixtures.OTHER_ACCOUNT, id(1), "pt-1"), 1);

    assertEquals(1, used(HOME, BASE));
    assertEquals(1, used(Fixtures.OTHER_ACCOUNT, BASE));
    assertEquals(0, used(Fixtures.OTHER_REGION, BASE));
  }

  @Test
  void removing_and_releasing_gives_the_units_back_and_frees_the_name_and_token() {
    ProvisionedThroughput pt = storedHolding(provisioned(HOME, id(1), "pt-1", "token-1"), 1);

    assertEquals(Either.right(new Written(Option.none())), repository.remove(pt));
    assertNothingStored(pt);
    assertEquals(0, used(HOME, BASE));
    storedHolding(provisioned(HOME, id(2), "pt-1", "token-1"), 1);
    assertEquals(1, used(HOME, BASE));
  }

  @Test
  void a_stale_removal_releases_nothing() {
    ProvisionedThroughput first = storedHolding(provisioned(HOME, id(1), "pt-1"), BASE_LIMIT);
    ProvisionedThroughput second = Fixtures.renamed(first, "pt-2");
    repository.replace(first, second);

    assertEquals(Either.right(new Stale(Option.some(second))), repository.remove(first));
    assertEquals(1, used(HOME, BASE));
    assertEquals(Either.right(new Written(Option.none())), repository.remove(second));
    assertEquals(Either.right(new Stale(Option.none())), repository.remove(second));
    assertEquals(0, used(HOME, BASE));
  }

  @Test
  void racing_inserts_never_take_a_ledger_past_the_limit() {
    for (int round = 0; round < Concurrently.ROUNDS; round++) {
      ResourceScope scope = ResourceScope.of("aws", "us-east-1", String.format("%012d", 800_000 + round));
      int r = round;

      java.util.List<Either<BedrockError, InsertOutcome>> outcomes =
          Concurrently.race(
              64, i -> repository.insert(provisioned(scope, id(r * 100 + i), "pt-" + i), 20));

      assertEquals(20, outcomes.stream().filter(o -> o.isRight() && o.get() instanceof Inserted).count());
      assertEquals(
          44,
          outcomes.stream()
              .filter(o -> o.isRight() && o.get() instanceof QuotaExceeded)
              .count());
      assertEquals(Either.right(20L), repository.unitsHeld(scope, BASE));
    }
  }

  @Test
  void of_racing_inserts_with_one_token_only_the_stored_one_holds_units() {
    for (int round = 0; round < Concurrently.ROUNDS; round++) {
      ResourceScope scope = ResourceScope.of("aws", "us-east-1", String.format("%012d", 900_000 + round));
      int r = round;

      java.util.List<Either<BedrockError, InsertOutcome>> outcomes =
          Concurrently.race(
              64,
              i -> repository.insert(provisioned(scope, id(r * 100 + i), "pt-" + i, "shared"), BASE_LIMIT));

      assertEquals(1, outcomes.stream().filter(o -> o.isRight() && o.get() instanceof Inserted).count());
      assertEquals(1, used(scope, BASE));
      assertEquals(
          true,
          repository
              .findByClientRequestToken(scope, ClientRequestToken.of("shared"))
              .get()
              .isDefined());
    }
  }
}
