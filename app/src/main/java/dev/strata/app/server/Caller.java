package dev.strata.app.server;

import dev.strata.domain.AccountId;
import dev.strata.domain.Region;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a request comes from once authenticated: the account it acts for, the region it addressed
 * (a SigV4 credential scope's; empty when the server's own region applies) and a principal to name
 * in audit lines: an access key id or an API key's name, never a secret. An {@code admin} caller's
 * credential is marked {@code "admin": true}: it may use the control API beyond its own account.
 */
public record Caller(AccountId account, Optional<Region> region, String principal, boolean admin) {
  public Caller {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(principal, "principal");
  }

  /** A caller whose credential is not an admin's. */
  public Caller(AccountId account, Optional<Region> region, String principal) {
    this(account, region, principal, false);
  }
}
