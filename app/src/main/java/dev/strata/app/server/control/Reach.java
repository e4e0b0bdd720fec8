package dev.strata.app.server.control;

import dev.strata.domain.AccountId;
import dev.strata.domain.BedrockError;
import io.vavr.control.Either;
import java.util.Objects;

/**
 * What one control call touches, which decides who may make it ({@link ControlAccess}): no
 * account's state, one account's, or every account's and the global clock.
 */
sealed interface Reach {

  /** Touches no account's state (health, reading the clock): any caller. */
  record Nothing() implements Reach {}

  /** Touches {@code account}'s state only: a caller of that account, or an admin. */
  record Account(AccountId account) implements Reach {
    public Account {
      Objects.requireNonNull(account, "account");
    }
  }

  /** Touches every account, or the clock they share: an admin only. */
  record Everything() implements Reach {}

  /** How an operation finds its reach from its request; a malformed request is refused first. */
  @FunctionalInterface
  interface Rule {
    Either<BedrockError, Reach> of(ControlRequest request);

    /** The operation touches nothing any account owns. */
    static Rule nothing() {
      return request -> Either.right(new Nothing());
    }

    /** The operation touches every account. */
    static Rule everything() {
      return request -> Either.right(new Everything());
    }

    /** The operation touches the account the caller acts in. */
    static Rule callersAccount() {
      return request -> Either.right(new Account(request.exchange().scope().account()));
    }
  }
}
