package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import dev.strata.domain.SortOrder;
import dev.strata.domain.ThroughputFilter;
import dev.strata.ports.driven.ProvisionedThroughputs;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Provisioned throughputs in memory, with their model-unit ledgers. Each scope has its own store;
 * writes to one scope are serialised on it and change every index and the scope's ledgers together,
 * while reads are lock-free and see every write that completed before them. A Create's units are
 * held, by compare-and-set, only once the token, name and ARN are known to be free, under the
 * scope's monitor, and the record is stored right after: nothing can fail in between.
 */
public final class InMemoryProvisionedThroughputs implements ProvisionedThroughputs {
  private final FaultInjection faults = new FaultInjection();

  /** Injects failures into every call of this adapter; see {@link FaultInjection}. */
  public FaultInjection faults() {
    return faults;
  }

  private final Map<ResourceScope, ScopeStore> scopes = new ConcurrentHashMap<>();

  private ScopeStore store(ResourceScope scope) {
    return scopes.computeIfAbsent(scope, s -> new ScopeStore());
  }

  private Option<ScopeStore> existing(ResourceScope scope) {
    return Option.of(scopes.get(scope));
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findById(
      ResourceScope scope, ProvisionedModelId id) {
    return faults.guard(
        () -> {
          return Either.right(existing(scope).flatMap(s -> Option.of(s.byId.get(id))));
        });
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findByName(
      ResourceScope scope, ProvisionedModelName name) {
    return faults.guard(
        () -> {
          return Either.right(existing(scope).flatMap(s -> s.lookup(s.byName.get(name))));
        });
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findByClientRequestToken(
      ResourceScope scope, ClientRequestToken token) {
    return faults.guard(
        () -> {
          return Either.right(existing(scope).flatMap(s -> s.lookup(s.byToken.get(token))));
        });
  }

  @Override
  public Either<BedrockError, InsertOutcome> insert(ProvisionedThroughput created, long quotaLimit) {
    return faults.guard(() -> Either.right(insertWithin(created, quotaLimit)));
  }

  private InsertOutcome insertWithin(ProvisionedThroughput created, long quotaLimit) {
    ScopeStore s = store(created.scope());
    synchronized (s) {
      if (created.clientRequestToken().isPresent()) {
        ProvisionedModelId holder = s.byToken.get(created.clientRequestToken().get());
        if (holder != null) {
          return new InsertOutcome.TokenTaken(s.byId.get(holder));
        }
      }
      ProvisionedModelId named = s.byName.get(created.provisionedModelName());
      if (named != null) {
        return new InsertOutcome.NameTaken(s.byId.get(named));
      }
      if (s.byId.containsKey(created.id())) {
        return new InsertOutcome.IdTaken();
      }
      Option<QuotaUsage> refusal = s.hold(created.quotaCharge(), quotaLimit);
      if (refusal.isDefined()) {
        return new InsertOutcome.QuotaExceeded(refusal.get());
      }
      // the token first: a lock-free reader that finds the name must find the token too (D2)
      created.clientRequestToken().ifPresent(t -> s.byToken.put(t, created.id()));
      s.put(created);
      return new InsertOutcome.Inserted(created);
    }
  }

  @Override
  public Either<BedrockError, WriteOutcome> replace(
      ProvisionedThroughput current, ProvisionedThroughput next) {
    return faults.guard(
        () -> {
          ProvisionedThroughputs.requireSuccessor(current, next);
          ScopeStore s = store(current.scope());
          synchronized (s) {
            ProvisionedThroughput stored = s.byId.get(current.id());
            if (stored == null || stored.version() != current.version()) {
              return Either.right(new WriteOutcome.Stale(Option.of(stored)));
            }
            if (!next.provisionedModelName().equals(stored.provisionedModelName())) {
              ProvisionedModelId holder = s.byName.get(next.provisionedModelName());
              if (holder != null) {
                return Either.right(new WriteOutcome.NameTaken(s.byId.get(holder)));
              }
            }
            s.unindex(stored);
            s.put(next);
            return Either.right(new WriteOutcome.Written(Option.of(next)));
          }
        });
  }

  @Override
  public Either<BedrockError, WriteOutcome> remove(ProvisionedThroughput current) {
    return faults.guard(() -> Either.right(removeStored(current)));
  }

  @Override
  public Either<BedrockError, Long> unitsHeld(ResourceScope scope, QuotaKey key) {
    return faults.guard(() -> Either.right(existing(scope).map(s -> s.held(key)).getOrElse(0L)));
  }

  private WriteOutcome removeStored(ProvisionedThroughput current) {
    ScopeStore s = store(current.scope());
    synchronized (s) {
      ProvisionedThroughput stored = s.byId.get(current.id());
      if (stored == null || stored.version() != current.version()) {
        return new WriteOutcome.Stale(Option.of(stored));
      }
      s.unindex(stored);
      s.byId.remove(stored.id());
      stored.clientRequestToken().ifPresent(s.byToken::remove);
      s.giveBack(stored.quotaCharge());
      return new WriteOutcome.Written(Option.none());
    }
  }

  @Override
  public Either<BedrockError, Integer> removeAll(Option<ResourceScope> scope) {
    return faults.guard(
        () -> {
          int removed = 0;
          for (ScopeStore s : scope.isDefined() ? existing(scope.get()).toJavaList() : scopes.values()) {
            synchronized (s) {
              removed += s.byId.size();
              s.clear();
            }
          }
          return Either.right(removed);
        });
  }

  @Override
  public Either<BedrockError, Seq<ProvisionedThroughput>> list(
      ResourceScope scope,
      ThroughputFilter filter,
      SortOrder order,
      Option<ListPosition> after,
      int limit) {
    return faults.guard(
        () -> {
          Option<ScopeStore> store = existing(scope);
          if (store.isEmpty() || limit <= 0) {
            return Either.right(List.empty());
          }
          NavigableMap<ListPosition, ProvisionedThroughput> view =
              order == SortOrder.Ascending
                  ? store.get().byCreation
                  : store.get().byCreation.descendingMap();
          if (after.isDefined()) {
            view = view.tailMap(after.get(), false);
          }
          java.util.List<ProvisionedThroughput> page = new ArrayList<>(Math.min(limit, 1024));
          for (ProvisionedThroughput pt : view.values()) {
            if (filter.matches(pt)) {
              page.add(pt);
              if (page.size() == limit) {
                break;
              }
            }
          }
          return Either.right(List.ofAll(page));
        });
  }

  /** Every stored provisioned throughput of every scope, by scope then creation order. */
  public List<ProvisionedThroughput> snapshot() {
    return List.ofAll(scopes.entrySet())
        .sortBy(e -> e.getKey().toString())
        .flatMap(e -> List.ofAll(e.getValue().byCreation.values()));
  }

  /**
   * Replaces every stored provisioned throughput of every scope by {@code replacement}, holding
   * their units without a limit; each scope is replaced under its monitor, so a reader sees a scope
   * before or after, and a write racing the replacement may survive it, as with {@link #removeAll}.
   *
   * @param replacement holds no ARN twice and, within one scope, no name or token twice
   * @return how many provisioned throughputs were stored before
   * @throws IllegalArgumentException when {@code replacement} breaks that, having changed nothing
   */
  public int replaceAll(java.util.List<ProvisionedThroughput> replacement) {
    Map<ResourceScope, java.util.List<ProvisionedThroughput>> byScope = new java.util.LinkedHashMap<>();
    replacement.forEach(pt -> byScope.computeIfAbsent(pt.scope(), s -> new ArrayList<>()).add(pt));
    byScope.forEach((scope, pts) -> filled(new ScopeStore(), pts));
    int removed = 0;
    for (ResourceScope scope : io.vavr.collection.HashSet.ofAll(scopes.keySet()).addAll(byScope.keySet())) {
      ScopeStore s = store(scope);
      synchronized (s) {
        removed += s.byId.size();
        s.clear();
        filled(s, byScope.getOrDefault(scope, java.util.List.of()));
      }
    }
    return removed;
  }

  /** {@code s} with {@code pts} stored and their units held; it must hold none of their keys. */
  private static ScopeStore filled(ScopeStore s, java.util.List<ProvisionedThroughput> pts) {
    for (ProvisionedThroughput pt : pts) {
      boolean clash =
          s.byId.containsKey(pt.id())
              || s.byName.containsKey(pt.provisionedModelName())
              || pt.clientRequestToken().map(s.byToken::containsKey).orElse(false);
      if (clash) {
        throw new IllegalArgumentException(pt.provisionedModelArn() + " clashes with another record to store");
      }
      pt.clientRequestToken().ifPresent(t -> s.byToken.put(t, pt.id()));
      s.put(pt);
      s.hold(pt.quotaCharge(), Long.MAX_VALUE);
    }
    return s;
  }

  /** How many provisioned throughputs the scope holds. */
  public int size(ResourceScope scope) {
    return existing(scope).map(s -> s.byId.size()).getOrElse(0);
  }

  /** One scope's data and ledgers; every write holds its monitor. */
  private static final class ScopeStore {
    /** Units held per ledger key; changed only under the monitor, read without it. */
    final Map<QuotaKey, AtomicLong> ledgers = new ConcurrentHashMap<>();

    final Map<ProvisionedModelId, ProvisionedThroughput> byId = new ConcurrentHashMap<>();
    final Map<ProvisionedModelName, ProvisionedModelId> byName = new ConcurrentHashMap<>();
    final Map<ClientRequestToken, ProvisionedModelId> byToken = new ConcurrentHashMap<>();

    /** Creation order: creation time, then id, so that pages can resume after any key. */
    final ConcurrentNavigableMap<ListPosition, ProvisionedThroughput> byCreation =
        new ConcurrentSkipListMap<>();

    void clear() {
      byId.clear();
      byName.clear();
      byToken.clear();
      byCreation.clear();
      ledgers.clear();
    }

    Option<ProvisionedThroughput> lookup(ProvisionedModelId id) {
      return id == null ? Option.none() : Option.of(byId.get(id));
    }

    void put(ProvisionedThroughput pt) {
      byId.put(pt.id(), pt);
      byName.put(pt.provisionedModelName(), pt.id());
      byCreation.put(ListPosition.of(pt), pt);
    }

    long held(QuotaKey key) {
      AtomicLong units = ledgers.get(key);
      return units == null ? 0 : units.get();
    }

    /** Holds {@code charge} if it then fits under {@code limit}; otherwise the ledger as it is. */
    Option<QuotaUsage> hold(QuotaCharge charge, long limit) {
      AtomicLong units = ledgers.computeIfAbsent(charge.key(), k -> new AtomicLong());
      long held = units.get();
      if (held + charge.units().value() > limit) {
        return Option.some(QuotaUsage.of(charge.key(), limit, held));
      }
      units.addAndGet(charge.units().value());
      return Option.none();
    }

    /** Gives {@code charge} back, never below zero. */
    void giveBack(QuotaCharge charge) {
      ledgers
          .computeIfAbsent(charge.key(), k -> new AtomicLong())
          .updateAndGet(held -> Math.max(0, held - charge.units().value()));
    }

    void unindex(ProvisionedThroughput pt) {
      byName.remove(pt.provisionedModelName(), pt.id());
      byCreation.remove(ListPosition.of(pt));
    }
  }
}
