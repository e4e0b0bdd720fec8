package dev.strata.archfixtures.domainleak.domain;

import dev.strata.archfixtures.domainleak.adapters.inmemory.InMemoryQuotas;

/** Violation: the domain reaches out to an adapter. */
public final class QuotaFromAdapter {
  public long units(InMemoryQuotas quotas) {
    return quotas.limit();
  }
}
