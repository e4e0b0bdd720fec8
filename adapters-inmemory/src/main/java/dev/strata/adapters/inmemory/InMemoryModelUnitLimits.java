package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.AdjustableModelUnitLimits;
import io.vavr.control.Either;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Configured model-unit limits (D14): one figure per ledger for every account and region, which a
 * figure per ledger key overrides, and a figure per ledger {@link #adjust adjusted} for one account
 * and region overrides both. Limits may change at any time; a change applies to the next Create.
 * The units held against them are kept by the store.
 */
public final class InMemoryModelUnitLimits implements AdjustableModelUnitLimits {
  /** The in-memory default for every ledger: generous, so that quota only bites when configured. */
  public static final long DEFAULT_LIMIT = 1_000;

  private final FaultInjection faults = new FaultInjection();
  private final Map<QuotaLedger, Long> ledgerLimits =
      Collections.synchronizedMap(new EnumMap<>(QuotaLedger.class));
  private final Map<QuotaKey, Long> keyLimits = new ConcurrentHashMap<>();
  private final Map<Map.Entry<ResourceScope, QuotaLedger>, Long> scopeLimits =
      new ConcurrentHashMap<>();

  public InMemoryModelUnitLimits() {
    for (QuotaLedger ledger : QuotaLedger.values()) {
      ledgerLimits.put(ledger, DEFAULT_LIMIT);
    }
  }

  /** Injects failures into every call of this adapter; see {@link FaultInjection}. */
  public FaultInjection faults() {
    return faults;
  }

  /** Sets the limit of {@code ledger} for every key and scope without an override. */
  public InMemoryModelUnitLimits limit(QuotaLedger ledger, long limit) {
    ledgerLimits.put(ledger, requireLimit(limit));
    return this;
  }

  /** Sets the limit of one ledger key, e.g. committed units of one base model. */
  public InMemoryModelUnitLimits limit(QuotaKey key, long limit) {
    keyLimits.put(key, requireLimit(limit));
    return this;
  }

  private static long requireLimit(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("a quota limit is at least 0: " + limit);
    }
    return limit;
  }

  @Override
  public void adjust(ResourceScope scope, QuotaLedger ledger, long limit) {
    scopeLimits.put(Map.entry(scope, ledger), requireLimit(limit));
  }

  @Override
  public Either<BedrockError, Long> limit(ResourceScope scope, QuotaKey key) {
    return faults.guard(
        () -> {
          Long adjusted = scopeLimits.get(Map.entry(scope, key.ledger()));
          return Either.right(
              adjusted != null
                  ? adjusted
                  : keyLimits.getOrDefault(key, ledgerLimits.get(key.ledger())));
        });
  }
}
