package dev.strata.adapters.sqlite;

import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;

/**
 * The rows of a state file's tables, within the caller's transaction: {@code provisioned_throughput}
 * (one row per record, its JSON in {@value #COLUMNS}, with the scope, id, name and token it is
 * looked up by and the creation time pages are read in) and {@code ledger} (the units each quota
 * ledger of a scope holds).
 */
final class ThroughputRows {
  /** The column a record is read from. */
  static final String COLUMNS = "record";

  private ThroughputRows() {}

  /** Adds the row of {@code created}; its ARN, name and token are known to be free. */
  static void store(Connection c, ProvisionedThroughput created) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO provisioned_throughput (scope, id, name, token, created_ms, version, record)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      s.setString(1, scope(created.scope()));
      s.setString(2, created.id().value());
      s.setString(3, created.provisionedModelName().value());
      s.setString(4, created.clientRequestToken().map(ClientRequestToken::value).orElse(null));
      s.setLong(5, created.creationTime().toEpochMilli());
      s.setLong(6, created.version());
      s.setString(7, RecordJson.write(created));
      s.executeUpdate();
    }
  }

  /** The provisioned throughput of {@code scope} whose {@code column} (id, name, token) is {@code value}. */
  static Option<ProvisionedThroughput> one(Connection c, String column, ResourceScope scope, String value)
      throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM provisioned_throughput WHERE scope = ? AND " + column + " = ?")) {
      s.setString(1, scope(scope));
      s.setString(2, value);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? Option.some(RecordJson.read(r.getString(1))) : Option.none();
      }
    }
  }

  /** Every stored provisioned throughput of every scope, by scope, then creation order. */
  static java.util.List<ProvisionedThroughput> everything(Connection c) throws SQLException {
    java.util.List<ProvisionedThroughput> all = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM provisioned_throughput ORDER BY scope, created_ms, id");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        all.add(RecordJson.read(r.getString(1)));
      }
    }
    return all;
  }

  /** Deletes the rows of {@code table} in {@code scope}, or all of them; how many. */
  static int deleteIn(Connection c, String table, Option<ResourceScope> scope) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("DELETE FROM " + table + (scope.isDefined() ? " WHERE scope = ?" : ""))) {
      if (scope.isDefined()) {
        s.setString(1, scope(scope.get()));
      }
      return s.executeUpdate();
    }
  }

  /** The units {@code scope}'s ledger of {@code key} holds; 0 when it has no row. */
  static long held(Connection c, ResourceScope scope, QuotaKey key) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("SELECT units FROM ledger WHERE scope = ? AND quota_key = ?")) {
      s.setString(1, scope(scope));
      s.setString(2, key(key));
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    }
  }

  /** Sets the units {@code scope}'s ledger of {@code key} holds. */
  static void setHeld(Connection c, ResourceScope scope, QuotaKey key, long units) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO ledger (scope, quota_key, units) VALUES (?, ?, ?)"
                + " ON CONFLICT (scope, quota_key) DO UPDATE SET units = excluded.units")) {
      s.setString(1, scope(scope));
      s.setString(2, key(key));
      s.setLong(3, units);
      s.executeUpdate();
    }
  }

  /** The {@code scope} column's value for {@code scope}. */
  static String scope(ResourceScope scope) {
    return scope.partition().value() + ":" + scope.region().value() + ":" + scope.account().value();
  }

  private static String key(QuotaKey key) {
    return key.ledger().name() + key.modelId().map(m -> ":" + m).orElse("");
  }
}
