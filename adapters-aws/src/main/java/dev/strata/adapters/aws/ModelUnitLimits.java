package dev.strata.adapters.aws;

import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;

/**
 * Where the limits of the model-unit ledgers (D14) come from: Service Quotas in production, fixed
 * figures in tests. Usage is kept elsewhere (DynamoDB). Thread-safe; never throws.
 */
@FunctionalInterface
public interface ModelUnitLimits {

  /** The limit of {@code key}'s ledger for {@code scope}'s account; left when it cannot be read. */
  Either<BedrockError, Long> limit(ResourceScope scope, QuotaKey key);
}
