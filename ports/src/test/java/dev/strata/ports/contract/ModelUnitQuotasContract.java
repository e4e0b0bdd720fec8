package dev.strata.ports.contract;

import static dev.strata.ports.contract.Fixtures.CLAUDE_V2_100K;
import static dev.strata.ports.contract.Fixtures.GOV_CLOUD;
import static dev.strata.ports.contract.Fixtures.HOME;
import static dev.strata.ports.contract.Fixtures.NOVA_LITE_24K;
import static dev.strata.ports.contract.Fixtures.OTHER_ACCOUNT;
import static dev.strata.ports.contract.Fixtures.OTHER_REGION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ServiceQuotaExceeded;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ModelUnitQuotas;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every {@link ModelUnitQuotas} must do (D14). An adapter's test extends this class and
 * implements {@link #quotasWithLimits}.
 */
public abstract class ModelUnitQuotasContract {

  /**
   * Ledgers in which each key of {@code limits} has that limit in every scope and nothing is held
   * anywhere. The contract uses no other key.
   */
  protected abstract ModelUnitQuotas quotasWithLimits(Map<QuotaKey, Long> limits);

  private static final QuotaKey BASE = QuotaKey.noCommitmentBaseModels();
  private static final QuotaKey CUSTOM = QuotaKey.noCommitmentCustomModels();
  private static final QuotaKey NOVA = QuotaKey.committed(NOVA_LITE_24K);
  private static final QuotaKey CLAUDE = QuotaKey.committed(CLAUDE_V2_100K);
  private static final Map<QuotaKey, Long> LIMITS =
      HashMap.of(BASE, 10L, CUSTOM, 5L, NOVA, 3L, CLAUDE, 2L);

  private ModelUnitQuotas quotas;

  @BeforeEach
  void freshLedgers() {
    quotas = quotasWithLimits(LIMITS);
  }

  private static QuotaCharge charge(QuotaKey key, int units) {
    return QuotaCharge.of(key, ModelUnits.of(units));
  }

  private Either<BedrockError, QuotaCharge> reserve(ResourceScope scope, QuotaKey key, int units) {
    return quotas.reserve(scope, charge(key, units));
  }

  private long used(ResourceScope scope, QuotaKey key) {
    return quotas.usage(scope, key).get().used();
  }

  /** Each ledger of D14 and what a refusal's message must name to identify it. */
  static Stream<Arguments> ledgers() {
    return Stream.of(
        Arguments.of(BASE, "L-FE44174A"),
        Arguments.of(CUSTOM, "L-BE77399C"),
        Arguments.of(NOVA, NOVA_LITE_24K),
        Arguments.of(CLAUDE, CLAUDE_V2_100K));
  }

  @Test
  void a_fresh_ledger_holds_nothing_against_its_limit() {
    for (QuotaKey key : LIMITS.keySet()) {
      assertEquals(Either.right(QuotaUsage.of(key, LIMITS.get(key).get(), 0)), quotas.usage(HOME, key));
    }
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void reserves_up_to_the_limit_exactly(QuotaKey key, String quota) {
    long limit = LIMITS.get(key).get();

    assertEquals(Either.right(charge(key, 1)), reserve(HOME, key, 1));
    assertEquals(Either.right(charge(key, (int) limit - 1)), reserve(HOME, key, (int) limit - 1));
    assertEquals(Either.right(QuotaUsage.of(key, limit, limit)), quotas.usage(HOME, key));
  }

  @ParameterizedTest
  @MethodSource("ledgers")
  void one_unit_past_the_limit_is_refused_naming_the_quota_and_leaving_the_ledger_unchanged(
      QuotaKey key, String quota) {
    long limit = LIMITS.get(key).get();
    reserve(HOME, key, (int) limit);

    Either<BedrockError, QuotaCharge> refused = reserve(HOME, key, 1);

    assertTrue(refused.isLeft());
    assertInstanceOf(ServiceQuotaExceeded.class, refused.getLeft());
    assertTrue(
        refused.getLeft().message().contains(quota),
        () -> "message names " + quota + ": " + refused.getLeft().message());
    assertEquals(Either.right(QuotaUsage.of(key, limit, limit)), quotas.usage(HOME, key));
  }

  @Test
  void a_reservation_that_does_not_fit_wholly_is_not_made_at_all() {
    reserve(HOME, BASE, 7);

    assertInstanceOf(ServiceQuotaExceeded.class, reserve(HOME, BASE, 4).getLeft());
    assertEquals(7, used(HOME, BASE));
    assertEquals(Either.right(charge(BASE, 3)), reserve(HOME, BASE, 3));
    assertEquals(10, used(HOME, BASE));
  }

  @Test
  void a_zero_limit_refuses_the_first_unit() {
    ModelUnitQuotas none = quotasWithLimits(HashMap.of(CUSTOM, 0L));

    Either<BedrockError, QuotaCharge> refused = none.reserve(HOME, charge(CUSTOM, 1));

    assertInstanceOf(ServiceQuotaExceeded.class, refused.getLeft());
    assertTrue(refused.getLeft().message().contains("L-BE77399C"), refused.getLeft().message());
    assertEquals(Either.right(QuotaUsage.of(CUSTOM, 0, 0)), none.usage(HOME, CUSTOM));
  }

  @Test
  void release_gives_units_back_for_reservation_again() {
    reserve(HOME, BASE, 10);

    assertEquals(Either.right(charge(BASE, 4)), quotas.release(HOME, charge(BASE, 4)));
    assertEquals(Either.right(QuotaUsage.of(BASE, 10, 6)), quotas.usage(HOME, BASE));
    assertEquals(Either.right(charge(BASE, 4)), reserve(HOME, BASE, 4));
    assertEquals(10, used(HOME, BASE));
  }

  @Test
  void releasing_more_than_is_held_leaves_the_ledger_at_zero_without_credit() {
    reserve(HOME, BASE, 2);

    assertEquals(Either.right(charge(BASE, 5)), quotas.release(HOME, charge(BASE, 5)));
    assertEquals(Either.right(QuotaUsage.of(BASE, 10, 0)), quotas.usage(HOME, BASE));
    assertEquals(Either.right(charge(CUSTOM, 3)), quotas.release(HOME, charge(CUSTOM, 3)));
    assertEquals(Either.right(QuotaUsage.of(CUSTOM, 5, 0)), quotas.usage(HOME, CUSTOM));

    assertEquals(Either.right(charge(BASE, 10)), reserve(HOME, BASE, 10));
    assertInstanceOf(ServiceQuotaExceeded.class, reserve(HOME, BASE, 1).getLeft());
  }

  @Test
  void the_ledgers_of_one_scope_are_independent_of_each_other() {
    reserve(HOME, BASE, 10);

    assertEquals(0, used(HOME, CUSTOM));
    assertEquals(0, used(HOME, NOVA));
    assertEquals(0, used(HOME, CLAUDE));
    assertEquals(Either.right(charge(CUSTOM, 5)), reserve(HOME, CUSTOM, 5));
    assertEquals(Either.right(charge(NOVA, 3)), reserve(HOME, NOVA, 3));
    assertEquals(Either.right(charge(CLAUDE, 2)), reserve(HOME, CLAUDE, 2));
    assertEquals(Either.right(QuotaUsage.of(BASE, 10, 10)), quotas.usage(HOME, BASE));
    assertEquals(Either.right(QuotaUsage.of(CUSTOM, 5, 5)), quotas.usage(HOME, CUSTOM));
    assertEquals(Either.right(QuotaUsage.of(NOVA, 3, 3)), quotas.usage(HOME, NOVA));
    assertEquals(Either.right(QuotaUsage.of(CLAUDE, 2, 2)), quotas.usage(HOME, CLAUDE));
  }

  @Test
  void each_account_and_region_has_ledgers_of_its_own() {
    reserve(HOME, BASE, 10);
    reserve(HOME, NOVA, 3);

    for (ResourceScope other : List.of(OTHER_ACCOUNT, OTHER_REGION, GOV_CLOUD)) {
      assertEquals(Either.right(QuotaUsage.of(BASE, 10, 0)), quotas.usage(other, BASE));
      assertEquals(Either.right(charge(BASE, 10)), reserve(other, BASE, 10));
      assertEquals(Either.right(charge(NOVA, 3)), reserve(other, NOVA, 3));
    }
    quotas.release(OTHER_ACCOUNT, charge(BASE, 10));

    assertEquals(10, used(HOME, BASE));
    assertEquals(0, used(OTHER_ACCOUNT, BASE));
    assertEquals(10, used(OTHER_REGION, BASE));
  }

  @Test
  void racing_reservations_never_take_a_ledger_past_its_limit() {
    ModelUnitQuotas ledgers = quotasWithLimits(HashMap.of(BASE, 20L));

    for (int round = 0; round < Concurrently.ROUNDS; round++) {
      ResourceScope scope = ResourceScope.of("aws", "us-east-1", String.format("%012d", 700_000 + round));

      java.util.List<Either<BedrockError, QuotaCharge>> outcomes =
          Concurrently.race(64, i -> ledgers.reserve(scope, charge(BASE, 1)));

      assertEquals(20, outcomes.stream().filter(Either::isRight).count());
      assertEquals(
          44,
          outcomes.stream()
              .filter(o -> o.isLeft() && o.getLeft() instanceof ServiceQuotaExceeded)
              .count());
      assertEquals(Either.right(QuotaUsage.of(BASE, 20, 20)), ledgers.usage(scope, BASE));

      java.util.List<Either<BedrockError, QuotaCharge>> released =
          Concurrently.race(20, i -> ledgers.release(scope, charge(BASE, 1)));

      assertEquals(20, released.stream().filter(Either::isRight).count());
      assertEquals(Either.right(QuotaUsage.of(BASE, 20, 0)), ledgers.usage(scope, BASE));
    }
  }
}
