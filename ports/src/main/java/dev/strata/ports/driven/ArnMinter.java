package dev.strata.ports.driven;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelArn;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;

/**
 * Where identities come from: the scope Strata serves by default, and fresh provisioned-model ARNs
 * (D17). The only source of identifiers in the core. Thread-safe; never throws.
 */
public interface ArnMinter {

  /**
   * The partition, region and account of the caller Strata acts for when a request names none.
   * {@code Left} only when the account cannot be determined (e.g. STS unreachable).
   */
  Either<BedrockError, ResourceScope> homeScope();

  /**
   * A provisioned-model ARN in {@code scope} with a fresh twelve-character id of {@code [a-z0-9]}.
   * Ids must be unpredictable in production and may repeat only with negligible probability.
   */
  ProvisionedModelArn mint(ResourceScope scope);
}
