package dev.strata.ports.application.control;

import dev.strata.domain.AccountId;
import dev.strata.domain.FieldViolation;
import dev.strata.domain.Region;
import dev.strata.domain.ResourceScope;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;

/** The account and region a control request names, each defaulting to the caller's. */
final class ControlScopes {
  private ControlScopes() {}

  /**
   * {@code caller}'s scope with the {@code account} and {@code region} members put in where given,
   * or every violation, naming those members.
   */
  static Either<Seq<FieldViolation>, ResourceScope> resolve(
      ResourceScope caller, String account, String region) {
    Validation<Seq<String>, AccountId> a =
        account == null ? Validation.valid(caller.account()) : AccountId.parse(account);
    Validation<Seq<String>, Region> r =
        region == null ? Validation.valid(caller.region()) : Region.parse(region);
    Seq<FieldViolation> violations =
        violations("account", account, a).appendAll(violations("region", region, r));
    return violations.isEmpty()
        ? Either.right(ResourceScope.of(caller.partition(), r.get(), a.get()))
        : Either.left(violations);
  }

  static Seq<FieldViolation> violations(String member, Object raw, Validation<Seq<String>, ?> parsed) {
    return parsed.isValid()
        ? List.empty()
        : parsed.getError().map(sentence -> new FieldViolation(member, raw, sentence));
  }
}
