package dev.strata.app.cli;

import dev.strata.ports.driving.UntagResourceCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strata untag}: UntagResource, as {@code aws bedrock untag-resource}. The response is
 * empty, so nothing is printed.
 */
@Command(
    name = "untag",
    aliases = "untag-resource",
    mixinStandardHelpOptions = true,
    description = "Removes tags from a provisioned throughput; absent keys are ignored. Prints nothing.")
final class UntagCommand extends ServiceCommand {
  static final String OPERATION = "UntagResource";

  @Mixin private Identifiers.ResourceArn arn;

  @Option(
      names = "--tag-keys",
      required = true,
      arity = "1..*",
      paramLabel = "<string>",
      description = "The keys to remove, e.g. --tag-keys team env.")
  private List<String> tagKeys;

  @Override
  ServiceCall<?> serviceCall() {
    return ServiceCall.withEmptyResponse(
        OPERATION,
        strata -> strata.untagResource(new UntagResourceCommand(arn.value, tagKeys)));
  }
}
