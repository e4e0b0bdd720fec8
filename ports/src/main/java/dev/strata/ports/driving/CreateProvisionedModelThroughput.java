package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ProvisionedModelArn;
import io.vavr.control.Either;

/** Bedrock's CreateProvisionedModelThroughput: buys model units of one model. */
public interface CreateProvisionedModelThroughput {

  /**
   * Creates a provisioned throughput, or returns the one an earlier request with the same client
   * request token created (D2, D3).
   *
   * <p>Left, and nothing created or reserved, with:
   *
   * <ul>
   *   <li>{@code ValidationError}: any constraint of the model (all at once), a name already in use
   *       (D1), repeated or reserved tag keys (D6), a model that cannot be provisioned or not without
   *       commitment (D12, D13), or a token reused with other parameters in strict mode (D3);
   *   <li>{@code ResourceNotFound}: the model does not exist for this account and region (D12);
   *   <li>{@code TooManyTags}: more than 50 tags (D5);
   *   <li>{@code ServiceQuotaExceeded}: the model units do not fit the ledger (D14);
   *   <li>{@code AccessDenied}, {@code Throttling}, {@code InternalServerError}: from a driven port.
   * </ul>
   */
  Either<BedrockError, ProvisionedModelArn> createProvisionedModelThroughput(
      CreateProvisionedModelThroughputCommand command);
}
