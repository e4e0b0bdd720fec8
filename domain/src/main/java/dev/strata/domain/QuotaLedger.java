package dev.strata.domain;

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

  /** The label a limit is set under: the quota code, or {@code committed} for the per-model ledger. */
  public String label() {
    return quotaCode != null ? quotaCode : "committed";
  }

  /** The ledger with this {@link #label()} or constant name (either in any case), if any. */
  public static Optional<QuotaLedger> named(String name) {
    for (QuotaLedger ledger : values()) {
      if (ledger.label().equalsIgnoreCase(name) || ledger.name().equalsIgnoreCase(name)) {
        return Optional.of(ledger);
      }
    }
    return Optional.empty();
  }
}
