package dev.strata.ports.driving;

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
        StatusTransitions {}
