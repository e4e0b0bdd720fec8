package dev.strata.ports.application;

import dev.strata.domain.ResourceScope;
import java.util.Optional;

/**
 * Something besides the stored provisioned throughputs that a {@link StrataControlService#reset}
 * undoes (injected faults, ...): in {@code scope}, or everywhere when it is empty. Runs after the
 * store was emptied; must not throw.
 */
@FunctionalInterface
public interface ResetHook {
  void reset(Optional<ResourceScope> scope);
}
