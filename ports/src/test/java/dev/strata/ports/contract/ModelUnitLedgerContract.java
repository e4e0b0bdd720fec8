package dev.strata.ports.contract;

import static dev.strata.ports.contract.Fixtures.CLAUDE_V2_100K;
import static dev.strata.ports.contract.Fixtures.GOV_CLOUD;
import static dev.strata.ports.contract.Fixtures.HOME;
import static dev.strata.ports.contract.Fixtures.NOVA_LITE_24K;
import static dev.strata.ports.contract.Fixtures.OTHER_ACCOUNT;
import static dev.strata.ports.contract.Fixtures.OTHER_REGION;
import static dev.strata.ports.contract.Fixtures.charged;
import static dev.strata.ports.contract.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ProvisionedThroughputs;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome.Inserted;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome.QuotaExceeded;
import dev.strata.ports.driven.ProvisionedThroughputs.WriteOutcome;
import io.vavr.control.Either;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link ProvisionedThroughputs} must do with the model-unit ledgers of D14 it keeps:
 * one per account, region and ledger key, charged only by {@link ProvisionedThroughputs#insert}
 * within the limit it is given and released only by {@link ProvisionedThroughputs#remove}, never
 * past the limit and never below zero, however many callers race. An adapter's test extends this
 * class and implements {@link #emptyStore()}.
 */
public abstract class ModelUnitLedgerContract {

  /** A store that holds nothing, in any scope. */
  protected abstract ProvisionedThroughputs emptyStore();

  private static final QuotaKey BASE = QuotaKey.noCommitmentBaseModels();
  private static final QuotaKey CUSTOM = QuotaKey.noCommitmentCustomModels();
  private static final QuotaKey NOVA = QuotaKey.committed(NOVA_LITE_24K);
  private static final QuotaKey CLAUDE = QuotaKey.committed(CLAUDE_V2_100K);

  private ProvisionedThroughputs store;
  private final AtomicInteger ids = new AtomicInteger();

  @BeforeEach
  void freshStore() {
    store = emptyStore();
  }

  /** Stores a record charging {@code units} to {@code key} under {@code limit}. */
  private Either<BedrockError, InsertOutcome> charge(ResourceScope scope, QuotaKey key, int units, long limit) {
    return store.insert(charged(scope, id(ids.incrementAndGet()), key, units), limit);
  }

  private ProvisionedThroughput held(ResourceScope scope, QuotaKey key, int units, long limit) {
    Either<BedrockError, InsertOutcome> outcome = charge(scope, key, units, limit);
    assertInstanceOf(Inserted.class, outcome.get(), () -> "stored: " + outcome);
    return ((Inserted) outcome.get()).stored();
  }

  private long used(ResourceScope scope, QuotaKey key) {
    return store.unitsHeld(scope, key).get();
  }

  /** Each ledger of D14 with a limit, and what a refusal's message must name to identify it. */
  static Stream<Arguments> ledgers() {
    return Stream.of(
        Arguments.of(BASE, 10, "L-FE44174A"),
        Arguments.of(CUSTOM, 5, "L-BE77399C"),
        Arguments.of(NOVA, 3, NOVA_LITE_24K),
        Arguments.of(CLAUDE, 2, CLAUDE_V2_100K));
  }

  @Test
  void a_fresh_ledger_holds_nothing() {
    for (QuotaKey key : List.of(BASE, CUSTOM, NOVA, CLAUDE)) {
      assertEquals(Either.right(0L), store.unitsHeld(HOME, key));
    }
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void holds_up_to_the_limit_exactly(QuotaKey key, int limit, String quota) {
    held(HOME, key, 1, limit);
    held(HOME, key, limit - 1, limit);
    assertEquals(limit, used(HOME, key));
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void one_unit_past_the_limit_is_refused_with_the_ledger_naming_the_quota_and_left_unchanged(
      QuotaKey key, int limit, String quota) {
    held(HOME, key, limit, limit);
    Either<BedrockError, InsertOutcome> refused = charge(HOME, key, 1, limit);

    assertEquals(Either.right(new QuotaExceeded(QuotaUsage.of(key, limit, limit))), refused);
    String message = ((QuotaExceeded) refused.get()).usage().exceededBy(dev.strata.domain.ModelUnits.of(1)).message();
    assertTrue(message.contains(quota), () -> "message names " + quota + ": " + message);
    assertEquals(limit, used(HOME, key));
  }

  @Test
  void a_charge_that_does_not_fit_wholly_is_not_held_at_all() {
    held(HOME, BASE, 7, 10);
    assertInstanceOf(QuotaExceeded.class, charge(HOME, BASE, 4, 10).get());
    assertEquals(7, used(HOME, BASE));
    held(HOME, BASE, 3, 10);
    assertEquals(10, used(HOME, BASE));
  }

  @Test
  void a_zero_limit_refuses_the_first_unit() {
    assertEquals(
        Either.right(new QuotaExceeded(QuotaUsage.of(CUSTOM, 0, 0))), charge(HOME, CUSTOM, 1, 0));
    assertEquals(0, used(HOME, CUSTOM));
  }

  @Test
  void a_removal_gives_exactly_its_units_back_for_the_next_charge() {
    ProvisionedThroughput four = held(HOME, BASE, 4, 10);
    held(HOME, BASE, 6, 10);
    assertEquals(Either.right(new WriteOutcome.Written(io.vavr.control.Option.none())), store.remove(four));
    assertEquals(6, used(HOME, BASE));
    held(HOME, BASE, 4, 10);
    assertEquals(10, used(HOME, BASE));
  }

  @Test
  void a_lowered_limit_keeps_what_is_held_and_refuses_new_charges() {
    held(HOME, BASE, 8, 10);
    assertEquals(
        Either.right(new QuotaExceeded(QuotaUsage.of(BASE, 5, 8))), charge(HOME, BASE, 1, 5));
    assertEquals(8, used(HOME, BASE));
  }

  @Test
  void the_ledgers_of_one_scope_are_independent_of_each_other() {
    held(HOME, BASE, 10, 10);
    assertEquals(0, used(HOME, CUSTOM));
    assertEquals(0, used(HOME, NOVA));
    assertEquals(0, used(HOME, CLAUDE));
    held(HOME, CUSTOM, 5, 5);
    held(HOME, NOVA, 3, 3);
    held(HOME, CLAUDE, 2, 2);
    assertEquals(10, used(HOME, BASE));
    assertEquals(5, used(HOME, CUSTOM));
    assertEquals(3, used(HOME, NOVA));
    assertEquals(2, used(HOME, CLAUDE));
  }

  @Test
  void each_account_and_region_has_ledgers_of_its_own() {
    held(HOME, BASE, 10, 10);
    held(HOME, NOVA, 3, 3);
    ProvisionedThroughput otherAccount = null;
    for (ResourceScope other : List.of(OTHER_ACCOUNT, OTHER_REGION, GOV_CLOUD)) {
      assertEquals(0, used(other, BASE));
      ProvisionedThroughput pt = held(other, BASE, 10, 10);
      otherAccount = otherAccount == null ? pt : otherAccount;
      held(other, NOVA, 3, 3);
    }
    store.remove(otherAccount);
    assertEquals(10, used(HOME, BASE));
    assertEquals(0, used(OTHER_ACCOUNT, BASE));
    assertEquals(10, used(OTHER_REGION, BASE));
  }

  @Test
  void racing_charges_and_removals_never_take_a_ledger_past_its_limit_or_below_zero() {
    for (int round = 0; round < Concurrently.ROUNDS; round++) {
      ResourceScope scope = ResourceScope.of("aws", "us-east-1", String.format("%012d", 700_000 + round));
      List<Either<BedrockError, InsertOutcome>> outcomes =
          Concurrently.race(64, i -> charge(scope, BASE, 1, 20));

      assertEquals(20, outcomes.stream().filter(o -> o.get() instanceof Inserted).count());
      assertEquals(44, outcomes.stream().filter(o -> o.get() instanceof QuotaExceeded).count());
      assertEquals(20, used(scope, BASE));
      List<ProvisionedThroughput> stored =
          outcomes.stream()
              .filter(o -> o.get() instanceof Inserted)
              .map(o -> ((Inserted) o.get()).stored())
              .toList();
      List<Either<BedrockError, WriteOutcome>> removed =
          Concurrently.race(20, i -> store.remove(stored.get(i)));
      assertEquals(20, removed.stream().filter(r -> r.get() instanceof WriteOutcome.Written).count());
      assertEquals(0, used(scope, BASE));
    }
  }
}
