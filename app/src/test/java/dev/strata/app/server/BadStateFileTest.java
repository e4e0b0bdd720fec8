package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state file Strata cannot use, given to {@code serve} and to a CLI command in processes of their
 * own: one line on stderr naming the file and the problem, exit 2 for the content, 255 for the
 * path, and the file left as it was.
 */
class BadStateFileTest {
  @TempDir Path dir;

  private static void assertRefused(int exitCode, String line, CliProcess run) {
    assertEquals("", run.out());
    assertEquals(line + "\n", run.err());
    assertEquals(exitCode, run.exitCode());
  }

  private static CliProcess list(Path state) throws Exception {
    return CliProcess.run("list", "--state", state.toString());
  }

  private static CliProcess serve(Path state) throws Exception {
    return CliProcess.run("serve", "--port", "0", "--state", state.toString());
  }

  @Test
  void a_file_that_is_not_a_database_exits_2_naming_it_and_is_left_as_it_was() throws Exception {
    Path file = dir.resolve("notes.txt");
    byte[] text = "my notes, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
    Files.write(file, text);

    assertRefused(2, "State file " + file + " is not an SQLite database", list(file));
    assertRefused(2, "State file " + file + " is not an SQLite database", serve(file));
    assertArrayEquals(text, Files.readAllBytes(file));
  }

  @Test
  void a_corrupt_state_file_exits_2_naming_it_and_is_left_as_it_was() throws Exception {
    Path file = dir.resolve("corrupt.db");
    assertEquals(0, list(file).exitCode());
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 100; i < 200; i++) {
      bytes[i] = (byte) 0xA5;
    }
    Files.write(file, bytes);

    CliProcess run = list(file);

    assertEquals(2, run.exitCode());
    assertTrue(run.err().startsWith("State file " + file + " is corrupt (SQLite: "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
    assertArrayEquals(bytes, Files.readAllBytes(file));
  }

  @Test
  void a_state_file_of_an_unknown_schema_version_exits_2_naming_it_and_the_version() throws Exception {
    Path file = dir.resolve("future.db");
    assertEquals(0, list(file).exitCode());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE meta SET value = 9 WHERE key = 'schema_version'");
    }

    assertRefused(
        2,
        "State file " + file + " has schema version 9; this Strata reads versions 1 to 3 (a newer Strata wrote it?)",
        list(file));
  }

  @Test
  void a_json_state_file_of_an_earlier_strata_exits_2_naming_the_import_command() throws Exception {
    Path file = dir.resolve("strata.json");
    String json = "{\n  \"version\" : 1,\n  \"idsMinted\" : 0,\n  \"provisionedThroughputs\" : [ ]\n}";
    Files.writeString(file, json);

    assertRefused(
        2,
        "State file " + file + " is a JSON state file of an earlier Strata; import it into a new state"
            + " file with: strata import --from " + file + " --state NEW.db",
        list(file));
    assertEquals(json, Files.readString(file));
  }

  @Test
  void a_directory_exits_255_naming_it() throws Exception {
    assertRefused(255, "State file " + dir + " is a directory", list(dir));
    assertRefused(255, "State file " + dir + " is a directory", serve(dir));
  }

  /** Tests run as root, whom file permissions do not stop; no one may create a file in /proc. */
  @Test
  void a_path_where_no_file_may_be_created_exits_255_naming_it() throws Exception {
    Path file = Path.of("/proc/strata-state.db");

    CliProcess run = list(file);

    assertEquals(255, run.exitCode());
    assertTrue(run.err().startsWith("State file " + file + " cannot be opened for writing (SQLite: "), run.err());
    assertEquals(1, run.err().lines().count(), run.err());
  }

  /**
   * A file size limit of zero ({@code ulimit -f 0}) stands in for a full disk: the first write of
   * the new file fails. The SQLite native library is loaded from a copy made beforehand (extracting
   * it would be a write too), and the output is read from pipes, which the limit does not cover.
   */
  @Test
  void a_disk_that_takes_no_more_bytes_exits_255_naming_the_path() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    try (var in = getClass().getResourceAsStream("/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/libsqlitejdbc.so")) {
      Files.copy(in, lib.resolve("libsqlitejdbc.so"));
    }
    Path file = dir.resolve("full.db");
    List<String> command = new ArrayList<>(List.of("sh", "-c", "ulimit -f 0; exec \"$@\"", "sh"));
    List<String> strata = ServeProcess.strata("list", "--state", file.toString());
    strata.addAll(1, List.of("-XX:-UsePerfData", "-Dorg.sqlite.lib.path=" + lib, "-Dorg.sqlite.lib.name=libsqlitejdbc.so"));
    command.addAll(strata);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("STRATA_"));
    Process process = builder.start();
    process.getOutputStream().close();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS));

    assertEquals("", out);
    assertEquals(255, process.exitValue(), err);
    assertTrue(err.startsWith("State file " + file + " cannot be opened for writing (SQLite: "), err);
    assertEquals(1, err.lines().count(), err);
  }
}
