package dev.strata.domain;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The parameters of the Create request that made a provisioned throughput, kept so that a retry
 * with the same client request token can be told apart from a reuse with different parameters
 * (D2, D3).
 */
@Value.Immutable
public abstract class CreationRequest {
  public abstract ProvisionedModelName provisionedModelName();

  public abstract ModelUnits modelUnits();

  public abstract ModelIdentifier modelId();

  public abstract Optional<CommitmentDuration> commitmentDuration();

  public abstract List<Tag> tags();

  public static CreationRequest of(
      ProvisionedModelName name,
      ModelUnits units,
      ModelIdentifier modelId,
      Optional<? extends CommitmentDuration> commitment,
      Iterable<? extends Tag> tags) {
    return ImmutableCreationRequest.of(name, units, modelId, commitment, tags);
  }
}
