package dev.strata.adapters.sqlite;

import static dev.strata.ports.contract.Fixtures.HOME;
import static dev.strata.ports.contract.Fixtures.OTHER_REGION;
import static dev.strata.ports.contract.Fixtures.id;
import static dev.strata.ports.contract.Fixtures.provisioned;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strata.domain.QuotaKey;
import dev.strata.ports.driving.SavedState;
import dev.strata.ports.driving.StateControl.Replaced;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SqliteSavedState}: the whole state file read and replaced in one transaction. */
class SqliteSavedStateTest {
  private final SqliteProvisionedThroughputs store = FreshStateFile.emptyStore();
  private final SqliteSavedState state = new SqliteSavedState(store);

  @Test
  void a_replacement_is_read_back_with_its_units_held_and_the_minter_never_moves_back() {
    store.insert(provisioned(HOME, id(1), "old"), Long.MAX_VALUE).get();
    SavedState replacement =
        new SavedState(7, List.of(provisioned(OTHER_REGION, id(3), "chat"), provisioned(HOME, id(2), "chat", "token-chat")));

    assertEquals(new Replaced(1, 2, 7), state.replaceAll(replacement).get());
    assertEquals(replacement, state.saved().get(), "by scope, then oldest first");
    assertEquals(1, store.unitsHeld(OTHER_REGION, QuotaKey.noCommitmentBaseModels()).get());
    assertEquals(new Replaced(2, 0, 7), state.replaceAll(SavedState.empty()).get());
    assertEquals(0, store.unitsHeld(HOME, QuotaKey.noCommitmentBaseModels()).get());
  }

  @Test
  void a_replacement_the_file_refuses_midway_is_rolled_back_whole() {
    store.insert(provisioned(HOME, id(1), "kept"), Long.MAX_VALUE).get();
    SavedState before = state.saved().get();
    SavedState sameNameTwice =
        new SavedState(9, List.of(provisioned(HOME, id(2), "twice"), provisioned(HOME, id(3), "twice")));

    assertEquals("InternalServerException", state.replaceAll(sameNameTwice).getLeft().errorCode());
    assertEquals(before, state.saved().get());
  }
}
