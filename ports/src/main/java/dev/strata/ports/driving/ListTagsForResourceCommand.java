package dev.strata.ports.driving;

import dev.strata.domain.TaggableResourceArn;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** ListTagsForResourceRequest. */
public record ListTagsForResourceCommand(
    @NotNull
        @Size(min = TaggableResourceArn.MIN_LENGTH, max = TaggableResourceArn.MAX_LENGTH)
        @AwsPattern(TaggableResourceArn.PATTERN)
        String resourceARN) {}
