package dev.strata.ports.application;

import dev.strata.domain.BedrockError;
import dev.strata.domain.BedrockError.ValidationError;
import dev.strata.domain.ProvisionedThroughput;
import dev.strata.domain.ValidationFact;

/** D1: provisioned model names are unique per account and region. */
final class Names {
  private Names() {}

  /** The refusal of a name that {@code holder} already has. */
  static BedrockError taken(ProvisionedThroughput holder) {
    return new ValidationError(
        new ValidationFact.NameTaken(holder.provisionedModelName(), holder.provisionedModelArn()));
  }
}
