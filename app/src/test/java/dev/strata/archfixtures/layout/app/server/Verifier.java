package dev.strata.archfixtures.layout.app.server;

import dev.strata.archfixtures.layout.ports.edge.Signer;

/** Kept: the HTTP edge uses the edge port. */
public final class Verifier {
  public boolean verify(Signer signer, String request, String signature) {
    return signer.sign(request).equals(signature);
  }
}
