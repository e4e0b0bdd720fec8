package dev.strata.composition;

import dev.strata.adapters.sqlite.OpenFailure;
import dev.strata.adapters.sqlite.SqliteStateFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The state file behind {@code state} ({@code --state}): an SQLite database ({@link
 * SqliteStateFile}) opened with the CLI's exit codes in mind.
 */
public final class StateStore {
  private StateStore() {}

  /**
   * The state file at {@code path}, created if absent.
   *
   * @throws StateFileException (exit 2) when it is not a Strata state file: not SQLite, corrupt, a
   *     schema version this Strata does not know, or a JSON state document, which it names the
   *     way to import
   * @throws WiringException (exit 255) when the path cannot hold it: a directory, no permission,
   *     the disk full
   */
  public static SqliteStateFile open(Path path) {
    if (isJsonDocument(path)) {
      throw new StateFileException(
          "State file " + path + " is a JSON state file of an earlier Strata; import it into a new"
              + " state file with: strata import --from " + path + " --state NEW.db",
          null);
    }
    return SqliteStateFile.open(path)
        .getOrElseThrow(
            f ->
                f.kind() == OpenFailure.Kind.NOT_A_STATE_FILE
                    ? new StateFileException(f.message(), null)
                    : new WiringException(f.message()));
  }

  /** Whether {@code path} is a file whose first non-blank character is {@code {}. */
  private static boolean isJsonDocument(Path path) {
    if (!Files.isRegularFile(path)) {
      return false;
    }
    try (InputStream in = Files.newInputStream(path)) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
      return c == '{';
    } catch (IOException e) {
      return false;
    }
  }
}
