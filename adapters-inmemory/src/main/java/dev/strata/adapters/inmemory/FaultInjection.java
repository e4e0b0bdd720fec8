package dev.strata.adapters.inmemory;

import dev.strata.domain.BedrockError;
import io.vavr.control.Either;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A failure an in-memory adapter answers with instead of working, so that callers can rehearse
 * what a real dependency does to them: throttling, access denied, an outage. While a fault is set,
 * every call of the adapter returns it as a left and changes nothing.
 */
public final class FaultInjection {
  private final AtomicReference<BedrockError> fault = new AtomicReference<>();

  /** From now on every call fails with {@code error}. */
  public void failWith(BedrockError error) {
    fault.set(java.util.Objects.requireNonNull(error, "error"));
  }

  /** From now on calls work again. */
  public void clear() {
    fault.set(null);
  }

  public Optional<BedrockError> current() {
    return Optional.ofNullable(fault.get());
  }

  /** The injected fault, or what {@code call} answers. */
  <T> Either<BedrockError, T> guard(Supplier<Either<BedrockError, T>> call) {
    BedrockError error = fault.get();
    return error != null ? Either.left(error) : call.get();
  }
}
