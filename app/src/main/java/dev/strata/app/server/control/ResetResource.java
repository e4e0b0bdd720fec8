package dev.strata.app.server.control;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.domain.AccountId;
import dev.strata.domain.BedrockError;
import dev.strata.domain.Region;
import dev.strata.domain.ResourceScope;
import dev.strata.ports.driving.StrataControl;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /_strata/reset}: removes every provisioned throughput with its tags, token and quota
 * units, and clears whatever else is registered to be reset; without a body everywhere (which also
 * returns the clock to real time, and needs an admin), with {@code {"account":"…","region":"…"}}
 * (both or neither) in that account and region only (its own account's caller, or an admin).
 * Answers {@code {"removed":N}}. The catalog stays.
 */
final class ResetResource implements ControlResource {
  private final StrataControl control;

  ResetResource(StrataControl control) {
    this.control = control;
  }

  @Override
  public String path() {
    return "reset";
  }

  @Override
  public List<ControlOperation> operations() {
    return List.of(
        new ControlOperation(
            "POST",
            "StrataReset",
            Set.of("account", "region"),
            request -> scope(request).map(s -> s.<Reach>map(in -> new Reach.Account(in.account())).orElse(new Reach.Everything())),
            this::reset));
  }

  private Either<BedrockError, ObjectNode> reset(ControlRequest request) {
    return scope(request)
        .flatMap(control::reset)
        .map(removed -> JsonNodeFactory.instance.objectNode().put("removed", removed));
  }

  /** The account and region the body names, within the caller's partition; empty for everywhere. */
  private static Either<BedrockError, Optional<ResourceScope>> scope(ControlRequest request) {
    return request
        .account("account")
        .flatMap(
            account ->
                request
                    .region("region")
                    .flatMap(region -> scope(request, account, region)));
  }

  private static Either<BedrockError, Optional<ResourceScope>> scope(
      ControlRequest request, Optional<AccountId> account, Optional<Region> region) {
    if (account.isPresent() != region.isPresent()) {
      String missing = account.isPresent() ? "region" : "account";
      return Either.left(
          ControlRequest.invalid(missing, null, "Member must be given with " + (account.isPresent() ? "account" : "region")));
    }
    return Either.right(
        account.map(a -> ResourceScope.of(request.exchange().scope().partition(), region.get(), a)));
  }
}
