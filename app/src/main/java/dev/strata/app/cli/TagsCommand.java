package dev.strata.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.server.WireShapes;
import dev.strata.ports.driving.ListTagsForResourceCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code strata tags}: ListTagsForResource, as {@code aws bedrock list-tags-for-resource}.
 *
 * <p>Text output: one line {@code key<TAB>value} per tag, in the order the keys were first set.
 */
@Command(
    name = "tags",
    aliases = "list-tags-for-resource",
    mixinStandardHelpOptions = true,
    description = {
      "Prints the tags of a provisioned throughput.",
      "Text output: one line <key>TAB<value> per tag, in the order the keys were first set."
    })
final class TagsCommand extends ServiceCommand {
  static final String OPERATION = "ListTagsForResource";

  @Mixin private Identifiers.ResourceArn arn;

  @Override
  ServiceCall<?> serviceCall() {
    return new ServiceCall<>(
            OPERATION,
            strata -> strata.listTagsForResource(new ListTagsForResourceCommand(arn.value)),
            WireShapes::tags,
            TagsCommand::tagLines);
  }

  private static List<String> tagLines(ObjectNode response) {
    List<String> lines = new ArrayList<>();
    for (JsonNode tag : response.get("tags")) {
      lines.add(tag.get("key").asText() + "\t" + tag.get("value").asText());
    }
    return lines;
  }
}
