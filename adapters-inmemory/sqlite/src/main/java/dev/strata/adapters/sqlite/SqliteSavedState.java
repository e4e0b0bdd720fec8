package dev.strata.adapters.sqlite;

import static dev.strata.adapters.sqlite.ThroughputRows.deleteIn;
import static dev.strata.adapters.sqlite.ThroughputRows.everything;
import static dev.strata.adapters.sqlite.ThroughputRows.held;
import static dev.strata.adapters.sqlite.ThroughputRows.one;
import static dev.strata.adapters.sqlite.ThroughputRows.setHeld;
import static dev.strata.adapters.sqlite.ThroughputRows.store;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driving.SavedState;
import dev.strata.ports.driving.StateControl;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The whole state of a {@link SqliteStateFile}, read, replaced or added to at once: every
 * provisioned throughput with its ledgers, and the seeded minter's position ({@code ids_minted}).
 * A failure of the file is a {@code Left}, as for {@link SqliteProvisionedThroughputs}, and
 * changed nothing.
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
          long minted = hold(c, state);
          return new StateControl.Replaced(removed, state.provisionedThroughputs().size(), minted);
        });
  }

  /**
   * Adds {@code state}'s provisioned throughputs to the stored ones, holding their units without a
   * limit, and raises the minter's position to at least {@code state}'s, in one transaction: all of
   * it, or nothing when one of them has an ARN, or in its scope a name or client request token,
   * that a stored one has (a {@code ValidationException} naming the first such record by its JSON
   * path {@code $.provisionedThroughputs[i]}, the member and the stored ARN). {@code state} holds
   * no ARN twice and, within one scope, no name or token twice.
   *
   * @return the minter's position after the import
   */
  public Either<BedrockError, Long> addAll(SavedState state) {
    return store
        .write(
            c -> {
              Option<String> clash = clashWithStored(c, state);
              if (clash.isDefined()) {
                return Either.<String, Long>left(clash.get());
              }
              return Either.<String, Long>right(hold(c, state));
            })
        .flatMap(
            added ->
                added.mapLeft(
                    clash ->
                        new BedrockError.ValidationError(new ValidationFact.NotAStateDocument(clash))));
  }

  /** The first record of {@code state} whose ARN, name or token a stored one has, and which. */
  private static Option<String> clashWithStored(Connection c, SavedState state) throws SQLException {
    List<ProvisionedThroughput> pts = state.provisionedThroughputs();
    for (int i = 0; i < pts.size(); i++) {
      ProvisionedThroughput pt = pts.get(i);
      String record = "$.provisionedThroughputs[" + i + "].";
      if (one(c, "id", pt.scope(), pt.id().value()).isDefined()) {
        return Option.some(
            record + "provisionedModelArn '" + pt.provisionedModelArn() + "' is already stored");
      }
      Option<ProvisionedThroughput> named = one(c, "name", pt.scope(), pt.provisionedModelName().value());
      if (named.isDefined()) {
        return Option.some(
            record + "provisionedModelName '" + pt.provisionedModelName()
                + "' is already that of the stored " + named.get().provisionedModelArn());
      }
      if (pt.clientRequestToken().isPresent()) {
        String token = pt.clientRequestToken().get().value();
        Option<ProvisionedThroughput> holder = one(c, "token", pt.scope(), token);
        if (holder.isDefined()) {
          return Option.some(
              record + "clientRequestToken '" + token + "' is already that of the stored "
                  + holder.get().provisionedModelArn());
        }
      }
    }
    return Option.none();
  }

  /**
   * Stores {@code state}'s provisioned throughputs with their ledger units, which are free to
   * store, and raises the minter's position to at least {@code state}'s; that position.
   */
  private static long hold(Connection c, SavedState state) throws SQLException {
    for (ProvisionedThroughput pt : state.provisionedThroughputs()) {
      store(c, pt);
      QuotaKey key = pt.quotaCharge().key();
      long held = held(c, pt.scope(), key);
      setHeld(c, pt.scope(), key, held + pt.quotaCharge().units().value());
    }
    long minted = Math.max(state.idsMinted(), SqliteStateFile.meta(c, "ids_minted"));
    SqliteStateFile.setMeta(c, "ids_minted", minted);
    return minted;
  }
}
