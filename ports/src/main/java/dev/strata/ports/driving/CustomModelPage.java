package dev.strata.ports.driving;

import dev.strata.domain.CustomModel;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** One page of ListCustomModels; {@code nextToken} is present when another page may follow. */
public record CustomModelPage(List<CustomModel> modelSummaries, Option<String> nextToken) {}
