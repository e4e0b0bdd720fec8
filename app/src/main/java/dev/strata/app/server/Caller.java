package dev.strata.app.server;

import dev.strata.domain.AccountId;
import dev.strata.domain.Region;
import java.util.Objects;
import java.util.Optional;

/**
 * Who a request comes from once authenticated: the account it acts for, the region it addressed
 * (a SigV4 credential scope's; empty when the server's own region applies) and a principal to name
 * in audit lines: an access key id or an API key's name, never a secret.
 */
public record Caller(AccountId account, Optional<Region> region, String principal) {
  public Caller {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(principal, "principal");
  }
}
