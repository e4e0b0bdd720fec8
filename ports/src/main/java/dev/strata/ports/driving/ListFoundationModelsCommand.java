package dev.strata.ports.driving;

import dev.strata.domain.CatalogShapes;
import dev.strata.domain.InferenceType;
import dev.strata.domain.ModelCustomization;
import dev.strata.domain.ModelModality;
import dev.strata.ports.validation.AwsEnum;
import dev.strata.ports.validation.AwsPattern;

/**
 * ListFoundationModelsRequest; every filter is optional and they combine with AND. {@code
 * byProvider} compares provider names case-insensitively.
 */
public record ListFoundationModelsCommand(
    @AwsPattern(CatalogShapes.PROVIDER_PATTERN) String byProvider,
    @AwsEnum(ModelCustomization.class) String byCustomizationType,
    @AwsEnum(ModelModality.class) String byOutputModality,
    @AwsEnum(InferenceType.class) String byInferenceType) {

  public static ListFoundationModelsCommand all() {
    return new ListFoundationModelsCommand(null, null, null, null);
  }
}
