package dev.strata.archfixtures.good.ports.edge;

/** What the good fixture's edge needs from an adapter; nothing in its core names it. */
public interface RequestSigner {
  String signature(String canonicalRequest);
}
