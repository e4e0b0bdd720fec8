package dev.strata.archfixtures.layout.ports.edge;

/** Kept: an edge port, used by the HTTP edge only. */
public interface Signer {
  String sign(String request);
}
