package dev.strata.app.wiring;

import dev.strata.adapters.aws.SdkSignatureV4;
import dev.strata.app.server.Authentication;
import dev.strata.app.server.Credentials;
import java.time.Clock;
import java.util.Set;

/** The HTTP endpoint's side of the composition: how {@code serve} checks its callers. */
public final class EndpointAuthentication {
  private EndpointAuthentication() {}

  /**
   * How the HTTP endpoint checks callers in {@code modes} against {@code keys}: SigV4 signatures
   * recomputed by the AWS SDK's own signer (whatever adapters the Strata behind it uses), and
   * signing times checked against the wall clock, which is never the service's clock.
   */
  public static Authentication of(Set<Authentication.Mode> modes, Credentials keys) {
    return Authentication.of(modes, keys, new SdkSignatureV4(), Clock.systemUTC());
  }
}
