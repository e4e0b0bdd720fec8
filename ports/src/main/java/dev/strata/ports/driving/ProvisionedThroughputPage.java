package dev.strata.ports.driving;

import dev.strata.domain.ProvisionedThroughput;
import io.vavr.collection.List;
import io.vavr.control.Option;

/**
 * One page of ListProvisionedModelThroughputs.
 *
 * @param provisionedModelSummaries the page, in the requested order
 * @param nextToken present exactly when another page may follow
 */
public record ProvisionedThroughputPage(
    List<ProvisionedThroughput> provisionedModelSummaries, Option<String> nextToken) {}
