package dev.strata.app.wiring;

import dev.strata.adapters.sqlite.SqliteProvisionedThroughputs;
import dev.strata.adapters.sqlite.SqliteSavedState;
import dev.strata.adapters.sqlite.SqliteStateFile;
import dev.strata.composition.StateFileException;
import dev.strata.composition.StateStore;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.application.control.StateTransfer;
import dev.strata.ports.driving.SavedState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The way in and out of a state file ({@link StateStore}) for the JSON state documents of earlier
 * Strata versions ({@link StateFile}): {@code strata import} and {@code strata export}.
 */
public final class StateDocuments {
  private StateDocuments() {}

  /**
   * Adds the provisioned throughputs of the JSON state document {@code from} to the state file
   * {@code to}, with their model units, and raises its minter's position to the document's: all of
   * it in one transaction, or nothing when the document is malformed, holds an ARN twice (or a name
   * or token twice in one scope), or has a record whose ARN, name or token {@code to} already holds.
   *
   * @return one line saying what was imported
   * @throws StateFileException when {@code from} cannot be read or imported (the message names the
   *     record and member at fault), or {@code to} fails
   */
  public static String importDocument(Path from, Path state) {
    if (!Files.exists(from)) {
      throw new StateFileException("Import file " + from + " does not exist", null);
    }
    SavedState saved = StateFile.read(from);
    StateTransfer.clash(saved)
        .ifPresent(
            problem -> {
              throw notImported(from, new ValidationFact.NotAStateDocument(problem).render());
            });
    try (SqliteStateFile to = StateStore.open(state)) {
      long minted =
          new SqliteSavedState(new SqliteProvisionedThroughputs(to))
              .addAll(saved)
              .getOrElseThrow(e -> notImported(from, e.message()));
      return "Imported " + saved.provisionedThroughputs().size() + " provisioned throughputs from "
          + from + " into " + to.file() + "; ids minted: " + minted + ".";
    }
  }

  private static StateFileException notImported(Path from, String why) {
    return new StateFileException("Import file " + from + ": " + why, null);
  }

  /**
   * Writes everything {@code from} holds to the JSON state document {@code to}, which must not
   * exist yet.
   *
   * @return one line saying what was exported
   */
  public static String exportDocument(Path state, Path to) {
    if (Files.exists(to)) {
      throw new StateFileException("Export file " + to + " exists; export writes a new file", null);
    }
    try (SqliteStateFile from = StateStore.open(state)) {
      return exportFrom(from, to);
    }
  }

  private static String exportFrom(SqliteStateFile from, Path to) {
    SavedState state;
    try {
      state = new SavedState(from.idsMinted(), new SqliteProvisionedThroughputs(from).everything());
    } catch (SQLException e) {
      throw new StateFileException("State file " + from.file() + " failed: " + e.getMessage(), e);
    }
    StateFile.write(to, state);
    return "Exported " + state.provisionedThroughputs().size() + " provisioned throughputs from "
        + from.file() + " to " + to + ".";
  }
}
