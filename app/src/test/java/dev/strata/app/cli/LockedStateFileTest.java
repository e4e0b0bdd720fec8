package dev.strata.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A state file another process keeps locked: a write waits out the busy timeout, then fails clearly. */
class LockedStateFileTest {
  @TempDir Path dir;

  @Test
  void a_create_on_a_file_another_connection_holds_locked_fails_with_a_retryable_error_and_changes_nothing()
      throws Exception {
    Path state = dir.resolve("locked.db");
    assertEquals(0, CliRun.of("list", "--state", state.toString()).exitCode());
    try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + state);
        Statement s = other.createStatement()) {
      s.execute("BEGIN IMMEDIATE");

      CliRun r =
          CliRun.of(
              "create", "--provisioned-model-name", "demo", "--model-id", "amazon.nova-lite-v1:0:24k",
              "--model-units", "1", "--state", state.toString());

      assertEquals(StrataCli.SERVICE_ERROR, r.exitCode());
      assertEquals(
          "An error occurred (InternalServerException) when calling the CreateProvisionedModelThroughput"
              + " operation: The state file " + state + " stayed locked by another process for longer than"
              + " 5 s; retry the request.\n",
          r.err());
      s.execute("ROLLBACK");
    }
    assertEquals("", CliRun.of("list", "--state", state.toString()).out());
  }
}
