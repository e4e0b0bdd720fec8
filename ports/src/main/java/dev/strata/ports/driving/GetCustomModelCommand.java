package dev.strata.ports.driving;

import dev.strata.domain.ModelIdentifier;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** GetCustomModelRequest. @param modelIdentifier a custom model's name or ARN */
public record GetCustomModelCommand(
    @NotNull
        @Size(min = ModelIdentifier.MIN_LENGTH, max = ModelIdentifier.MAX_LENGTH)
        @AwsPattern(ModelIdentifier.PATTERN)
        String modelIdentifier) {}
