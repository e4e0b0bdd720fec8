package dev.strata.ports.driving;

import dev.strata.domain.ClientRequestToken;
import dev.strata.domain.CommitmentDuration;
import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ModelUnits;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.Tags;
import dev.strata.ports.validation.AwsEnum;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The members of CreateProvisionedModelThroughputRequest, as they arrive. Every constraint of the
 * service model is declared here, on the domain's constants; the members are raw so that bad input
 * is reported rather than refused by the type system.
 *
 * @param clientRequestToken optional idempotency token (D2, D3); SDKs send a UUID
 * @param modelUnits required, at least 1
 * @param provisionedModelName required, unique per account and region (D1)
 * @param modelId required: a foundation-model id with context variant, a foundation- or
 *     custom-model ARN, or a custom-model name
 * @param commitmentDuration {@code OneMonth}, {@code SixMonths}, or {@code null} for none
 * @param tags optional; {@code null} means none
 */
public record CreateProvisionedModelThroughputCommand(
    @Size(min = ClientRequestToken.MIN_LENGTH, max = ClientRequestToken.MAX_LENGTH)
        @AwsPattern(ClientRequestToken.PATTERN)
        String clientRequestToken,
    @NotNull @Min(ModelUnits.MIN) Integer modelUnits,
    @NotNull
        @Size(min = ProvisionedModelName.MIN_LENGTH, max = ProvisionedModelName.MAX_LENGTH)
        @AwsPattern(ProvisionedModelName.PATTERN)
        String provisionedModelName,
    @NotNull
        @Size(min = ModelIdentifier.MIN_LENGTH, max = ModelIdentifier.MAX_LENGTH)
        @AwsPattern(ModelIdentifier.PATTERN)
        String modelId,
    @AwsEnum(CommitmentDuration.class) String commitmentDuration,
    @Size(max = Tags.MAX_PER_REQUEST) List<@NotNull @Valid RequestTag> tags) {

  /** Starts a command with the three required members. */
  public static Builder builder(String provisionedModelName, String modelId, int modelUnits) {
    return new Builder(provisionedModelName, modelId, modelUnits);
  }

  /** Fluent construction for Java callers; the record's constructor works as well. */
  public static final class Builder {
    private final String provisionedModelName;
    private final String modelId;
    private final Integer modelUnits;
    private String clientRequestToken;
    private String commitmentDuration;
    private final java.util.ArrayList<RequestTag> tags = new java.util.ArrayList<>();

    private Builder(String provisionedModelName, String modelId, Integer modelUnits) {
      this.provisionedModelName = provisionedModelName;
      this.modelId = modelId;
      this.modelUnits = modelUnits;
    }

    public Builder clientRequestToken(String token) {
      this.clientRequestToken = token;
      return this;
    }

    public Builder commitmentDuration(CommitmentDuration duration) {
      this.commitmentDuration = duration == null ? null : duration.name();
      return this;
    }

    public Builder tag(String key, String value) {
      tags.add(RequestTag.of(key, value));
      return this;
    }

    public CreateProvisionedModelThroughputCommand build() {
      return new CreateProvisionedModelThroughputCommand(
          clientRequestToken,
          modelUnits,
          provisionedModelName,
          modelId,
          commitmentDuration,
          List.copyOf(tags));
    }
  }
}
