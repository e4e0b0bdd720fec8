package dev.strata.adapters.sqlite;

import static dev.strata.adapters.sqlite.ThroughputRows.COLUMNS;
import static dev.strata.adapters.sqlite.ThroughputRows.deleteIn;
import static dev.strata.adapters.sqlite.ThroughputRows.held;
import static dev.strata.adapters.sqlite.ThroughputRows.one;
import static dev.strata.adapters.sqlite.ThroughputRows.scope;
import static dev.strata.adapters.sqlite.ThroughputRows.setHeld;
import static dev.strata.adapters.sqlite.ThroughputRows.store;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedThroughput;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * Provisioned throughputs and their model-unit ledgers in a {@link SqliteStateFile}. Every write is
 * one transaction that checks and changes the record, its name and token claims and its ledger
 * together, and is durable when the call returns; every read sees every write committed before it,
 * by this process or another on the same file. A failure of the file (another process holding it
 * beyond the busy timeout, a full disk) is a {@code Left}, and the write changed nothing.
 */
public final class SqliteProvisionedThroughputs implements ProvisionedThroughputs {
  /** Rows read per round while a filtered page fills. */
  private static final int BATCH = 256;

  private final SqliteStateFile file;

  public SqliteProvisionedThroughputs(SqliteStateFile file) {
    this.file = file;
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findById(
      ResourceScope scope, ProvisionedModelId id) {
    return read(c -> one(c, "id", scope, id.value()));
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findByName(
      ResourceScope scope, ProvisionedModelName name) {
    return read(c -> one(c, "name", scope, name.value()));
  }

  @Override
  public Either<BedrockError, Option<ProvisionedThroughput>> findByClientRequestToken(
      ResourceScope scope, ClientRequestToken token) {
    return read(c -> one(c, "token", scope, token.value()));
  }

  @Override
  public Either<BedrockError, InsertOutcome> insert(ProvisionedThroughput created, long quotaLimit) {
    ResourceScope scope = created.scope();
    return write(
        c -> {
          if (created.clientRequestToken().isPresent()) {
            Option<ProvisionedThroughput> holder =
                one(c, "token", scope, created.clientRequestToken().get().value());
            if (holder.isDefined()) {
              return new InsertOutcome.TokenTaken(holder.get());
            }
          }
          Option<ProvisionedThroughput> named = one(c, "name", scope, created.provisionedModelName().value());
          if (named.isDefined()) {
            return new InsertOutcome.NameTaken(named.get());
          }
          if (one(c, "id", scope, created.id().value()).isDefined()) {
            return new InsertOutcome.IdTaken();
          }
          QuotaKey key = created.quotaCharge().key();
          long held = held(c, scope, key);
          long units = created.quotaCharge().units().value();
          if (held + units > quotaLimit) {
            return new InsertOutcome.QuotaExceeded(QuotaUsage.of(key, quotaLimit, held));
          }
          store(c, created);
          setHeld(c, scope, key, held + units);
          return new InsertOutcome.Inserted(created);
        });
  }

  @Override
  public Either<BedrockError, WriteOutcome> replace(
      ProvisionedThroughput current, ProvisionedThroughput next) {
    ProvisionedThroughputs.requireSuccessor(current, next);
    ResourceScope scope = current.scope();
    return write(
        c -> {
          Option<ProvisionedThroughput> stored = one(c, "id", scope, current.id().value());
          if (stored.isEmpty() || stored.get().version() != current.version()) {
            return new WriteOutcome.Stale(stored);
          }
          if (!next.provisionedModelName().equals(stored.get().provisionedModelName())) {
            Option<ProvisionedThroughput> holder = one(c, "name", scope, next.provisionedModelName().value());
            if (holder.isDefined()) {
              return new WriteOutcome.NameTaken(holder.get());
            }
          }
          try (PreparedStatement s =
              c.prepareStatement(
                  "UPDATE provisioned_throughput SET name = ?, version = ?, record = ?"
                      + " WHERE scope = ? AND id = ?")) {
            s.setString(1, next.provisionedModelName().value());
            s.setLong(2, next.version());
            s.setString(3, RecordJson.write(next));
            s.setString(4, scope(scope));
            s.setString(5, current.id().value());
            s.executeUpdate();
          }
          return new WriteOutcome.Written(Option.of(next));
        });
  }

  @Override
  public Either<BedrockError, WriteOutcome> remove(ProvisionedThroughput current) {
    ResourceScope scope = current.scope();
    return write(
        c -> {
          Option<ProvisionedThroughput> stored = one(c, "id", scope, current.id().value());
          if (stored.isEmpty() || stored.get().version() != current.version()) {
            return new WriteOutcome.Stale(stored);
          }
          try (PreparedStatement s =
              c.prepareStatement("DELETE FROM provisioned_throughput WHERE scope = ? AND id = ?")) {
            s.setString(1, scope(scope));
            s.setString(2, current.id().value());
            s.executeUpdate();
          }
          QuotaKey key = stored.get().quotaCharge().key();
          long units = stored.get().quotaCharge().units().value();
          setHeld(c, scope, key, Math.max(0, held(c, scope, key) - units));
          return new WriteOutcome.Written(Option.none());
        });
  }

  @Override
  public Either<BedrockError, Integer> removeAll(Option<ResourceScope> scope) {
    return write(
        c -> {
          int removed = deleteIn(c, "provisioned_throughput", scope);
          deleteIn(c, "ledger", scope);
          return removed;
        });
  }

  @Override
  public Either<BedrockError, Long> unitsHeld(ResourceScope scope, QuotaKey key) {
    return read(c -> held(c, scope, key));
  }

  @Override
  public Either<BedrockError, Seq<ProvisionedThroughput>> list(
      ResourceScope scope,
      ThroughputFilter filter,
      SortOrder order,
      Option<ListPosition> after,
      int limit) {
    if (limit <= 0) {
      return Either.right(List.empty());
    }
    boolean ascending = order == SortOrder.Ascending;
    String sql =
        "SELECT " + COLUMNS + " FROM provisioned_throughput WHERE scope = ?"
            + " AND (created_ms, id) " + (ascending ? ">" : "<") + " (?, ?)"
            + " ORDER BY created_ms " + (ascending ? "ASC" : "DESC") + ", id " + (ascending ? "ASC" : "DESC")
            + " LIMIT ?";
    return read(
        c -> {
          java.util.List<ProvisionedThroughput> page = new ArrayList<>(Math.min(limit, 1024));
          ListPosition from = after.getOrElse(ascending ? ListPosition.of(Long.MIN_VALUE, "") : null);
          boolean more = true;
          try (PreparedStatement s = c.prepareStatement(sql)) {
            while (more && page.size() < limit) {
              s.setString(1, scope(scope));
              s.setLong(2, from == null ? Long.MAX_VALUE : from.creationMillis());
              s.setString(3, from == null ? "\uffff" : from.id());
              s.setInt(4, Math.max(BATCH, limit));
              int rows = 0;
              try (ResultSet r = s.executeQuery()) {
                while (r.next() && page.size() < limit) {
                  rows++;
                  ProvisionedThroughput pt = RecordJson.read(r.getString(1));
                  from = ListPosition.of(pt);
                  if (filter.matches(pt)) {
                    page.add(pt);
                  }
                }
              }
              more = rows == Math.max(BATCH, limit);
            }
          }
          return List.ofAll(page);
        });
  }

  /**
   * Every stored provisioned throughput of every scope, by scope, then creation order.
   *
   * @throws SQLException when the file fails
   */
  public java.util.List<ProvisionedThroughput> everything() throws SQLException {
    return file.read(ThroughputRows::everything);
  }

  <T> Either<BedrockError, T> read(SqliteStateFile.Work<T> work) {
    return guarded(work, false);
  }

  <T> Either<BedrockError, T> write(SqliteStateFile.Work<T> work) {
    return guarded(work, true);
  }

  /** {@code work} in a write transaction or on a read snapshot; a failure of the file as a {@code Left}. */
  private <T> Either<BedrockError, T> guarded(SqliteStateFile.Work<T> work, boolean writes) {
    try {
      return Either.right(writes ? file.write(work) : file.read(work));
    } catch (SQLException e) {
      return Either.left(failed(e));
    } catch (IllegalStateException e) {
      return Either.left(corrupt(e));
    }
  }

  private BedrockError failed(SQLException e) {
    if (SqliteStateFile.busy(e)) {
      return new BedrockError.InternalServerError(
          "The state file " + file.file() + " stayed locked by another process for longer than "
              + SqliteStateFile.BUSY_TIMEOUT.toSeconds() + " s; retry the request.");
    }
    return new BedrockError.InternalServerError(
        "The state file " + file.file() + " failed: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
  }

  private BedrockError corrupt(IllegalStateException e) {
    return new BedrockError.InternalServerError(
        "The state file " + file.file() + " holds " + e.getMessage());
  }
}
