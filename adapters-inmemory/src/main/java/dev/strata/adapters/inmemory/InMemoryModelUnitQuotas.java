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
import io.vavr.control.Option;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Model-unit ledgers in memory (D14). Each ledger of each scope is one atomic counter, updated by
 * compare-and-set, so racing reservations never take it past its limit. Limits are set per ledger
 * (for every scope) and may be overridden per key; they can change at any time. An {@link
 * InMemoryProvisionedThroughputs} built on these ledgers holds and releases its records' units in
 * them.
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
          Option<QuotaUsage> refusal = hold(scope, charge, () -> limitOf(charge.key()));
          return refusal.isEmpty()
              ? Either.right(charge)
              : Either.left(refusal.get().exceededBy(charge.units()));
        });
  }

  @Override
  public Either<BedrockError, QuotaCharge> release(ResourceScope scope, QuotaCharge charge) {
    return faults.guard(
        () -> {
          giveBack(scope, charge);
          return Either.right(charge);
        });
  }

  /**
   * Holds {@code charge} if it fits under {@code limit}, by compare-and-set; otherwise changes
   * nothing and returns the ledger as it was. Used by {@link #reserve} and by the repository that
   * shares these ledgers ({@link InMemoryProvisionedThroughputs#insert(dev.strata.domain.ProvisionedThroughput,
   * long)}); no fault is injected here.
   */
  Option<QuotaUsage> hold(ResourceScope scope, QuotaCharge charge, LongSupplier limit) {
    AtomicLong counter = counter(scope, charge.key());
    long units = charge.units().value();
    while (true) {
      long current = counter.get();
      long max = limit.getAsLong();
      if (current + units > max) {
        return Option.some(QuotaUsage.of(charge.key(), max, current));
      }
      if (counter.compareAndSet(current, current + units)) {
        return Option.none();
      }
    }
  }

  /** Gives {@code charge} back, never below zero; no fault is injected here. */
  void giveBack(ResourceScope scope, QuotaCharge charge) {
    long units = charge.units().value();
    counter(scope, charge.key()).updateAndGet(current -> Math.max(0, current - units));
  }

  @Override
  public Either<BedrockError, QuotaUsage> usage(ResourceScope scope, QuotaKey key) {
    return faults.guard(
        () -> {
          return Either.right(QuotaUsage.of(key, limitOf(key), counter(scope, key).get()));
        });
  }
}
