package dev.strata.archfixtures.layout.ports.driven;

import dev.strata.archfixtures.layout.ports.edge.Signer;

/** Broken: a driven port names an edge port. */
public interface SignedStore {
  void save(Signer signer);
}
