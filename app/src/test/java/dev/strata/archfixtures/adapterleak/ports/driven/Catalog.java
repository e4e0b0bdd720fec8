package dev.strata.archfixtures.adapterleak.ports.driven;

import dev.strata.archfixtures.adapterleak.domain.Model;

public interface Catalog {
  Model find(String id);
}
