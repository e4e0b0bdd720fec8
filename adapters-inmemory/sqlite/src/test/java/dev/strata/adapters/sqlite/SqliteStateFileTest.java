package dev.strata.adapters.sqlite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strata.adapters.sqlite.OpenFailure.Kind;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ProvisionedModelId;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driven.ArnMinter;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateFileTest {
  private static final ResourceScope HOME = ResourceScope.of("aws", "us-east-1", "123456789012");

  @TempDir Path dir;

  private SqliteStateFile open(Path file) {
    return SqliteStateFile.open(file).getOrElseThrow(f -> new AssertionError(f.message()));
  }

  private OpenFailure failure(Path file) {
    Either<OpenFailure, SqliteStateFile> opened = SqliteStateFile.open(file);
    opened.forEach(SqliteStateFile::close);
    return opened.swap().getOrElseThrow(() -> new AssertionError(file + " opened"));
  }

  private static long schemaVersion(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void sql(Path file, String... statements) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.executeUpdate(sql);
      }
    }
  }

  @Test
  void a_version_2_file_is_migrated_with_the_service_clock_at_real_time_and_keeps_a_raised_offset() throws Exception {
    Path file = dir.resolve("v2.db");
    sql(file, Schema.VERSION_1.toArray(String[]::new));
    sql(file, Schema.VERSION_1_TO_2.toArray(String[]::new));
    try (SqliteStateFile opened = open(file)) {
      SqliteClockOffset offset = new SqliteClockOffset(opened);
      assertEquals(io.vavr.control.Either.right(java.time.Duration.ZERO), offset.read());
      offset.raise(java.time.Duration.ofDays(32));
    }
    assertEquals(3, schemaVersion(file));
    try (SqliteStateFile reopened = open(file)) {
      SqliteClockOffset offset = new SqliteClockOffset(reopened);
      assertEquals(io.vavr.control.Either.right(java.time.Duration.ofDays(32)), offset.read());
      assertEquals(io.vavr.control.Either.right(java.time.Duration.ofDays(32)), offset.raise(java.time.Duration.ofDays(1)));
      assertEquals(io.vavr.control.Either.right(java.time.Duration.ZERO), offset.clear());
    }
  }

  @Test
  void a_missing_file_is_created_with_the_current_schema() throws Exception {
    Path file = dir.resolve("new.db");
    open(file).close();
    assertEquals(Schema.CURRENT, schemaVersion(file));
  }

  @Test
  void a_version_1_file_is_migrated_to_the_current_version_and_keeps_its_rows() throws Exception {
    Path file = dir.resolve("v1.db");
    sql(file, Schema.VERSION_1.toArray(String[]::new));
    sql(file, "UPDATE meta SET value = 7 WHERE key = 'ids_minted'");
    try (SqliteStateFile opened = open(file)) {
      assertEquals(7, opened.idsMinted());
    }
    assertEquals(Schema.CURRENT, schemaVersion(file));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT count(*) FROM sqlite_master WHERE name = 'provisioned_throughput_creation'")) {
      r.next();
      assertEquals(1, r.getInt(1));
    }
  }

  @Test
  void a_file_of_a_newer_schema_version_is_refused_and_left_as_it_was() throws Exception {
    Path file = dir.resolve("v9.db");
    open(file).close();
    sql(file, "UPDATE meta SET value = 9 WHERE key = 'schema_version'");
    byte[] before = Files.readAllBytes(file);
    OpenFailure f = failure(file);
    assertEquals(Kind.NOT_A_STATE_FILE, f.kind());
    assertTrue(f.message().contains(file + " has schema version 9"), f.message());
    assertArrayEquals(before, Files.readAllBytes(file));
  }

  @Test
  void a_file_that_is_not_a_database_is_refused_and_left_as_it_was() throws Exception {
    Path file = dir.resolve("notes.txt");
    byte[] text = "these are my notes, not a database\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    Files.write(file, text);
    OpenFailure f = failure(file);
    assertEquals(Kind.NOT_A_STATE_FILE, f.kind());
    assertEquals("State file " + file + " is not an SQLite database", f.message());
    assertArrayEquals(text, Files.readAllBytes(file));
  }

  @Test
  void a_corrupt_file_is_refused_and_left_as_it_was() throws Exception {
    Path file = dir.resolve("corrupt.db");
    open(file).close();
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 100; i < 200; i++) {
      bytes[i] = (byte) 0xA5;
    }
    Files.write(file, bytes);
    OpenFailure f = failure(file);
    assertEquals(Kind.NOT_A_STATE_FILE, f.kind());
    assertTrue(f.message().startsWith("State file " + file + " is corrupt"), f.message());
    assertArrayEquals(bytes, Files.readAllBytes(file));
  }

  @Test
  void another_applications_sqlite_database_is_refused() throws Exception {
    Path file = dir.resolve("other.db");
    sql(file, "CREATE TABLE songs (title TEXT)");
    OpenFailure f = failure(file);
    assertEquals(Kind.NOT_A_STATE_FILE, f.kind());
    assertTrue(f.message().contains("not a Strata state file"), f.message());
  }

  @Test
  void a_directory_is_an_unusable_path() {
    OpenFailure f = failure(dir);
    assertEquals(Kind.UNUSABLE_PATH, f.kind());
    assertEquals("State file " + dir + " is a directory", f.message());
  }

  @Test
  void a_path_in_a_missing_directory_is_an_unusable_path() {
    Path file = dir.resolve("missing").resolve("state.db");
    OpenFailure f = failure(file);
    assertEquals(Kind.UNUSABLE_PATH, f.kind());
    assertTrue(f.message().startsWith("State file " + file + " cannot be opened"), f.message());
  }

  /** Hands out "000000000000", "000000000001", ... from its first id. */
  private static final class Counting implements ArnMinter {
    private long next;

    @Override
    public Either<BedrockError, ResourceScope> homeScope() {
      return Either.right(HOME);
    }

    @Override
    public synchronized ProvisionedModelArn mint(ResourceScope scope) {
      return scope.provisionedModelArn(ProvisionedModelId.of(String.format("%012d", next++)));
    }
  }

  private static long idsMinted(SqliteStateFile file) {
    try {
      return file.idsMinted();
    } catch (java.sql.SQLException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void minters_on_one_file_continue_one_sequence_across_reopening_and_never_repeat_an_id() {
    Path file = dir.resolve("minter.db");
    Set<String> ids = new HashSet<>();
    try (SqliteStateFile first = open(file)) {
      SqliteArnMinter minter = new SqliteArnMinter(first, new Counting());
      ids.add(minter.mint(HOME).id().value());
      ids.add(minter.mint(HOME).id().value());
    }
    try (SqliteStateFile second = open(file);
        SqliteStateFile third = open(file)) {
      SqliteArnMinter a = new SqliteArnMinter(second, new Counting());
      SqliteArnMinter b = new SqliteArnMinter(third, new Counting());
      assertEquals("000000000002", a.mint(HOME).id().value());
      assertEquals("000000000003", b.mint(HOME).id().value());
      assertEquals("000000000004", a.mint(HOME).id().value());
      assertEquals(5, idsMinted(second));
    }
    assertEquals(Set.of("000000000000", "000000000001"), ids);
  }
}
