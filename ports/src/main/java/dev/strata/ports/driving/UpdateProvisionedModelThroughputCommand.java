package dev.strata.ports.driving;

import dev.strata.domain.ModelIdentifier;
import dev.strata.domain.ProvisionedModelIdentifier;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * UpdateProvisionedModelThroughputRequest.
 *
 * @param provisionedModelId the name or the ARN (D15)
 * @param desiredProvisionedModelName the new name, or {@code null} to keep it
 * @param desiredModelId the model to move to (D11), or {@code null} to keep it
 */
public record UpdateProvisionedModelThroughputCommand(
    @NotNull @AwsPattern(ProvisionedModelIdentifier.PATTERN) String provisionedModelId,
    @Size(min = ProvisionedModelName.MIN_LENGTH, max = ProvisionedModelName.MAX_LENGTH)
        @AwsPattern(ProvisionedModelName.PATTERN)
        String desiredProvisionedModelName,
    @Size(min = ModelIdentifier.MIN_LENGTH, max = ModelIdentifier.MAX_LENGTH)
        @AwsPattern(ModelIdentifier.PATTERN)
        String desiredModelId) {}
