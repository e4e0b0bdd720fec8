package dev.strata.app.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.app.server.WireShapes;
import dev.strata.ports.driving.GetProvisionedModelThroughputCommand;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code strata get}: GetProvisionedModelThroughput, as {@code aws bedrock
 * get-provisioned-model-throughput}.
 *
 * <p>Text output: one line {@code member<TAB>value} per member of the response, in the response's
 * order; absent optional members have no line.
 */
@Command(
    name = "get",
    aliases = "get-provisioned-model-throughput",
    mixinStandardHelpOptions = true,
    description = {
      "Prints one provisioned throughput.",
      "Text output: one line <member>TAB<value> per member of the response."
    })
final class GetCommand extends ServiceCommand {
  static final String OPERATION = "GetProvisionedModelThroughput";

  @Mixin private Identifiers.ProvisionedModelId id;

  @Override
  ServiceCall<?> serviceCall() {
    return new ServiceCall<>(
            OPERATION,
            strata ->
                strata.getProvisionedModelThroughput(
                    new GetProvisionedModelThroughputCommand(id.value)),
            WireShapes::provisionedModelDetails,
            GetCommand::memberLines);
  }

  /** {@code member<TAB>value} per member of {@code response}. */
  private static List<String> memberLines(ObjectNode response) {
    List<String> lines = new ArrayList<>();
    response.fields().forEachRemaining(m -> lines.add(m.getKey() + "\t" + m.getValue().asText()));
    return lines;
  }
}
