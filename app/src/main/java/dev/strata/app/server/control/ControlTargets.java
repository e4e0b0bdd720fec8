package dev.strata.app.server.control;

import dev.strata.app.server.Caller;
import dev.strata.domain.AccountId;
import dev.strata.domain.BedrockError;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;
import java.util.Optional;

/** Whom a control call of faults, quotas or custom models is for, from its members. */
final class ControlTargets {
  private ControlTargets() {}

  /**
   * The account a fault call is for: the {@code account} member when given; else an
   * authenticated caller's own account unless it is an admin; else every account (an admin's
   * call, or anyone's when the server requires no authentication).
   */
  static Either<BedrockError, Optional<AccountId>> account(ControlRequest request) {
    Optional<AccountId> caller =
        request.exchange().caller().filter(c -> !c.admin()).map(Caller::account);
    return request.account("account").map(named -> named.or(() -> caller));
  }

  /** What a call for {@link #account} reaches: that account, or every account. */
  static Reach.Rule reach() {
    return request ->
        account(request)
            .map(a -> a.<Reach>map(Reach.Account::new).orElseGet(Reach.Everything::new));
  }

  /** The account and region the request names, each the caller's when it names none. */
  static Either<BedrockError, ResourceScope> scope(ControlRequest request) {
    ResourceScope caller = request.exchange().scope();
    return request
        .account("account")
        .flatMap(
            account ->
                request
                    .region("region")
                    .map(
                        region ->
                            ResourceScope.of(
                                caller.partition(),
                                region.orElse(caller.region()),
                                account.orElse(caller.account()))));
  }
}
