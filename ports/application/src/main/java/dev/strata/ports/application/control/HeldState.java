package dev.strata.ports.application.control;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ValidationFact;
import dev.strata.ports.driving.SavedState;
import dev.strata.ports.driving.StateControl;
import io.vavr.control.Either;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The whole state where a composition root's adapters hold it in reach: read and replaced at once.
 * Not a driven port, since a store shared by many instances (DynamoDB) cannot offer it: the
 * composition root builds it from what its adapters can do (the in-memory store and minter, the
 * state file), or answers {@link #elsewhere}. {@link StateTransfer} is the one {@link StateControl}
 * over it. Implementations are thread-safe.
 */
public interface HeldState {

  /** Every provisioned throughput of every scope, by scope then oldest first, and the minter's position. */
  Either<BedrockError, SavedState> read();

  /**
   * Replaces every provisioned throughput by {@code state}'s, holding their units without a limit,
   * and raises the minter's position to at least {@code state}'s; all of it, or on a {@code Left}
   * nothing. {@code state} holds no ARN twice and, within one scope, no name or token twice.
   */
  Either<BedrockError, StateControl.Replaced> replace(SavedState state);

  /** The state that {@code read} reads and {@code replace} replaces, as {@link #read} and {@link #replace} say. */
  static HeldState of(
      Supplier<Either<BedrockError, SavedState>> read,
      Function<SavedState, Either<BedrockError, StateControl.Replaced>> replace) {
    Objects.requireNonNull(read, "read");
    Objects.requireNonNull(replace, "replace");
    return new HeldState() {
      @Override
      public Either<BedrockError, SavedState> read() {
        return read.get();
      }

      @Override
      public Either<BedrockError, StateControl.Replaced> replace(SavedState state) {
        return replace.apply(state);
      }
    };
  }

  /**
   * A state not held in reach, for {@code reason} (e.g. {@code it lives in the DynamoDB table
   * strata}): every call is refused with a {@code ValidationException} saying so.
   */
  static HeldState elsewhere(String reason) {
    BedrockError refused = new BedrockError.ValidationError(new ValidationFact.StateHeldElsewhere(reason));
    return of(() -> Either.left(refused), state -> Either.left(refused));
  }
}
