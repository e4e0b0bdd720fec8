package dev.strata.ports.driving;

import dev.strata.domain.CatalogShapes;
import dev.strata.domain.FoundationModelArn;
import dev.strata.domain.ListLimits;
import dev.strata.domain.ModelArn;
import dev.strata.domain.ModelStatus;
import dev.strata.domain.SortByProvisionedModels;
import dev.strata.domain.SortOrder;
import dev.strata.ports.validation.AwsEnum;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * ListCustomModelsRequest; every member is optional. Filters combine with AND, creation-time bounds
 * are exclusive, {@code nameContains} is a case-sensitive substring; paging is as in
 * ListProvisionedModelThroughputs (D16).
 */
public record ListCustomModelsCommand(
    Instant creationTimeBefore,
    Instant creationTimeAfter,
    @Size(
            min = CatalogShapes.CUSTOM_MODEL_NAME_MIN_LENGTH,
            max = CatalogShapes.CUSTOM_MODEL_NAME_MAX_LENGTH)
        @AwsPattern(CatalogShapes.CUSTOM_MODEL_NAME_PATTERN)
        String nameContains,
    @Size(min = ModelArn.MIN_LENGTH, max = ModelArn.MAX_LENGTH) @AwsPattern(ModelArn.PATTERN)
        String baseModelArnEquals,
    @AwsPattern(FoundationModelArn.PATTERN) String foundationModelArnEquals,
    @Min(ListLimits.MIN_RESULTS) @Max(ListLimits.MAX_RESULTS) Integer maxResults,
    @Size(min = ListLimits.TOKEN_MIN_LENGTH, max = ListLimits.TOKEN_MAX_LENGTH)
        @AwsPattern(ListLimits.TOKEN_PATTERN)
        String nextToken,
    @AwsEnum(SortByProvisionedModels.class) String sortBy,
    @AwsEnum(SortOrder.class) String sortOrder,
    Boolean isOwned,
    @AwsEnum(ModelStatus.class) String modelStatus) {

  public static ListCustomModelsCommand all() {
    return new ListCustomModelsCommand(
        null, null, null, null, null, null, null, null, null, null, null);
  }
}
