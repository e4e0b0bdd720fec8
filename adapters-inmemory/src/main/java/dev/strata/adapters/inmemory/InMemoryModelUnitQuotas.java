package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaLedger;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ModelUnitQuotas;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.control.Either;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Model-unit ledgers in memory (D14). Each ledger of each scope is one atomic counter, updated by
 * compare-and-set, so racing reservations never take it past its limit. Limits are set per ledger
 * (for every scope) and may be overridden per key; they can change at any time.
 */
public final class InMemoryModelUnitQuotas implements ModelUnitQuotas {
  private final FaultInjection faults = new FaultInjection();

  /** Injects failures into every call of this adapter; see {@link FaultInjection}. */
  public FaultInjection faults() {
    return faults;
  }

  /** The in-memory default for every ledger: generous, so that quota only bites when configured. */
  public static final long DEFAULT_LIMIT = 1_000;

  private final Map<QuotaLedger, Long> ledgerLimits =
      java.util.Collections.synchronizedMap(new EnumMap<>(QuotaLedger.class));
  private final Map<QuotaKey, Long> keyLimits = new ConcurrentHashMap<>();
  private final Map<Tuple2<ResourceScope, QuotaKey>, AtomicLong> used = new ConcurrentHashMap<>();

  public InMemoryModelUnitQuotas() {
    for (QuotaLedger ledger : QuotaLedger.values()) {
      ledgerLimits.put(ledger, DEFAULT_LIMIT);
    }
  }

  /** Sets the limit of {@code ledger} for every key and scope without an override. */
  public InMemoryModelUnitQuotas limit(QuotaLedger ledger, long limit) {
    ledgerLimits.put(ledger, requireLimit(limit));
    return this;
  }

  /** Sets the limit of one ledger key, e.g. committed units of one base model. */
  public InMemoryModelUnitQuotas limit(QuotaKey key, long limit) {
    keyLimits.put(key, requireLimit(limit));
    return this;
  }

  private static long requireLimit(long limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("a quota limit is at least 0: " + limit);
    }
    return limit;
  }

  private long limitOf(QuotaKey key) {
    Long specific = keyLimits.get(key);
    return specific != null ? specific : ledgerLimits.get(key.ledger());
  }

  private AtomicLong counter(ResourceScope scope, QuotaKey key) {
    return used.computeIfAbsent(Tuple.of(scope, key), k -> new AtomicLong());
  }

  @Override
  public Either<BedrockError, QuotaCharge> reserve(ResourceScope scope, QuotaCharge charge) {
    return faults.guard(
        () -> {
          AtomicLong counter = counter(scope, charge.key());
          long units = charge.units().value();
          while (true) {
            long current = counter.get();
            long limit = limitOf(charge.key());
            if (current + units > limit) {
              return Either.left(QuotaUsage.of(charge.key(), limit, current).exceededBy(charge.units()));
            }
            if (counter.compareAndSet(current, current + units)) {
              return Either.right(charge);
            }
          }
        });
  }

  @Override
  public Either<BedrockError, QuotaCharge> release(ResourceScope scope, QuotaCharge charge) {
    return faults.guard(
        () -> {
          long units = charge.units().value();
          counter(scope, charge.key()).updateAndGet(current -> Math.max(0, current - units));
          return Either.right(charge);
        });
  }

  @Override
  public Either<BedrockError, QuotaUsage> usage(ResourceScope scope, QuotaKey key) {
    return faults.guard(
        () -> {
          return Either.right(QuotaUsage.of(key, limitOf(key), counter(scope, key).get()));
        });
  }
}
