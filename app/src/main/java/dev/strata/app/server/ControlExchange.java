package dev.strata.app.server;

import dev.strata.domain.ResourceScope;
import dev.strata.ports.driving.Strata;
import java.util.Objects;
import java.util.Optional;

/**
 * One control request once authenticated: its raw query and body, who sent it ({@code caller} is
 * empty when the server requires no authentication, and then anyone may do anything), the account
 * and region it acts in, and the Strata acting for them.
 */
public record ControlExchange(
    String rawQuery, byte[] body, Optional<Caller> caller, ResourceScope scope, Strata acting) {
  public ControlExchange {
    Objects.requireNonNull(rawQuery, "rawQuery");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(acting, "acting");
  }
}
