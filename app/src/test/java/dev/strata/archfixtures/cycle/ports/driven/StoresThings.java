package dev.strata.archfixtures.cycle.ports.driven;

import dev.strata.archfixtures.cycle.domain.Thing;
import dev.strata.archfixtures.cycle.ports.driving.CreatesThings;

/** Violation, with {@link CreatesThings}. */
public interface StoresThings {
  Thing store(Thing thing, CreatesThings origin);
}
