package dev.strata.ports.driving;

import dev.strata.domain.AccountId;
import dev.strata.domain.BedrockError;
import io.vavr.control.Either;
import java.util.List;
import java.util.Optional;

/**
 * Faults armed against a Strata (D21): the next matching calls of a Bedrock operation answer an
 * error that Bedrock models for that operation, with AWS's status, and change nothing. Not a
 * Bedrock operation. Thread-safe.
 */
public interface FaultControl {
  /** The operation name of a fault that matches every operation. */
  String EVERY_OPERATION = "*";

  /**
   * Arms {@code request}. Left with a {@code ValidationError} naming every wrong member (an
   * unknown operation, an error not modelled for it, ...), and then nothing is armed.
   */
  Either<BedrockError, ArmedFault> arm(FaultRequest request);

  /**
   * The faults armed now, in arming order: all of them, or those that strike {@code account}'s
   * calls (its own and those of every account).
   */
  List<ArmedFault> armed(Optional<AccountId> account);

  /**
   * Disarms every fault, and seeds the probability draws again; or, for {@code account}, the
   * faults armed for that account only. Answers how many were disarmed.
   */
  int clear(Optional<AccountId> account);
}
