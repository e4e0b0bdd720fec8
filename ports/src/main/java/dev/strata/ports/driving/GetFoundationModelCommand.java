package dev.strata.ports.driving;

import dev.strata.domain.CatalogShapes;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** GetFoundationModelRequest. @param modelIdentifier a foundation-model id or ARN */
public record GetFoundationModelCommand(
    @NotNull
        @Size(
            min = CatalogShapes.FOUNDATION_MODEL_IDENTIFIER_MIN_LENGTH,
            max = CatalogShapes.FOUNDATION_MODEL_IDENTIFIER_MAX_LENGTH)
        @AwsPattern(CatalogShapes.FOUNDATION_MODEL_IDENTIFIER_PATTERN)
        String modelIdentifier) {}
