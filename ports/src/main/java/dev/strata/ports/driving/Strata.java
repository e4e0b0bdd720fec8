package dev.strata.ports.driving;

import dev.strata.domain.BedrockError;
import dev.strata.domain.ResourceScope;
import io.vavr.control.Either;

/**
 * Everything Strata does, in one place: the Bedrock provisioned-throughput operations of one
 * account and region. Implementations are thread-safe.
 */
public interface Strata
    extends CreateProvisionedModelThroughput,
        GetProvisionedModelThroughput,
        ListProvisionedModelThroughputs,
        UpdateProvisionedModelThroughput,
        DeleteProvisionedModelThroughput,
        TagResource,
        UntagResource,
        ListTagsForResource,
        ModelCatalogQueries,
        StatusTransitions {

  /**
   * The partition, region and account these operations act for. {@code Left} only when it cannot
   * be determined (e.g. the account comes from STS and STS is unreachable).
   */
  Either<BedrockError, ResourceScope> scope();

  /**
   * The same operations acting for {@code scope}: they see, list, change and count quota for that
   * account and region only, and any other scope's provisioned throughputs are not found. Shares
   * this Strata's adapters; cheap to call per request.
   */
  Strata forScope(ResourceScope scope);
}
