package dev.strata.adapters.sqlite;

import dev.strata.adapters.sqlite.OpenFailure.Kind;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.sqlite.SQLiteConfig;

/**
 * One state file: an SQLite database in WAL mode with {@code synchronous=FULL}, so a transaction
 * that committed survives a killed process and a power cut. Every write is one {@code BEGIN
 * IMMEDIATE} transaction; a process that finds the file locked by another waits up to {@link
 * #BUSY_TIMEOUT}, then the write fails. Thread-safe: the connection is used by one thread at a time.
 * Opening migrates an older schema to {@link Schema#CURRENT}; it never overwrites a file that is not
 * a Strata state file.
 */
public final class SqliteStateFile implements AutoCloseable {
  /** How long a write waits for another process's transaction on the same file to finish. */
  public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

  private static final int SQLITE_BUSY = 5;

  private final Path file;
  private final Connection connection;

  private SqliteStateFile(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /** The state file at {@code file}, created (with its tables) if absent, migrated if older. */
  public static Either<OpenFailure, SqliteStateFile> open(Path file) {
    if (Files.isDirectory(file)) {
      return Either.left(new OpenFailure(Kind.UNUSABLE_PATH, "State file " + file + " is a directory"));
    }
    Connection connection;
    try {
      connection = config().createConnection("jdbc:sqlite:" + file.toAbsolutePath());
    } catch (SQLException e) {
      return Either.left(failure(file, e));
    }
    SqliteStateFile opened = new SqliteStateFile(file, connection);
    Either<OpenFailure, SqliteStateFile> prepared = opened.prepare();
    if (prepared.isLeft()) {
      opened.close();
    }
    return prepared;
  }

  private static SQLiteConfig config() {
    SQLiteConfig config = new SQLiteConfig();
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.setBusyTimeout((int) BUSY_TIMEOUT.toMillis());
    return config;
  }

  /**
   * Creates the tables of an empty file, or checks and migrates those of a Strata state file. A file
   * already at {@link Schema#CURRENT} is only read, so opening it never waits for another process's
   * write.
   */
  private Either<OpenFailure, SqliteStateFile> prepare() {
    try {
      boolean current =
          read(c -> hasTable(c, "meta") && meta(c, "schema_version") == Schema.CURRENT);
      if (current) {
        return Either.right(this);
      }
      return write(
          c -> {
            if (!hasTable(c, "meta")) {
              if (hasAnyTable(c)) {
                return Either.left(notAStateFile("is an SQLite database, but not a Strata state file"));
              }
              execute(c, Schema.VERSION_1);
            }
            long version = meta(c, "schema_version");
            if (version < 1 || version > Schema.CURRENT) {
              return Either.left(
                  notAStateFile(
                      "has schema version " + version + "; this Strata reads versions 1 to " + Schema.CURRENT
                          + " (a newer Strata wrote it?)"));
            }
            for (long v = version; v < Schema.CURRENT; v++) {
              execute(c, Schema.MIGRATIONS.get((int) v - 1));
            }
            return Either.right(this);
          });
    } catch (SQLException e) {
      return Either.left(failure(file, e));
    }
  }

  private OpenFailure notAStateFile(String problem) {
    return new OpenFailure(Kind.NOT_A_STATE_FILE, "State file " + file + " " + problem);
  }

  /** What an SQLite error on opening {@code file} says about it. */
  private static OpenFailure failure(Path file, SQLException e) {
    int code = e.getErrorCode() & 0xff;
    return switch (code) {
      case 26 -> new OpenFailure(Kind.NOT_A_STATE_FILE, "State file " + file + " is not an SQLite database");
      case 11 -> new OpenFailure(Kind.NOT_A_STATE_FILE, "State file " + file + " is corrupt (SQLite: " + reason(e) + ")");
      case SQLITE_BUSY -> new OpenFailure(
          Kind.UNUSABLE_PATH,
          "State file " + file + " stayed locked by another process for longer than " + BUSY_TIMEOUT.toSeconds() + " s");
      default -> new OpenFailure(Kind.UNUSABLE_PATH, "State file " + file + " cannot be opened for writing (SQLite: " + reason(e) + ")");
    };
  }

  private static String reason(SQLException e) {
    return String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
  }

  private static boolean hasTable(Connection c, String name) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
      s.setString(1, name);
      try (ResultSet r = s.executeQuery()) {
        return r.next();
      }
    }
  }

  private static boolean hasAnyTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT 1 FROM sqlite_master")) {
      return r.next();
    }
  }

  private static void execute(Connection c, List<String> statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
    }
  }

  static long meta(Connection c, String key) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
      s.setString(1, key);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? r.getLong(1) : 0;
      }
    }
  }

  /** The file this store is kept in. */
  public Path file() {
    return file;
  }

  /** Work on the connection; its {@link SQLException} is the caller's to report. */
  @FunctionalInterface
  interface Work<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * {@code work} in one write transaction ({@code BEGIN IMMEDIATE}), committed (durably) before
   * this returns, or rolled back when it fails. The statements are issued directly, not through
   * JDBC's commit, which would open the next transaction (and take the file's write lock) at once.
   */
  synchronized <T> T write(Work<T> work) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("BEGIN IMMEDIATE");
      try {
        T result = work.apply(connection);
        s.execute("COMMIT");
        return result;
      } catch (SQLException | RuntimeException e) {
        rollback(s);
        throw e;
      }
    }
  }

  private static void rollback(Statement s) {
    try {
      s.execute("ROLLBACK");
    } catch (SQLException ignored) {
      // the transaction's own failure is what the caller reports; SQLite rolls back on close too
    }
  }

  /** {@code work} on one consistent snapshot of the file. */
  synchronized <T> T read(Work<T> work) throws SQLException {
    return work.apply(connection);
  }

  /** Whether {@code e} is another process holding the file beyond {@link #BUSY_TIMEOUT}. */
  static boolean busy(SQLException e) {
    return (e.getErrorCode() & 0xff) == SQLITE_BUSY;
  }

  /**
   * Claims the next id position of the seeded ARN minter: the count of ids minted before this
   * claim, which the claim raises by one in its own transaction. That transaction is committed
   * without waiting for the disk ({@code synchronous=NORMAL}): it survives a killed process, and
   * the write that stores the minted id, committed after it with {@code FULL}, makes it durable
   * against a power cut too, since a WAL is synced in order.
   */
  synchronized long claimIdPosition() throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute("PRAGMA synchronous = NORMAL");
      try {
        return write(
            c -> {
              long claimed = meta(c, "ids_minted");
              setMeta(c, "ids_minted", claimed + 1);
              return claimed;
            });
      } finally {
        s.execute("PRAGMA synchronous = FULL");
      }
    }
  }

  /** How many ids the seeded ARN minter has handed out, across every process on this file. */
  public long idsMinted() throws SQLException {
    return read(c -> meta(c, "ids_minted"));
  }

  static void setMeta(Connection c, String key, long value) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("UPDATE meta SET value = ? WHERE key = ?")) {
      s.setLong(1, value);
      s.setString(2, key);
      s.executeUpdate();
    }
  }

  /** Closes the connection; the file keeps every committed transaction. Closing twice is harmless. */
  @Override
  public synchronized void close() {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // nothing uncommitted is lost: every write committed before it returned
    }
  }
}
