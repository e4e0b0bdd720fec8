package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ProvisionedThroughput;

/** D1: provisioned model names are unique per account and region. */
final class Names {
  private Names() {}

  /** The refusal of a name that {@code holder} already has. */
  static BedrockError taken(ProvisionedThroughput holder) {
    return new ValidationError(
        "A provisioned throughput named '"
            + holder.provisionedModelName()
            + "' already exists in this account and region: "
            + holder.provisionedModelArn()
            + ". Provisioned model names must be unique.");
  }
}
