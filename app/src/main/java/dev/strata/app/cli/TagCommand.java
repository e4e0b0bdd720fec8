package dev.strata.app.cli;

import dev.strata.ports.driving.RequestTag;
import dev.strata.ports.driving.TagResourceCommand;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strata tag}: TagResource, as {@code aws bedrock tag-resource}. The response is empty, so
 * nothing is printed.
 */
@Command(
    name = "tag",
    aliases = "tag-resource",
    mixinStandardHelpOptions = true,
    description = "Sets tags on a provisioned throughput; an existing key takes the new value. Prints nothing.")
final class TagCommand extends ServiceCommand {
  static final String OPERATION = "TagResource";

  @Mixin private Identifiers.ResourceArn arn;

  @Option(
      names = "--tags",
      required = true,
      arity = "1..*",
      paramLabel = "key=<k>,value=<v>",
      converter = CreateCommand.TagConverter.class,
      description = "Tags in the AWS CLI shorthand, e.g. --tags key=team,value=ml key=env,value=dev.")
  private List<RequestTag> tags;

  @Override
  ServiceCall<?> serviceCall() {
    return ServiceCall.withEmptyResponse(
        OPERATION,
        strata -> strata.tagResource(new TagResourceCommand(arn.value, tags)));
  }
}
