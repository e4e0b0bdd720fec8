package dev.strata.archfixtures.cycle.ports.driving;

import dev.strata.archfixtures.cycle.domain.Thing;
import dev.strata.archfixtures.cycle.ports.driven.StoresThings;

/** Violation, with {@link StoresThings}: driving and driven ports depend on each other. */
public interface CreatesThings {
  Thing create(StoresThings store);
}
