package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * What a test does to a Strata besides calling Bedrock operations: read and move the service
 * clock (D20), reset state, check health, inject faults (D21), read and change quotas, register
 * custom models, export and import the whole state. Not Bedrock operations; the HTTP control API
 * under {@code /_strata/} is a thin adapter over it. Each concern is a small handle or method, so
 * that more can be added beside them. Implementations are thread-safe.
 */
public interface StrataControl {

  /** The one service clock every Bedrock-visible time is read from (D20). */
  ServiceClockControl clock();

  /**
   * Removes every provisioned throughput, with its tags, client request token and the quota units
   * it holds, in {@code scope} or, when empty, everywhere, and undoes whatever else was registered
   * to be reset (injected faults, ...). A reset of everywhere also returns the service clock to
   * real time. The catalog stays as it is.
   *
   * @return how many provisioned throughputs were removed
   */
  Either<BedrockError, Integer> reset(Optional<ResourceScope> scope);

  /** What runs and on which adapters. */
  Health health();

  /** Faults injected into the Bedrock operations (D21); a reset disarms them. */
  FaultControl faults();

  /** Model-unit limits and usage at run time (D14). */
  QuotaControl quotas();

  /** Custom models registered at run time; a reset leaves them. */
  CustomModelControl customModels();

  /** The whole state as one document, exported and imported at once. */
  StateControl state();
}
