package dev.strata.adapters.sqlite;

import static dev.strata.adapters.sqlite.ThroughputRows.deleteIn;
import static dev.strata.adapters.sqlite.ThroughputRows.everything;
import static dev.strata.adapters.sqlite.ThroughputRows.held;
import static dev.strata.adapters.sqlite.ThroughputRows.setHeld;
import static dev.strata.adapters.sqlite.ThroughputRows.store;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.ports.driving.SavedState;
import dev.strata.ports.driving.StateControl;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The whole state of a {@link SqliteStateFile}, read and replaced at once: every provisioned
 * throughput with its ledgers, and the seeded minter's position ({@code ids_minted}). A failure of
 * the file is a {@code Left}, as for {@link SqliteProvisionedThroughputs}, and changed nothing.
 */
public final class SqliteSavedState {
  private final SqliteProvisionedThroughputs store;

  /** The state of the file {@code store} is kept in. */
  public SqliteSavedState(SqliteProvisionedThroughputs store) {
    this.store = store;
  }

  /** Everything the file holds, read at one moment. */
  public Either<BedrockError, SavedState> saved() {
    return store.read(
        c -> new SavedState(SqliteStateFile.meta(c, "ids_minted"), everything(c)));
  }

  /**
   * Replaces every stored provisioned throughput and ledger by {@code state}'s, holding their units
   * without a limit, and raises the minter's position to at least {@code state}'s, in one
   * transaction: all of it, or on a {@code Left} nothing. {@code state} holds no ARN twice and,
   * within one scope, no name or token twice.
   */
  public Either<BedrockError, StateControl.Replaced> replaceAll(SavedState state) {
    return store.write(
        c -> {
          int removed = deleteIn(c, "provisioned_throughput", Option.none());
          deleteIn(c, "ledger", Option.none());
          for (ProvisionedThroughput pt : state.provisionedThroughputs()) {
            store(c, pt);
            QuotaKey key = pt.quotaCharge().key();
            long held = held(c, pt.scope(), key);
            setHeld(c, pt.scope(), key, held + pt.quotaCharge().units().value());
          }
          long minted = Math.max(state.idsMinted(), SqliteStateFile.meta(c, "ids_minted"));
          SqliteStateFile.setMeta(c, "ids_minted", minted);
          return new StateControl.Replaced(removed, state.provisionedThroughputs().size(), minted);
        });
  }
}
