package dev.strata.archfixtures.adapterleak.adapters.aws;

import dev.strata.archfixtures.adapterleak.domain.Model;
import dev.strata.archfixtures.adapterleak.ports.driven.Catalog;

/** Kept: an adapter implements a port on top of the domain. */
public final class AwsUsesPorts implements Catalog {
  @Override
  public Model find(String id) {
    return new Model(id);
  }
}
