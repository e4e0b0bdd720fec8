package dev.strata.ports.driving;

import dev.strata.domain.TaggableResourceArn;
import dev.strata.domain.Tags;
import dev.strata.ports.validation.AwsPattern;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** TagResourceRequest: sets {@code tags} on the resource (D4–D6). */
public record TagResourceCommand(
    @NotNull
        @Size(min = TaggableResourceArn.MIN_LENGTH, max = TaggableResourceArn.MAX_LENGTH)
        @AwsPattern(TaggableResourceArn.PATTERN)
        String resourceARN,
    @NotNull @Size(max = Tags.MAX_PER_REQUEST) List<@NotNull @Valid RequestTag> tags) {}
