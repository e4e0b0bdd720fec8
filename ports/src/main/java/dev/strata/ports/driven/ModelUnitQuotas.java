package dev.strata.ports.driven;

import dev.strata.domain.BedrockError;
import dev.strata.domain.QuotaCharge;
import dev.strata.domain.QuotaKey;
import dev.strata.domain.QuotaUsage;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;

/**
 * The model-unit ledgers of D14, per account and region: no-commitment units across base models
 * (L-FE44174A), no-commitment units across custom models (L-BE77399C), and committed units per
 * base model.
 *
 * <p>Reserve and release are atomic: however many callers race, the units held in a ledger never
 * exceed its limit, and a reservation is either wholly made or not at all. Implementations are
 * thread-safe and never throw.
 *
 * <p>The units that stored provisioned throughputs hold are in these same ledgers: {@link
 * ProvisionedThroughputs#insert(dev.strata.domain.ProvisionedThroughput, long)} holds them, and
 * {@link ProvisionedThroughputs#removeAndRelease} gives them back, each in one atomic step with
 * the record, so a Create is never charged without being stored, nor stored without being charged.
 */
public interface ModelUnitQuotas {

  /**
   * Holds {@code charge}'s units in its ledger. {@code Left(ServiceQuotaExceeded)} when they do not
   * fit, with the ledger unchanged; other lefts only for failures of the ledger itself.
   */
  Either<BedrockError, QuotaCharge> reserve(ResourceScope scope, QuotaCharge charge);

  /**
   * Gives back units an earlier {@link #reserve} held. Releasing more than is held is a bug and
   * leaves the ledger at zero rather than negative.
   */
  Either<BedrockError, QuotaCharge> release(ResourceScope scope, QuotaCharge charge);

  /** The ledger's limit and the units held against it now. */
  Either<BedrockError, QuotaUsage> usage(ResourceScope scope, QuotaKey key);
}
