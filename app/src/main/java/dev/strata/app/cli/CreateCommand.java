package dev.strata.app.cli;

import dev.strata.app.server.WireShapes;
import dev.strata.ports.driving.CreateProvisionedModelThroughputCommand;
import dev.strata.ports.driving.RequestTag;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code strata create}: CreateProvisionedModelThroughput, with the options of {@code aws bedrock
 * create-provisioned-model-throughput}. The three required options are checked here, as the AWS
 * CLI does; every other constraint is the service's, so {@code --model-units 0} is answered with
 * its ValidationException.
 *
 * <p>Output: {@code text} prints the ARN on its own line; {@code json} prints the response {@code
 * {"provisionedModelArn": "arn:..."}}, indented by four spaces as the AWS CLI prints it.
 */
@Command(
    name = "create",
    aliases = "create-provisioned-model-throughput",
    mixinStandardHelpOptions = true,
    description = "Creates a provisioned throughput and prints its ARN.")
final class CreateCommand extends ServiceCommand {
  static final String OPERATION = "CreateProvisionedModelThroughput";

  @Option(
      names = "--model-units",
      required = true,
      paramLabel = "<integer>",
      description = "Number of model units to buy; at least 1.")
  private Integer modelUnits;

  @Option(
      names = "--provisioned-model-name",
      required = true,
      paramLabel = "<string>",
      description = "Name for the provisioned throughput, unique in the account and region.")
  private String provisionedModelName;

  @Option(
      names = "--model-id",
      required = true,
      paramLabel = "<string>",
      description =
          "Foundation-model id with context variant (e.g. amazon.nova-lite-v1:0:24k), "
              + "foundation- or custom-model ARN, or custom-model name.")
  private String modelId;

  @Option(
      names = "--commitment-duration",
      paramLabel = "<string>",
      description = "OneMonth or SixMonths; omit for no commitment.")
  private String commitmentDuration;

  @Option(
      names = "--client-request-token",
      paramLabel = "<string>",
      description = "Idempotency token. Unlike the AWS CLI, none is generated when omitted.")
  private String clientRequestToken;

  @Option(
      names = "--tags",
      arity = "1..*",
      paramLabel = "key=<k>,value=<v>",
      converter = TagConverter.class,
      description =
          "Tags in the AWS CLI shorthand, e.g. --tags key=team,value=ml key=env,value=dev "
              + "(Key= and Value= are accepted as well).")
  private List<RequestTag> tags;

  @Override
  ServiceCall<?> serviceCall() {
    return new ServiceCall<>(
            OPERATION,
            strata ->
                strata.createProvisionedModelThroughput(
                    new CreateProvisionedModelThroughputCommand(
                        clientRequestToken,
                        modelUnits,
                        provisionedModelName,
                        modelId,
                        commitmentDuration,
                        tags)),
            arn -> WireShapes.object().put("provisionedModelArn", arn.value()),
            response -> List.of(response.get("provisionedModelArn").asText()));
  }

  /**
   * One tag in the AWS CLI shorthand {@code key=k,value=v}. Bedrock's Tag members are {@code key}
   * and {@code value}; the capitalised {@code Key}/{@code Value} of other services are accepted
   * too. A value may contain {@code =}.
   */
  static final class TagConverter implements ITypeConverter<RequestTag> {
    @Override
    public RequestTag convert(String shorthand) {
      String key = null;
      String value = null;
      for (String member : shorthand.split(",", -1)) {
        int eq = member.indexOf('=');
        String name = eq < 0 ? member : member.substring(0, eq);
        if (eq < 0 || !(name.equalsIgnoreCase("key") || name.equalsIgnoreCase("value"))) {
          throw new TypeConversionException(
              "'" + shorthand + "' is not a tag; expected key=<k>,value=<v>");
        }
        if (name.equalsIgnoreCase("key") ? key != null : value != null) {
          throw new TypeConversionException(
              "'" + shorthand + "' names " + name.toLowerCase(java.util.Locale.ROOT) + " twice");
        }
        if (name.equalsIgnoreCase("key")) {
          key = member.substring(eq + 1);
        } else {
          value = member.substring(eq + 1);
        }
      }
      if (key == null || value == null) {
        throw new TypeConversionException(
            "'" + shorthand + "' needs both key and value: key=<k>,value=<v>");
      }
      return RequestTag.of(key, value);
    }
  }
}
