package dev.strata.ports.driving;

import dev.strata.domain.AccountId;
import dev.strata.domain.BedrockError.Shape;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * A fault as it is armed now (D21).
 *
 * @param operation a Bedrock operation name, or {@code *}
 * @param remaining how many more matching calls fail, for a count fault
 * @param probability the chance that a matching call fails, for a probability fault
 * @param account the only account it strikes, or every account
 */
public record ArmedFault(
    String operation,
    Shape error,
    OptionalInt remaining,
    OptionalDouble probability,
    long latencyMs,
    Optional<AccountId> account) {

  /** Whether it strikes calls of {@code operationName} made by {@code caller}. */
  public boolean matches(String operationName, AccountId caller) {
    return (operation.equals(FaultControl.EVERY_OPERATION) || operation.equals(operationName))
        && account.map(caller::equals).orElse(true);
  }
}
