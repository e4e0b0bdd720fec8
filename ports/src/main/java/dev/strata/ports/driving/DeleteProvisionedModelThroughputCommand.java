package dev.strata.ports.driving;

import dev.strata.domain.ProvisionedModelIdentifier;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.constraints.NotNull;

/** DeleteProvisionedModelThroughputRequest. @param provisionedModelId the name or the ARN (D15) */
public record DeleteProvisionedModelThroughputCommand(
    @NotNull @AwsPattern(ProvisionedModelIdentifier.PATTERN) String provisionedModelId) {}
