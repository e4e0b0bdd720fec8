package dev.strata.app.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.app.cli.StrataCli;
import dev.strata.ports.driving.SavedState;
import dev.strata.app.wiring.StateFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** What a state file holds, read while a {@code serve} may still have it open. */
final class StateFileDocument {
  private StateFileDocument() {}

  /** Everything {@code state} holds, through {@code strata export}. */
  static SavedState export(Path state) throws IOException {
    Path json = Files.createTempFile(state.getParent(), "export", ".json");
    Files.delete(json);
    StringWriter err = new StringWriter();
    int code =
        StrataCli.execute(
            Map.of(), new PrintWriter(new StringWriter()), new PrintWriter(err),
            "export", "--to", json.toString(), "--state", state.toString());
    assertEquals(0, code, err.toString());
    SavedState saved = StateFile.read(json);
    Files.delete(json);
    return saved;
  }

  /** The model units held in every ledger of {@code state}, summed. */
  static long unitsHeld(Path state) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + state);
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT coalesce(sum(units), 0) FROM ledger")) {
      r.next();
      return r.getLong(1);
    }
  }
}
