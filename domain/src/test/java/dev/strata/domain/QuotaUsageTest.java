package dev.strata.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuotaUsageTest {
  private static final QuotaKey BASE = QuotaKey.noCommitmentBaseModels();
  private static final QuotaKey CUSTOM = QuotaKey.noCommitmentCustomModels();
  private static final QuotaKey NOVA = QuotaKey.committed("amazon.nova-lite-v1:0:24k");

  @ParameterizedTest(name = "limit {0}, used {1}, request {2}: {3}")
  @CsvSource({
    "10, 7, 3, true",
    "10, 7, 4, false",
    "10, 10, 1, false",
    "1, 0, 1, true",
    "0, 0, 1, false",
    "2147483648, 1, 2147483647, true"
  })
  void the_units_are_admitted_exactly_when_they_fit_under_the_limit(
      long limit, long used, int units, boolean admitted) {
    assertEquals(admitted, QuotaUsage.of(BASE, limit, used).admits(ModelUnits.of(units)));
  }

  @Test
  void available_units_are_never_negative() {
    assertEquals(3, QuotaUsage.of(BASE, 10, 7).available());
    assertEquals(0, QuotaUsage.of(BASE, 5, 7).available());
  }

  @Test
  void a_limit_of_zero_says_the_account_has_no_no_commitment_units_for_base_models() {
    assertEquals(
        new BedrockError.ServiceQuotaExceeded(
            "Your account does not currently have any no commitment model units reserved for"
                + " base models (quota L-FE44174A ('Model units no-commitment Provisioned"
                + " Throughputs across base models'))."),
        QuotaUsage.of(BASE, 0, 0).exceededBy(ModelUnits.of(1)));
  }

  @Test
  void a_limit_of_zero_says_the_account_has_no_no_commitment_units_for_custom_models() {
    assertEquals(
        "Your account does not currently have any no commitment model units reserved for"
            + " custom models (quota L-BE77399C ('Model units no-commitment Provisioned"
            + " Throughputs across custom models')).",
        QuotaUsage.of(CUSTOM, 0, 0).exceededBy(ModelUnits.of(1)).message());
  }

  @Test
  void a_limit_of_zero_on_a_committed_ledger_names_the_model() {
    assertEquals(
        "Your account does not currently have any committed model units reserved for"
            + " amazon.nova-lite-v1:0:24k (quota 'Model units per provisioned model"
            + " amazon.nova-lite-v1:0:24k').",
        QuotaUsage.of(NOVA, 0, 0).exceededBy(ModelUnits.of(2)).message());
  }

  @Test
  void a_positive_limit_reports_the_limit_the_units_in_use_and_the_units_available() {
    BedrockError.ServiceQuotaExceeded e = QuotaUsage.of(NOVA, 10, 7).exceededBy(ModelUnits.of(4));
    assertEquals("ServiceQuotaExceededException", e.errorCode());
    assertEquals(
        "The request for 4 model units exceeds quota 'Model units per provisioned model"
            + " amazon.nova-lite-v1:0:24k': limit 10, in use 7, available 3.",
        e.message());
  }

  @Test
  void negative_figures_are_an_invariant_violation() {
    assertThrows(InvariantViolation.class, () -> QuotaUsage.of(BASE, -1, 0));
    assertThrows(InvariantViolation.class, () -> QuotaUsage.of(BASE, 0, -1));
  }

  @Test
  void a_model_id_belongs_to_the_committed_ledger_only() {
    assertEquals(
        "a model id belongs to the committed ledger only: NO_COMMITMENT_BASE_MODELS Optional[x]",
        assertThrows(
                InvariantViolation.class,
                () -> ImmutableQuotaKey.of(QuotaLedger.NO_COMMITMENT_BASE_MODELS, Optional.of("x")))
            .getMessage());
    assertThrows(
        InvariantViolation.class,
        () -> ImmutableQuotaKey.of(QuotaLedger.COMMITTED_PER_MODEL, Optional.empty()));
  }
}
