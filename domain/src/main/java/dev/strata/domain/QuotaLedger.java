package dev.strata.domain;

import java.util.Arrays;
import java.util.Optional;

/**
 * The three model-unit ledgers of D14, as Service Quotas names them (service code {@code bedrock}).
 */
public enum QuotaLedger {
  /** L-FE44174A: model units of no-commitment provisioned throughputs across base models. */
  NO_COMMITMENT_BASE_MODELS(
      "L-FE44174A", "Model units no-commitment Provisioned Throughputs across base models"),
  /** L-BE77399C: model units of no-commitment provisioned throughputs across custom models. */
  NO_COMMITMENT_CUSTOM_MODELS(
      "L-BE77399C", "Model units no-commitment Provisioned Throughputs across custom models"),
  /**
   * "Model units per provisioned model for ${model}": committed model units, one ledger per base
   * foundation model; a custom model's commitments count against its base model's ledger.
   */
  COMMITTED_PER_MODEL(null, "Model units per provisioned model");

  private final String quotaCode;
  private final String quotaName;

  QuotaLedger(String quotaCode, String quotaName) {
    this.quotaCode = quotaCode;
    this.quotaName = quotaName;
  }

  /** The fixed Service Quotas code, or {@code null} for the per-model ledger, whose codes vary. */
  public String quotaCode() {
    return quotaCode;
  }

  public String quotaName() {
    return quotaName;
  }

  /**
   * The ledger a configuration names: its quota code ({@code L-FE44174A}, {@code L-BE77399C}), its
   * constant name in any case, or {@code committed} for {@link #COMMITTED_PER_MODEL}.
   */
  public static Optional<QuotaLedger> named(String name) {
    return Arrays.stream(values())
        .filter(
            l ->
                name.equals(l.quotaCode)
                    || name.equalsIgnoreCase(l.name())
                    || (l == COMMITTED_PER_MODEL && name.equalsIgnoreCase("committed")))
        .findFirst();
  }
}
