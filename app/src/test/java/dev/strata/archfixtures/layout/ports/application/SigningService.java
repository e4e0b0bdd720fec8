package dev.strata.archfixtures.layout.ports.application;

import dev.strata.archfixtures.layout.ports.edge.Signer;

/** Broken: the application layer drives an edge port. */
public final class SigningService {
  public String sign(Signer signer) {
    return signer.sign("request");
  }
}
