package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
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

/**
 * Provisioned throughputs in memory. Each scope has its own store; writes to one scope are
 * serialised on it and change every index together, while reads are lock-free and see every write
 * that completed before them.
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
  public Either<BedrockError, InsertOutcome> insert(ProvisionedThroughput created) {
    return faults.guard(
        () -> {
          ScopeStore s = store(created.scope());
          synchronized (s) {
            if (created.clientRequestToken().isPresent()) {
              ProvisionedModelId holder = s.byToken.get(created.clientRequestToken().get());
              if (holder != null) {
                return Either.right(new InsertOutcome.TokenTaken(s.byId.get(holder)));
              }
            }
            ProvisionedModelId named = s.byName.get(created.provisionedModelName());
            if (named != null) {
              return Either.right(new InsertOutcome.NameTaken(s.byId.get(named)));
            }
            if (s.byId.containsKey(created.id())) {
              return Either.right(new InsertOutcome.IdTaken());
            }
            s.put(created);
            created.clientRequestToken().ifPresent(t -> s.byToken.put(t, created.id()));
            return Either.right(new InsertOutcome.Inserted(created));
          }
        });
  }

  @Override
  public Either<BedrockError, WriteOutcome> replace(
      ProvisionedThroughput current, ProvisionedThroughput next) {
    return faults.guard(
        () -> {
          if (!current.provisionedModelArn().equals(next.provisionedModelArn())
              || next.version() <= current.version()) {
            throw new IllegalArgumentException("replace must keep the ARN and raise the version");
          }
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
    return faults.guard(
        () -> {
          ScopeStore s = store(current.scope());
          synchronized (s) {
            ProvisionedThroughput stored = s.byId.get(current.id());
            if (stored == null || stored.version() != current.version()) {
              return Either.right(new WriteOutcome.Stale(Option.of(stored)));
            }
            s.unindex(stored);
            s.byId.remove(stored.id());
            stored.clientRequestToken().ifPresent(s.byToken::remove);
            return Either.right(new WriteOutcome.Written(Option.none()));
          }
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
    return List.ofAll(scopes.values()).flatMap(s -> List.ofAll(s.byCreation.values()));
  }

  /** How many provisioned throughputs the scope holds. */
  public int size(ResourceScope scope) {
    return existing(scope).map(s -> s.byId.size()).getOrElse(0);
  }

  /** One scope's data; every write holds its monitor. */
  private static final class ScopeStore {
    final Map<ProvisionedModelId, ProvisionedThroughput> byId = new ConcurrentHashMap<>();
    final Map<ProvisionedModelName, ProvisionedModelId> byName = new ConcurrentHashMap<>();
    final Map<ClientRequestToken, ProvisionedModelId> byToken = new ConcurrentHashMap<>();

    /** Creation order: creation time, then id, so that pages can resume after any key. */
    final ConcurrentNavigableMap<ListPosition, ProvisionedThroughput> byCreation =
        new ConcurrentSkipListMap<>();

    Option<ProvisionedThroughput> lookup(ProvisionedModelId id) {
      return id == null ? Option.none() : Option.of(byId.get(id));
    }

    void put(ProvisionedThroughput pt) {
      byId.put(pt.id(), pt);
      byName.put(pt.provisionedModelName(), pt.id());
      byCreation.put(ListPosition.of(pt), pt);
    }

    void unindex(ProvisionedThroughput pt) {
      byName.remove(pt.provisionedModelName(), pt.id());
      byCreation.remove(ListPosition.of(pt));
    }
  }
}
