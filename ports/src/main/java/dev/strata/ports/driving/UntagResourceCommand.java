package dev.strata.ports.driving;

import dev.strata.domain.TagKey;
import dev.strata.domain.TaggableResourceArn;
import dev.strata.domain.Tags;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** UntagResourceRequest: removes the tags with {@code tagKeys}; absent keys are ignored. */
public record UntagResourceCommand(
    @NotNull
        @Size(min = TaggableResourceArn.MIN_LENGTH, max = TaggableResourceArn.MAX_LENGTH)
        @AwsPattern(TaggableResourceArn.PATTERN)
        String resourceARN,
    @NotNull
        @Size(max = Tags.MAX_PER_REQUEST)
        List<
                @NotNull @Size(min = TagKey.MIN_LENGTH, max = TagKey.MAX_LENGTH)
                @AwsPattern(TagKey.PATTERN) String>
            tagKeys) {}
