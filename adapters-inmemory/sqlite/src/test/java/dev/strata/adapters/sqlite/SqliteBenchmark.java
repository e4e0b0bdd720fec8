package dev.strata.adapters.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.strata.domain.ListPosition;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.SortOrder;
import dev.strata.domain.ThroughputFilter;
import dev.strata.ports.contract.Fixtures;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
import io.vavr.control.Option;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the SQLite store costs, on this machine's disk, one thread:
 *
 * <ul>
 *   <li>Create: {@link SqliteProvisionedThroughputs#insert} (one transaction: token, name and id
 *       checks, the ledger read and write, the row) against a bare single-row INSERT of the same
 *       record text in its own transaction, in a database with the same durability (WAL,
 *       synchronous=FULL), alternating rounds; and insert plus the minter's position claim, which
 *       is what one Create writes;
 *   <li>a page of 100 from the middle of a scope of 100,000 stored rows against one of 1,000.
 * </ul>
 *
 * Not part of the build (its name does not end in Test); {@code mvn -B -Pbench -DskipTests verify}
 * runs it, or alone:
 *
 * <pre>mvn -B -q verify -pl adapters-inmemory/sqlite -am -Dtest=SqliteBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * The figures are printed and written to {@code adapters-inmemory/sqlite/target/sqlite-benchmark.txt}.
 */
class SqliteBenchmark {
  private static final int WARMUP = 300;
  private static final int ROUNDS = 5;
  private static final int PER_ROUND = 300;
  private static final int PAGES = 300;

  @TempDir Path dir;

  private int next;

  @Test
  void create_against_a_bare_insert_and_a_page_from_100k_rows_against_one_from_1k() throws Exception {
    SqliteStateFile file = SqliteStateFile.open(dir.resolve("store.db")).get();
    SqliteProvisionedThroughputs store = new SqliteProvisionedThroughputs(file);
    IntConsumer create =
        n -> assertInstanceOf(InsertOutcome.Inserted.class, store.insert(candidate(n), 1_000_000_000L).get());
    IntConsumer createAndClaim =
        n -> {
          try {
            file.claimIdPosition();
          } catch (SQLException e) {
            throw new AssertionError(e);
          }
          create.accept(n);
        };
    try (Connection bare = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("bare.db"))) {
      try (Statement s = bare.createStatement()) {
        s.execute("PRAGMA journal_mode = WAL");
        s.execute("PRAGMA synchronous = FULL");
        s.execute("CREATE TABLE item (scope TEXT, id TEXT, record TEXT, PRIMARY KEY (scope, id))");
      }
      PreparedStatement insert = bare.prepareStatement("INSERT INTO item (scope, id, record) VALUES (?, ?, ?)");
      bare.setAutoCommit(false);
      IntConsumer put =
          n -> {
            try {
              ProvisionedThroughput pt = candidate(n);
              insert.setString(1, "aws:us-east-1:123456789012");
              insert.setString(2, pt.id().value());
              insert.setString(3, RecordJson.write(pt));
              insert.executeUpdate();
              bare.commit();
            } catch (SQLException e) {
              throw new AssertionError(e);
            }
          };
      time(create, WARMUP);
      time(put, WARMUP);
      List<Double> creates = new ArrayList<>();
      List<Double> claimed = new ArrayList<>();
      List<Double> puts = new ArrayList<>();
      for (int round = 0; round < ROUNDS; round++) {
        creates.add(time(create, PER_ROUND));
        claimed.add(time(createAndClaim, PER_ROUND));
        puts.add(time(put, PER_ROUND));
      }
      double small = pageMicros(1_000);
      double large = pageMicros(100_000);
      String report =
          String.format(
              Locale.ROOT,
              "SQLite (sqlite-jdbc 3.54.1.0), WAL, synchronous=FULL, one thread, %d rounds of %d ops after %d warm-up ops%n"
                  + "Create via SqliteProvisionedThroughputs.insert(pt, limit): median %.1f us/op, rounds %s%n"
                  + "Create with the minter's position claim (what one Create writes): median %.1f us/op, rounds %s%n"
                  + "bare single-row INSERT of the same record, own transaction: median %.1f us/op, rounds %s%n"
                  + "ratio create / bare insert: %.2f; with the claim: %.2f%n"
                  + "page of 100 from the middle, median of %d after as many warm-up reads: 1,000 rows %.1f us, 100,000 rows %.1f us, ratio %.2f%n",
              ROUNDS, PER_ROUND, WARMUP, median(creates), rounded(creates), median(claimed), rounded(claimed),
              median(puts), rounded(puts), median(creates) / median(puts), median(claimed) / median(puts),
              PAGES, small, large, large / small);
      System.out.print(report);
      Files.writeString(Path.of("target", "sqlite-benchmark.txt"), report);
    }
    file.close();
  }

  /**
   * Median microseconds to read a page of 100 from the middle of a scope of {@code rows} rows, after
   * as many unmeasured reads.
   */
  private double pageMicros(int rows) throws IOException, SQLException {
    SqliteStateFile file = SqliteStateFile.open(dir.resolve("list-" + rows + ".db")).get();
    List<ProvisionedThroughput> all = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      all.add(candidate(next++));
    }
    file.write(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "INSERT INTO provisioned_throughput (scope, id, name, token, created_ms, version, record)"
                      + " VALUES ('aws:us-east-1:123456789012', ?, ?, ?, ?, 1, ?)")) {
            for (ProvisionedThroughput pt : all) {
              s.setString(1, pt.id().value());
              s.setString(2, pt.provisionedModelName().value());
              s.setString(3, pt.clientRequestToken().get().value());
              s.setLong(4, pt.creationTime().toEpochMilli());
              s.setString(5, RecordJson.write(pt));
              s.executeUpdate();
            }
          }
          return null;
        });
    // the rows went in as one transaction; a store written one Create at a time keeps its WAL small
    // (SQLite checkpoints it every 1,000 pages), so the pages are read from the database file
    file.read(
        c -> {
          try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
          }
          return null;
        });
    SqliteProvisionedThroughputs store = new SqliteProvisionedThroughputs(file);
    Collections.sort(all, (a, b) -> ListPosition.of(a).compareTo(ListPosition.of(b)));
    Option<ListPosition> middle = Option.some(ListPosition.of(all.get(rows / 2)));
    for (int i = 0; i < PAGES; i++) {
      store.list(Fixtures.HOME, ThroughputFilter.none(), SortOrder.Ascending, middle, 100).get();
    }
    List<Double> micros = new ArrayList<>();
    for (int i = 0; i < PAGES; i++) {
      long start = System.nanoTime();
      int size = store.list(Fixtures.HOME, ThroughputFilter.none(), SortOrder.Ascending, middle, 100).get().size();
      micros.add((System.nanoTime() - start) / 1_000.0);
      assertEquals(100, size);
    }
    file.close();
    return median(micros);
  }

  private static ProvisionedThroughput candidate(int n) {
    return Fixtures.provisioned(
        Fixtures.HOME, ProvisionedModelId.of(String.format("b%011d", n)), "bench-" + n, "token-" + n);
  }

  private double time(IntConsumer op, int count) {
    long start = System.nanoTime();
    for (int i = 0; i < count; i++) {
      op.accept(next++);
    }
    return (System.nanoTime() - start) / 1_000.0 / count;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static List<String> rounded(List<Double> values) {
    return values.stream().map(v -> String.format(Locale.ROOT, "%.1f", v)).toList();
  }
}
