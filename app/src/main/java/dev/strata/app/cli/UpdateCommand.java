package dev.strata.app.cli;

import dev.strata.ports.driving.UpdateProvisionedModelThroughputCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code strata update}: UpdateProvisionedModelThroughput, as {@code aws bedrock
 * update-provisioned-model-throughput}. The response is empty, so nothing is printed.
 */
@Command(
    name = "update",
    aliases = "update-provisioned-model-throughput",
    mixinStandardHelpOptions = true,
    description = "Renames a provisioned throughput and/or moves it to another model; prints nothing.")
final class UpdateCommand extends ServiceCommand {
  static final String OPERATION = "UpdateProvisionedModelThroughput";

  @Mixin private Identifiers.ProvisionedModelId id;

  @Option(
      names = "--desired-provisioned-model-name",
      paramLabel = "<string>",
      description = "The new name.")
  private String desiredProvisionedModelName;

  @Option(
      names = "--desired-model-id",
      paramLabel = "<string>",
      description =
          "The model to move to: the base model of the custom model it serves, or another custom"
              + " model of that base.")
  private String desiredModelId;

  @Override
  ServiceCall<?> serviceCall() {
    return ServiceCall.withEmptyResponse(
        OPERATION,
        strata ->
            strata.updateProvisionedModelThroughput(
                new UpdateProvisionedModelThroughputCommand(
                    id.value, desiredProvisionedModelName, desiredModelId)));
  }
}
