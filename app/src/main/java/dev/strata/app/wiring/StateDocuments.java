package dev.strata.app.wiring;

import dev.strata.adapters.sqlite.SqliteProvisionedThroughputs;
import dev.strata.adapters.sqlite.SqliteStateFile;
import dev.strata.composition.StateFileException;
import dev.strata.composition.StateStore;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.ports.driving.SavedState;
import dev.strata.ports.driven.ProvisionedThroughputs.InsertOutcome;
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
   * {@code to}, with their model units, and raises its minter's position to the document's. A
   * provisioned throughput whose ARN, name or token is already in {@code to} is left out.
   *
   * @return one line saying what was imported
   * @throws StateFileException when {@code from} cannot be read or {@code to} fails
   */
  public static String importDocument(Path from, Path state) {
    if (!Files.exists(from)) {
      throw new StateFileException("Import file " + from + " does not exist", null);
    }
    SavedState saved = StateFile.read(from);
    try (SqliteStateFile to = StateStore.open(state)) {
      return importInto(from, saved, to);
    }
  }

  private static String importInto(Path from, SavedState saved, SqliteStateFile to) {
    SqliteProvisionedThroughputs store = new SqliteProvisionedThroughputs(to);
    int imported = 0;
    for (ProvisionedThroughput pt : saved.provisionedThroughputs()) {
      InsertOutcome outcome =
          store.insert(pt, Long.MAX_VALUE).getOrElseThrow(e -> new StateFileException(e.message(), null));
      if (outcome instanceof InsertOutcome.Inserted) {
        imported++;
      }
    }
    try {
      to.idsMintedAtLeast(saved.idsMinted());
    } catch (SQLException e) {
      throw new StateFileException("State file " + to.file() + " failed: " + e.getMessage(), e);
    }
    int total = saved.provisionedThroughputs().size();
    return "Imported " + imported + " of " + total + " provisioned throughputs from " + from + " into "
        + to.file() + (imported < total ? " (the others' ARN, name or token was already there)" : "")
        + "; ids minted: " + saved.idsMinted() + ".";
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
