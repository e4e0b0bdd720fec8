package dev.strata.app.server.control;

import dev.strata.app.server.Caller;
import dev.strata.domain.BedrockError;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Who may make a control call. Without authentication (the loopback default) anyone may. An
 * authenticated caller may make calls that reach nothing or its own account; calls that reach
 * another account or everything (the global clock and reset, the whole state, quota limits) need
 * a credential marked {@code "admin": true}. Anyone else gets 403 {@code AccessDeniedException}.
 */
final class ControlAccess {
  private ControlAccess() {}

  /** {@code reach} if {@code caller} may make {@code operation}, else the refusal. */
  static Either<BedrockError, Reach> check(Optional<Caller> caller, String operation, Reach reach) {
    if (caller.isEmpty() || caller.get().admin()) {
      return Either.right(reach);
    }
    Caller who = caller.get();
    if (reach instanceof Reach.Nothing) {
      return Either.right(reach);
    }
    if (reach instanceof Reach.Account account) {
      return account.account().equals(who.account())
          ? Either.right(reach)
          : denied(who, operation, "account " + account.account());
    }
    return denied(who, operation, "every account");
  }

  private static Either<BedrockError, Reach> denied(Caller who, String operation, String reached) {
    return Either.left(
        new BedrockError.AccessDenied(
            "User " + who.principal() + " of account " + who.account() + " is not authorized to"
                + " perform " + operation + " on " + reached + ": a credential may control its own"
                + " account only, unless it is marked \"admin\": true."));
  }
}
