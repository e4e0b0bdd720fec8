package dev.strata.app.cli;

import dev.strata.ports.driving.DeleteProvisionedModelThroughputCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code strata delete}: DeleteProvisionedModelThroughput, as {@code aws bedrock
 * delete-provisioned-model-throughput}. The response is empty, so nothing is printed.
 */
@Command(
    name = "delete",
    aliases = "delete-provisioned-model-throughput",
    mixinStandardHelpOptions = true,
    description =
        "Deletes a provisioned throughput whose commitment term has ended or that has none;"
            + " prints nothing.")
final class DeleteCommand extends ServiceCommand {
  static final String OPERATION = "DeleteProvisionedModelThroughput";

  @Mixin private Identifiers.ProvisionedModelId id;

  @Override
  ServiceCall<?> serviceCall() {
    return ServiceCall.withEmptyResponse(
        OPERATION,
        strata ->
            strata.deleteProvisionedModelThroughput(
                new DeleteProvisionedModelThroughputCommand(id.value)));
  }
}
