package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import dev.strata.ports.application.control.HeldState;
import dev.strata.ports.driving.SavedState;
import dev.strata.ports.driving.StateControl;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * The whole state of an in-memory store and its seeded minter, read and replaced at once: what
 * {@code StrataControl#state()} exports and imports on in-memory adapters. Never fails.
 */
public final class InMemoryHeldState implements HeldState {
  private final InMemoryProvisionedThroughputs store;
  private final InMemoryArnMinter minter;

  public InMemoryHeldState(InMemoryProvisionedThroughputs store, InMemoryArnMinter minter) {
    this.store = Objects.requireNonNull(store, "store");
    this.minter = Objects.requireNonNull(minter, "minter");
  }

  @Override
  public Either<BedrockError, SavedState> read() {
    return Either.right(new SavedState(minter.idsMinted(), store.snapshot().asJava()));
  }

  @Override
  public Either<BedrockError, StateControl.Replaced> replace(SavedState state) {
    int removed = store.replaceAll(state.provisionedThroughputs());
    minter.mintedAtLeast(state.idsMinted());
    return Either.right(
        new StateControl.Replaced(removed, state.provisionedThroughputs().size(), minter.idsMinted()));
  }
}
