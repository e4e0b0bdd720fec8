package dev.strata.adapters.sqlite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A state file in a fresh temporary directory, for a contract test's empty store. */
final class FreshStateFile {
  private FreshStateFile() {}

  static SqliteProvisionedThroughputs emptyStore() {
    try {
      Path dir = Files.createTempDirectory("strata-sqlite");
      dir.toFile().deleteOnExit();
      SqliteStateFile file = SqliteStateFile.open(dir.resolve("state.db")).getOrElseThrow(f -> new IllegalStateException(f.message()));
      return new SqliteProvisionedThroughputs(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
