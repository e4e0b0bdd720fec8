package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;
import java.time.Clock;

/**
 * Retire: DeleteProvisionedModelThroughput. Refused inside a commitment term (D7); otherwise the
 * record is removed and its model units go back to their ledger in the same write (D14).
 */
final class RetireUseCase {
  private final Locator locator;
  private final OptimisticWrites writes;
  private final Clock clock;

  RetireUseCase(Locator locator, OptimisticWrites writes, Clock clock) {
    this.locator = locator;
    this.writes = writes;
    this.clock = clock;
  }

  Either<BedrockError, ProvisionedThroughput> delete(ResourceScope scope, String identifier) {
    return locator
        .locate(scope, identifier)
        .flatMap(target -> writes.remove(target, current -> current.deletable(clock.instant())));
  }
}
