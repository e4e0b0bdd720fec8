package dev.strata.domain;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One ledger that model units are counted in, for one account and region: a no-commitment ledger,
 * or the committed ledger of one base foundation model (D14).
 */
@Value.Immutable
public abstract class QuotaKey {
  public abstract QuotaLedger ledger();

  /** The base foundation model id, present exactly for {@link QuotaLedger#COMMITTED_PER_MODEL}. */
  public abstract Optional<String> modelId();

  public static QuotaKey noCommitmentBaseModels() {
    return ImmutableQuotaKey.of(QuotaLedger.NO_COMMITMENT_BASE_MODELS, Optional.empty());
  }

  public static QuotaKey noCommitmentCustomModels() {
    return ImmutableQuotaKey.of(QuotaLedger.NO_COMMITMENT_CUSTOM_MODELS, Optional.empty());
  }

  public static QuotaKey committed(String baseModelId) {
    return ImmutableQuotaKey.of(QuotaLedger.COMMITTED_PER_MODEL, Optional.of(baseModelId));
  }

  @Value.Check
  protected void check() {
    InvariantViolation.require(
        modelId().isPresent() == (ledger() == QuotaLedger.COMMITTED_PER_MODEL),
        "a model id belongs to the committed ledger only: %s %s",
        ledger(),
        modelId());
  }

  /** A human description for quota messages, e.g. {@code L-FE44174A (Model units ...)}. */
  public String describe() {
    return modelId()
        .map(m -> "'" + ledger().quotaName() + " " + m + "'")
        .orElseGet(() -> ledger().quotaCode() + " ('" + ledger().quotaName() + "')");
  }

  @Override
  public String toString() {
    return ledger() + modelId().map(m -> "/" + m).orElse("");
  }
}
