package dev.strata.ports.driving;

import dev.strata.domain.ListLimits;
import dev.strata.domain.ModelArn;
import dev.strata.domain.ProvisionedModelName;
import dev.strata.domain.ProvisionedModelStatus;
import dev.strata.domain.SortByProvisionedModels;
import dev.strata.domain.SortOrder;
import dev.strata.ports.validation.AwsEnum;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * ListProvisionedModelThroughputsRequest; every member is optional (D16: filters combine with AND,
 * creation-time bounds are exclusive, the default order is CreationTime Descending, the default and
 * largest page is 1000).
 */
public record ListProvisionedModelThroughputsCommand(
    Instant creationTimeAfter,
    Instant creationTimeBefore,
    @AwsEnum(ProvisionedModelStatus.class) String statusEquals,
    @Size(min = ModelArn.MIN_LENGTH, max = ModelArn.MAX_LENGTH) @AwsPattern(ModelArn.PATTERN)
        String modelArnEquals,
    @Size(min = ProvisionedModelName.MIN_LENGTH, max = ProvisionedModelName.MAX_LENGTH)
        @AwsPattern(ProvisionedModelName.PATTERN)
        String nameContains,
    @Min(ListLimits.MIN_RESULTS) @Max(ListLimits.MAX_RESULTS) Integer maxResults,
    @Size(min = ListLimits.TOKEN_MIN_LENGTH, max = ListLimits.TOKEN_MAX_LENGTH)
        @AwsPattern(ListLimits.TOKEN_PATTERN)
        String nextToken,
    @AwsEnum(SortByProvisionedModels.class) String sortBy,
    @AwsEnum(SortOrder.class) String sortOrder) {

  /** The first page of everything, newest first. */
  public static ListProvisionedModelThroughputsCommand all() {
    return new ListProvisionedModelThroughputsCommand(
        null, null, null, null, null, null, null, null, null);
  }

  /** This query again, resuming at {@code token}. */
  public ListProvisionedModelThroughputsCommand withNextToken(String token) {
    return new ListProvisionedModelThroughputsCommand(
        creationTimeAfter, creationTimeBefore, statusEquals, modelArnEquals, nameContains,
        maxResults, token, sortBy, sortOrder);
  }

  /** This query with pages of {@code size}. */
  public ListProvisionedModelThroughputsCommand withMaxResults(Integer size) {
    return new ListProvisionedModelThroughputsCommand(
        creationTimeAfter, creationTimeBefore, statusEquals, modelArnEquals, nameContains, size,
        nextToken, sortBy, sortOrder);
  }
}
