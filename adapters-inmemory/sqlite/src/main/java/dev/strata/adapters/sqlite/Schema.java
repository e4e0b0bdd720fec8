package dev.strata.adapters.sqlite;

import java.util.List;

/**
 * The tables of a state file, by schema version (kept in table {@code meta}, key {@code
 * schema_version}), and the steps that bring an older file to {@link #CURRENT}.
 *
 * <ul>
 *   <li>{@code meta}: {@code schema_version}, {@code ids_minted}, how many ids the seeded ARN
 *       minter has handed out, and {@code clock_offset_ms}, how far the service clock is ahead of
 *       real time (D20), in milliseconds;
 *   <li>{@code provisioned_throughput}: one row per stored provisioned throughput, its whole
 *       aggregate as JSON in {@code record} and the columns that index it: scope, id, name, token,
 *       creation time in milliseconds and version;
 *   <li>{@code ledger}: the model units held per scope and quota ledger.
 * </ul>
 */
final class Schema {
  /** The version this Strata writes; it opens files of every version from 1 to this one. */
  static final int CURRENT = 3;

  /** Version 1: the tables, with the name and token claims as unique indexes. */
  static final List<String> VERSION_1 =
      List.of(
          "CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)",
          "CREATE TABLE provisioned_throughput ("
              + " scope TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL, token TEXT,"
              + " created_ms INTEGER NOT NULL, version INTEGER NOT NULL, record TEXT NOT NULL,"
              + " PRIMARY KEY (scope, id))",
          "CREATE UNIQUE INDEX provisioned_throughput_name ON provisioned_throughput (scope, name)",
          "CREATE UNIQUE INDEX provisioned_throughput_token ON provisioned_throughput (scope, token)",
          "CREATE TABLE ledger (scope TEXT NOT NULL, quota_key TEXT NOT NULL,"
              + " units INTEGER NOT NULL, PRIMARY KEY (scope, quota_key))",
          "INSERT INTO meta (key, value) VALUES ('schema_version', 1), ('ids_minted', 0)");

  /**
   * Version 1 to 2: the creation-order index, so that a page of a listing is read from where the
   * previous one ended (keyset) instead of scanning the scope.
   */
  static final List<String> VERSION_1_TO_2 =
      List.of(
          "CREATE INDEX provisioned_throughput_creation"
              + " ON provisioned_throughput (scope, created_ms, id)",
          "UPDATE meta SET value = 2 WHERE key = 'schema_version'");

  /** Version 2 to 3: the service clock's offset (D20), zero (real time) in an older file. */
  static final List<String> VERSION_2_TO_3 =
      List.of(
          "INSERT INTO meta (key, value) VALUES ('clock_offset_ms', 0)",
          "UPDATE meta SET value = 3 WHERE key = 'schema_version'");

  /** The steps from version {@code i + 1} to {@code i + 2}, by index {@code i}. */
  static final List<List<String>> MIGRATIONS = List.of(VERSION_1_TO_2, VERSION_2_TO_3);

  private Schema() {}
}
