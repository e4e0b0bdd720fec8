package dev.strata.ports.driven;

import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;

/**
 * The limits of the model-unit ledgers of D14, per account and region: no-commitment units across
 * base models (L-FE44174A), no-commitment units across custom models (L-BE77399C), and committed
 * units per base model. Service Quotas in production, configured figures in memory.
 *
 * <p>Only the limits: the units held against them are kept by the store ({@link
 * ProvisionedThroughputs#unitsHeld}), which charges and releases them inside its atomic writes.
 * Implementations are thread-safe and never throw.
 */
@FunctionalInterface
public interface ModelUnitLimits {

  /** The limit of {@code key}'s ledger for {@code scope}'s account; left when it cannot be read. */
  Either<BedrockError, Long> limit(ResourceScope scope, QuotaKey key);
}
